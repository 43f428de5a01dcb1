-- Answers of the lab's hosts, recorded by tests/unit/plans/record.sh:
-- see tests/unit/plans/scripted.lua.  Regenerate, do not edit.
return {
  ["@NET@.11:2181 lgif"] = {
    [1] = {
      [2] = "@NET@.11:2181 lgif:1:1: expected an answer, got nothing (the server closed the connection without a word)",
      [3] = "parse error",
      ["n"] = 3,
    },
  },
  ["@NET@.11:2181,@NET@.12:2181,@NET@.13:2181 connect"] = {
    [1] = {
      [1] = true,
      ["n"] = 1,
    },
    [2] = {
      [1] = true,
      ["n"] = 1,
    },
  },
  ["@NET@.11:2181,@NET@.12:2181,@NET@.13:2181 get /drctl/marker"] = {
    [1] = {
      [1] = "run=20261204-080850-2746a time=1796371755341",
      [2] = {
        ["cversion"] = 0,
        ["czxid"] = 4294967500,
        ["data_length"] = 44,
        ["ephemeral_owner"] = 0,
        ["mzxid"] = 8589934769,
        ["num_children"] = 0,
        ["version"] = 2,
      },
      ["n"] = 2,
    },
    [2] = {
      [1] = "run=20261204-080850-2746a time=1796371755341",
      [2] = {
        ["cversion"] = 0,
        ["czxid"] = 4294967500,
        ["data_length"] = 44,
        ["ephemeral_owner"] = 0,
        ["mzxid"] = 8589934769,
        ["num_children"] = 0,
        ["version"] = 2,
      },
      ["n"] = 2,
    },
  },
  ["@NET@.12:2181 lgif"] = {
    [1] = {
      [2] = "@NET@.12:2181 lgif:1:1: expected an answer, got nothing (the server closed the connection without a word)",
      [3] = "parse error",
      ["n"] = 3,
    },
  },
  ["@NET@.13:2181 lgif"] = {
    [1] = {
      [2] = "@NET@.13:2181 lgif:1:1: expected an answer, got nothing (the server closed the connection without a word)",
      [3] = "parse error",
      ["n"] = 3,
    },
  },
  ["@NET@.14:2181 config"] = {
    [1] = {
      [1] = {
        ["members"] = {
          [1] = {
            ["client_host"] = "@NET@.11",
            ["client_port"] = 2181,
            ["election_port"] = 3888,
            ["host"] = "@NET@.11",
            ["id"] = 1,
            ["quorum_port"] = 2888,
            ["role"] = "observer",
          },
          [2] = {
            ["client_host"] = "@NET@.12",
            ["client_port"] = 2181,
            ["election_port"] = 3888,
            ["host"] = "@NET@.12",
            ["id"] = 2,
            ["quorum_port"] = 2888,
            ["role"] = "observer",
          },
          [3] = {
            ["client_host"] = "@NET@.13",
            ["client_port"] = 2181,
            ["election_port"] = 3888,
            ["host"] = "@NET@.13",
            ["id"] = 3,
            ["quorum_port"] = 2888,
            ["role"] = "observer",
          },
          [4] = {
            ["client_host"] = "@NET@.14",
            ["client_port"] = 2181,
            ["election_port"] = 3888,
            ["host"] = "@NET@.14",
            ["id"] = 4,
            ["quorum_port"] = 2888,
            ["role"] = "participant",
          },
          [5] = {
            ["client_host"] = "@NET@.15",
            ["client_port"] = 2181,
            ["election_port"] = 3888,
            ["host"] = "@NET@.15",
            ["id"] = 5,
            ["quorum_port"] = 2888,
            ["role"] = "participant",
          },
          [6] = {
            ["client_host"] = "@NET@.16",
            ["client_port"] = 2181,
            ["election_port"] = 3888,
            ["host"] = "@NET@.16",
            ["id"] = 6,
            ["quorum_port"] = 2888,
            ["role"] = "participant",
          },
        },
        ["simulated"] = false,
        ["text"] = "server.1=@NET@.11:2888:3888:observer;@NET@.11:2181\
server.2=@NET@.12:2888:3888:observer;@NET@.12:2181\
server.3=@NET@.13:2888:3888:observer;@NET@.13:2181\
server.4=@NET@.14:2888:3888:participant;@NET@.14:2181\
server.5=@NET@.15:2888:3888:participant;@NET@.15:2181\
server.6=@NET@.16:2888:3888:participant;@NET@.16:2181\
version=200000066",
        ["version"] = 8589934694,
      },
      ["n"] = 1,
    },
    [2] = {
      [1] = {
        ["members"] = {
          [1] = {
            ["client_host"] = "@NET@.11",
            ["client_port"] = 2181,
            ["election_port"] = 3888,
            ["host"] = "@NET@.11",
            ["id"] = 1,
            ["quorum_port"] = 2888,
            ["role"] = "observer",
          },
          [2] = {
            ["client_host"] = "@NET@.12",
            ["client_port"] = 2181,
            ["election_port"] = 3888,
            ["host"] = "@NET@.12",
            ["id"] = 2,
            ["quorum_port"] = 2888,
            ["role"] = "observer",
          },
          [3] = {
            ["client_host"] = "@NET@.13",
            ["client_port"] = 2181,
            ["election_port"] = 3888,
            ["host"] = "@NET@.13",
            ["id"] = 3,
            ["quorum_port"] = 2888,
            ["role"] = "observer",
          },
          [4] = {
            ["client_host"] = "@NET@.14",
            ["client_port"] = 2181,
            ["election_port"] = 3888,
            ["host"] = "@NET@.14",
            ["id"] = 4,
            ["quorum_port"] = 2888,
            ["role"] = "participant",
          },
          [5] = {
            ["client_host"] = "@NET@.15",
            ["client_port"] = 2181,
            ["election_port"] = 3888,
            ["host"] = "@NET@.15",
            ["id"] = 5,
            ["quorum_port"] = 2888,
            ["role"] = "participant",
          },
          [6] = {
            ["client_host"] = "@NET@.16",
            ["client_port"] = 2181,
            ["election_port"] = 3888,
            ["host"] = "@NET@.16",
            ["id"] = 6,
            ["quorum_port"] = 2888,
            ["role"] = "participant",
          },
        },
        ["simulated"] = false,
        ["text"] = "server.1=@NET@.11:2888:3888:observer;@NET@.11:2181\
server.2=@NET@.12:2888:3888:observer;@NET@.12:2181\
server.3=@NET@.13:2888:3888:observer;@NET@.13:2181\
server.4=@NET@.14:2888:3888:participant;@NET@.14:2181\
server.5=@NET@.15:2888:3888:participant;@NET@.15:2181\
server.6=@NET@.16:2888:3888:participant;@NET@.16:2181\
version=200000066",
        ["version"] = 8589934694,
      },
      ["n"] = 1,
    },
  },
  ["@NET@.14:2181 connect"] = {
    [1] = {
      [1] = true,
      ["n"] = 1,
    },
    [2] = {
      [1] = true,
      ["n"] = 1,
    },
  },
  ["@NET@.14:2181 exists /drctl/topology"] = {
    [1] = {
      [1] = true,
      [2] = {
        ["cversion"] = 0,
        ["czxid"] = 8589934677,
        ["data_length"] = 86,
        ["ephemeral_owner"] = 0,
        ["mzxid"] = 8589934677,
        ["num_children"] = 0,
        ["version"] = 0,
      },
      ["n"] = 2,
    },
    [2] = {
      [1] = true,
      [2] = {
        ["cversion"] = 0,
        ["czxid"] = 8589934677,
        ["data_length"] = 86,
        ["ephemeral_owner"] = 0,
        ["mzxid"] = 8589934677,
        ["num_children"] = 0,
        ["version"] = 0,
      },
      ["n"] = 2,
    },
  },
  ["@NET@.14:2181 get /drctl/topology"] = {
    [1] = {
      [1] = "generation=1\
primary=dallas\
standby=chicago\
run=20261204-080731-21416\
time=1796371686\
",
      [2] = {
        ["cversion"] = 0,
        ["czxid"] = 8589934677,
        ["data_length"] = 86,
        ["ephemeral_owner"] = 0,
        ["mzxid"] = 8589934677,
        ["num_children"] = 0,
        ["version"] = 0,
      },
      ["n"] = 2,
    },
    [2] = {
      [1] = "generation=1\
primary=dallas\
standby=chicago\
run=20261204-080731-21416\
time=1796371686\
",
      [2] = {
        ["cversion"] = 0,
        ["czxid"] = 8589934677,
        ["data_length"] = 86,
        ["ephemeral_owner"] = 0,
        ["mzxid"] = 8589934677,
        ["num_children"] = 0,
        ["version"] = 0,
      },
      ["n"] = 2,
    },
  },
  ["ch query @NET@.21:8123 SELECT database, table, zookeeper_path, replica_name FROM system.replicas ORDER BY database, table"] = {
    [1] = {
      [1] = {
        [1] = {
          ["database"] = "default",
          ["replica_name"] = "chi-01",
          ["table"] = "events",
          ["zookeeper_path"] = "/clickhouse/cluster1/tables/0/events",
        },
        [2] = {
          ["database"] = "default",
          ["replica_name"] = "chi-01",
          ["table"] = "heartbeat",
          ["zookeeper_path"] = "/clickhouse/cluster1/tables/0/heartbeat",
        },
        ["columns"] = {
          [1] = "database",
          [2] = "table",
          [3] = "zookeeper_path",
          [4] = "replica_name",
        },
      },
      ["n"] = 1,
    },
    [2] = {
      [1] = {
        [1] = {
          ["database"] = "default",
          ["replica_name"] = "chi-01",
          ["table"] = "events",
          ["zookeeper_path"] = "/clickhouse/cluster1/tables/0/events",
        },
        [2] = {
          ["database"] = "default",
          ["replica_name"] = "chi-01",
          ["table"] = "heartbeat",
          ["zookeeper_path"] = "/clickhouse/cluster1/tables/0/heartbeat",
        },
        ["columns"] = {
          [1] = "database",
          [2] = "table",
          [3] = "zookeeper_path",
          [4] = "replica_name",
        },
      },
      ["n"] = 1,
    },
    [3] = {
      [1] = {
        [1] = {
          ["database"] = "default",
          ["replica_name"] = "chi-01",
          ["table"] = "events",
          ["zookeeper_path"] = "/clickhouse/cluster1/tables/0/events",
        },
        [2] = {
          ["database"] = "default",
          ["replica_name"] = "chi-01",
          ["table"] = "heartbeat",
          ["zookeeper_path"] = "/clickhouse/cluster1/tables/0/heartbeat",
        },
        ["columns"] = {
          [1] = "database",
          [2] = "table",
          [3] = "zookeeper_path",
          [4] = "replica_name",
        },
      },
      ["n"] = 1,
    },
    [4] = {
      [1] = {
        [1] = {
          ["database"] = "default",
          ["replica_name"] = "chi-01",
          ["table"] = "events",
          ["zookeeper_path"] = "/clickhouse/cluster1/tables/0/events",
        },
        [2] = {
          ["database"] = "default",
          ["replica_name"] = "chi-01",
          ["table"] = "heartbeat",
          ["zookeeper_path"] = "/clickhouse/cluster1/tables/0/heartbeat",
        },
        ["columns"] = {
          [1] = "database",
          [2] = "table",
          [3] = "zookeeper_path",
          [4] = "replica_name",
        },
      },
      ["n"] = 1,
    },
  },
  ["ch query @NET@.23:8123 SELECT database, name, engine FROM system.tables"] = {
    [1] = {
      [1] = {
        [1] = {
          ["database"] = "default",
          ["engine"] = "ReplicatedMergeTree",
          ["name"] = "events",
        },
        [2] = {
          ["database"] = "default",
          ["engine"] = "ReplicatedReplacingMergeTree",
          ["name"] = "heartbeat",
        },
        [3] = {
          ["database"] = "system",
          ["engine"] = "SystemAggregateFunctionCombinators",
          ["name"] = "aggregate_function_combinators",
        },
        [4] = {
          ["database"] = "system",
          ["engine"] = "SystemAsynchronousMetrics",
          ["name"] = "asynchronous_metrics",
        },
        [5] = {
          ["database"] = "system",
          ["engine"] = "SystemBuildOptions",
          ["name"] = "build_options",
        },
        [6] = {
          ["database"] = "system",
          ["engine"] = "SystemClusters",
          ["name"] = "clusters",
        },
        [7] = {
          ["database"] = "system",
          ["engine"] = "SystemTableCollations",
          ["name"] = "collations",
        },
        [8] = {
          ["database"] = "system",
          ["engine"] = "SystemColumns",
          ["name"] = "columns",
        },
        [9] = {
          ["database"] = "system",
          ["engine"] = "SystemContributors",
          ["name"] = "contributors",
        },
        [10] = {
          ["database"] = "system",
          ["engine"] = "SystemTableDataTypeFamilies",
          ["name"] = "data_type_families",
        },
        [11] = {
          ["database"] = "system",
          ["engine"] = "SystemDatabases",
          ["name"] = "databases",
        },
        [12] = {
          ["database"] = "system",
          ["engine"] = "SystemDictionaries",
          ["name"] = "dictionaries",
        },
        [13] = {
          ["database"] = "system",
          ["engine"] = "SystemEvents",
          ["name"] = "events",
        },
        [14] = {
          ["database"] = "system",
          ["engine"] = "SystemFormats",
          ["name"] = "formats",
        },
        [15] = {
          ["database"] = "system",
          ["engine"] = "SystemFunctions",
          ["name"] = "functions",
        },
        [16] = {
          ["database"] = "system",
          ["engine"] = "SystemGraphite",
          ["name"] = "graphite_retentions",
        },
        [17] = {
          ["database"] = "system",
          ["engine"] = "SystemMacros",
          ["name"] = "macros",
        },
        [18] = {
          ["database"] = "system",
          ["engine"] = "SystemMergeTreeSettings",
          ["name"] = "merge_tree_settings",
        },
        [19] = {
          ["database"] = "system",
          ["engine"] = "SystemMerges",
          ["name"] = "merges",
        },
        [20] = {
          ["database"] = "system",
          ["engine"] = "SystemMetrics",
          ["name"] = "metrics",
        },
        [21] = {
          ["database"] = "system",
          ["engine"] = "SystemModels",
          ["name"] = "models",
        },
        [22] = {
          ["database"] = "system",
          ["engine"] = "SystemMutations",
          ["name"] = "mutations",
        },
        [23] = {
          ["database"] = "system",
          ["engine"] = "SystemNumbers",
          ["name"] = "numbers",
        },
        [24] = {
          ["database"] = "system",
          ["engine"] = "SystemNumbers",
          ["name"] = "numbers_mt",
        },
        [25] = {
          ["database"] = "system",
          ["engine"] = "SystemOne",
          ["name"] = "one",
        },
        [26] = {
          ["database"] = "system",
          ["engine"] = "SystemParts",
          ["name"] = "parts",
        },
        [27] = {
          ["database"] = "system",
          ["engine"] = "SystemPartsColumns",
          ["name"] = "parts_columns",
        },
        [28] = {
          ["database"] = "system",
          ["engine"] = "SystemProcesses",
          ["name"] = "processes",
        },
        [29] = {
          ["database"] = "system",
          ["engine"] = "SystemReplicas",
          ["name"] = "replicas",
        },
        [30] = {
          ["database"] = "system",
          ["engine"] = "SystemReplicationQueue",
          ["name"] = "replication_queue",
        },
        [31] = {
          ["database"] = "system",
          ["engine"] = "SystemSettings",
          ["name"] = "settings",
        },
        [32] = {
          ["database"] = "system",
          ["engine"] = "SystemTableEngines",
          ["name"] = "table_engines",
        },
        [33] = {
          ["database"] = "system",
          ["engine"] = "SystemTableFunctions",
          ["name"] = "table_functions",
        },
        [34] = {
          ["database"] = "system",
          ["engine"] = "SystemTables",
          ["name"] = "tables",
        },
        [35] = {
          ["database"] = "system",
          ["engine"] = "SystemZooKeeper",
          ["name"] = "zookeeper",
        },
        ["columns"] = {
          [1] = "database",
          [2] = "name",
          [3] = "engine",
        },
      },
      ["n"] = 1,
    },
  },
  ["ch query @NET@.23:8123 SELECT database, table, zookeeper_path, replica_name FROM system.replicas ORDER BY database, table"] = {
    [1] = {
      [1] = {
        [1] = {
          ["database"] = "default",
          ["replica_name"] = "dal-01",
          ["table"] = "events",
          ["zookeeper_path"] = "/clickhouse/cluster1/tables/0/events",
        },
        [2] = {
          ["database"] = "default",
          ["replica_name"] = "dal-01",
          ["table"] = "heartbeat",
          ["zookeeper_path"] = "/clickhouse/cluster1/tables/0/heartbeat",
        },
        ["columns"] = {
          [1] = "database",
          [2] = "table",
          [3] = "zookeeper_path",
          [4] = "replica_name",
        },
      },
      ["n"] = 1,
    },
  },
  ["ch query @NET@.23:8123 SELECT macro, substitution FROM system.macros"] = {
    [1] = {
      [1] = {
        [1] = {
          ["macro"] = "cluster",
          ["substitution"] = "cluster1",
        },
        [2] = {
          ["macro"] = "replica",
          ["substitution"] = "dal-01",
        },
        [3] = {
          ["macro"] = "shard",
          ["substitution"] = "0",
        },
        ["columns"] = {
          [1] = "macro",
          [2] = "substitution",
        },
      },
      ["n"] = 1,
    },
  },
  ["ch query @NET@.23:8123 SELECT name FROM system.databases"] = {
    [1] = {
      [1] = {
        [1] = {
          ["name"] = "default",
        },
        [2] = {
          ["name"] = "system",
        },
        ["columns"] = {
          [1] = "name",
        },
      },
      ["n"] = 1,
    },
  },
  ["ch query @NET@.24:8123 SELECT database, name, engine FROM system.tables"] = {
    [1] = {
      [1] = {
        [1] = {
          ["database"] = "default",
          ["engine"] = "ReplicatedMergeTree",
          ["name"] = "events",
        },
        [2] = {
          ["database"] = "default",
          ["engine"] = "ReplicatedReplacingMergeTree",
          ["name"] = "heartbeat",
        },
        [3] = {
          ["database"] = "system",
          ["engine"] = "SystemAggregateFunctionCombinators",
          ["name"] = "aggregate_function_combinators",
        },
        [4] = {
          ["database"] = "system",
          ["engine"] = "SystemAsynchronousMetrics",
          ["name"] = "asynchronous_metrics",
        },
        [5] = {
          ["database"] = "system",
          ["engine"] = "SystemBuildOptions",
          ["name"] = "build_options",
        },
        [6] = {
          ["database"] = "system",
          ["engine"] = "SystemClusters",
          ["name"] = "clusters",
        },
        [7] = {
          ["database"] = "system",
          ["engine"] = "SystemTableCollations",
          ["name"] = "collations",
        },
        [8] = {
          ["database"] = "system",
          ["engine"] = "SystemColumns",
          ["name"] = "columns",
        },
        [9] = {
          ["database"] = "system",
          ["engine"] = "SystemContributors",
          ["name"] = "contributors",
        },
        [10] = {
          ["database"] = "system",
          ["engine"] = "SystemTableDataTypeFamilies",
          ["name"] = "data_type_families",
        },
        [11] = {
          ["database"] = "system",
          ["engine"] = "SystemDatabases",
          ["name"] = "databases",
        },
        [12] = {
          ["database"] = "system",
          ["engine"] = "SystemDictionaries",
          ["name"] = "dictionaries",
        },
        [13] = {
          ["database"] = "system",
          ["engine"] = "SystemEvents",
          ["name"] = "events",
        },
        [14] = {
          ["database"] = "system",
          ["engine"] = "SystemFormats",
          ["name"] = "formats",
        },
        [15] = {
          ["database"] = "system",
          ["engine"] = "SystemFunctions",
          ["name"] = "functions",
        },
        [16] = {
          ["database"] = "system",
          ["engine"] = "SystemGraphite",
          ["name"] = "graphite_retentions",
        },
        [17] = {
          ["database"] = "system",
          ["engine"] = "SystemMacros",
          ["name"] = "macros",
        },
        [18] = {
          ["database"] = "system",
          ["engine"] = "SystemMergeTreeSettings",
          ["name"] = "merge_tree_settings",
        },
        [19] = {
          ["database"] = "system",
          ["engine"] = "SystemMerges",
          ["name"] = "merges",
        },
        [20] = {
          ["database"] = "system",
          ["engine"] = "SystemMetrics",
          ["name"] = "metrics",
        },
        [21] = {
          ["database"] = "system",
          ["engine"] = "SystemModels",
          ["name"] = "models",
        },
        [22] = {
          ["database"] = "system",
          ["engine"] = "SystemMutations",
          ["name"] = "mutations",
        },
        [23] = {
          ["database"] = "system",
          ["engine"] = "SystemNumbers",
          ["name"] = "numbers",
        },
        [24] = {
          ["database"] = "system",
          ["engine"] = "SystemNumbers",
          ["name"] = "numbers_mt",
        },
        [25] = {
          ["database"] = "system",
          ["engine"] = "SystemOne",
          ["name"] = "one",
        },
        [26] = {
          ["database"] = "system",
          ["engine"] = "SystemParts",
          ["name"] = "parts",
        },
        [27] = {
          ["database"] = "system",
          ["engine"] = "SystemPartsColumns",
          ["name"] = "parts_columns",
        },
        [28] = {
          ["database"] = "system",
          ["engine"] = "SystemProcesses",
          ["name"] = "processes",
        },
        [29] = {
          ["database"] = "system",
          ["engine"] = "SystemReplicas",
          ["name"] = "replicas",
        },
        [30] = {
          ["database"] = "system",
          ["engine"] = "SystemReplicationQueue",
          ["name"] = "replication_queue",
        },
        [31] = {
          ["database"] = "system",
          ["engine"] = "SystemSettings",
          ["name"] = "settings",
        },
        [32] = {
          ["database"] = "system",
          ["engine"] = "SystemTableEngines",
          ["name"] = "table_engines",
        },
        [33] = {
          ["database"] = "system",
          ["engine"] = "SystemTableFunctions",
          ["name"] = "table_functions",
        },
        [34] = {
          ["database"] = "system",
          ["engine"] = "SystemTables",
          ["name"] = "tables",
        },
        [35] = {
          ["database"] = "system",
          ["engine"] = "SystemZooKeeper",
          ["name"] = "zookeeper",
        },
        ["columns"] = {
          [1] = "database",
          [2] = "name",
          [3] = "engine",
        },
      },
      ["n"] = 1,
    },
  },
  ["ch query @NET@.24:8123 SELECT database, table, zookeeper_path, replica_name FROM system.replicas ORDER BY database, table"] = {
    [1] = {
      [1] = {
        [1] = {
          ["database"] = "default",
          ["replica_name"] = "dal-02",
          ["table"] = "events",
          ["zookeeper_path"] = "/clickhouse/cluster1/tables/0/events",
        },
        [2] = {
          ["database"] = "default",
          ["replica_name"] = "dal-02",
          ["table"] = "heartbeat",
          ["zookeeper_path"] = "/clickhouse/cluster1/tables/0/heartbeat",
        },
        ["columns"] = {
          [1] = "database",
          [2] = "table",
          [3] = "zookeeper_path",
          [4] = "replica_name",
        },
      },
      ["n"] = 1,
    },
  },
  ["ch query @NET@.24:8123 SELECT macro, substitution FROM system.macros"] = {
    [1] = {
      [1] = {
        [1] = {
          ["macro"] = "cluster",
          ["substitution"] = "cluster1",
        },
        [2] = {
          ["macro"] = "replica",
          ["substitution"] = "dal-02",
        },
        [3] = {
          ["macro"] = "shard",
          ["substitution"] = "0",
        },
        ["columns"] = {
          [1] = "macro",
          [2] = "substitution",
        },
      },
      ["n"] = 1,
    },
  },
  ["ch query @NET@.24:8123 SELECT name FROM system.databases"] = {
    [1] = {
      [1] = {
        [1] = {
          ["name"] = "default",
        },
        [2] = {
          ["name"] = "system",
        },
        ["columns"] = {
          [1] = "name",
        },
      },
      ["n"] = 1,
    },
  },
  ["ch query [@NET@.21:8123,@NET@.22:8123] SELECT query, elapsed FROM system.processes ORDER BY elapsed DESC"] = {
    [1] = {
      [1] = {
        [1] = {
          ["elapsed"] = 0.012,
          ["host"] = "@NET@.21",
          ["ok"] = true,
          ["port"] = 8123,
          ["rows"] = {
            [1] = {
              ["elapsed"] = "0.000462739",
              ["query"] = "SELECT query, elapsed FROM system.processes ORDER BY elapsed DESC FORMAT TabSeparatedWithNames",
            },
            ["columns"] = {
              [1] = "query",
              [2] = "elapsed",
            },
          },
          ["status"] = 200,
        },
        [2] = {
          ["elapsed"] = 0.012,
          ["host"] = "@NET@.22",
          ["ok"] = true,
          ["port"] = 8123,
          ["rows"] = {
            [1] = {
              ["elapsed"] = "0.000378779",
              ["query"] = "SELECT query, elapsed FROM system.processes ORDER BY elapsed DESC FORMAT TabSeparatedWithNames",
            },
            ["columns"] = {
              [1] = "query",
              [2] = "elapsed",
            },
          },
          ["status"] = 200,
        },
      },
      ["n"] = 1,
    },
  },
  ["ch query [@NET@.21:8123,@NET@.22:8123] SELECT zookeeper_path, replica_name FROM system.replicas"] = {
    [1] = {
      [1] = {
        [1] = {
          ["elapsed"] = 0.002,
          ["host"] = "@NET@.21",
          ["ok"] = true,
          ["port"] = 8123,
          ["rows"] = {
            [1] = {
              ["replica_name"] = "chi-01",
              ["zookeeper_path"] = "/clickhouse/cluster1/tables/0/events",
            },
            [2] = {
              ["replica_name"] = "chi-01",
              ["zookeeper_path"] = "/clickhouse/cluster1/tables/0/heartbeat",
            },
            ["columns"] = {
              [1] = "zookeeper_path",
              [2] = "replica_name",
            },
          },
          ["status"] = 200,
        },
        [2] = {
          ["elapsed"] = 0.0080000000000000002,
          ["host"] = "@NET@.22",
          ["ok"] = true,
          ["port"] = 8123,
          ["rows"] = {
            [1] = {
              ["replica_name"] = "chi-02",
              ["zookeeper_path"] = "/clickhouse/cluster1/tables/0/events",
            },
            [2] = {
              ["replica_name"] = "chi-02",
              ["zookeeper_path"] = "/clickhouse/cluster1/tables/0/heartbeat",
            },
            ["columns"] = {
              [1] = "zookeeper_path",
              [2] = "replica_name",
            },
          },
          ["status"] = 200,
        },
      },
      ["n"] = 1,
    },
  },
  ["ch query [@NET@.23:8123,@NET@.24:8123] SELECT query, elapsed FROM system.processes ORDER BY elapsed DESC"] = {
    [1] = {
      [1] = {
        [1] = {
          ["elapsed"] = 0.073999999999999996,
          ["host"] = "@NET@.23",
          ["ok"] = true,
          ["port"] = 8123,
          ["rows"] = {
            [1] = {
              ["elapsed"] = "0.000381204",
              ["query"] = "SELECT query, elapsed FROM system.processes ORDER BY elapsed DESC FORMAT TabSeparatedWithNames",
            },
            ["columns"] = {
              [1] = "query",
              [2] = "elapsed",
            },
          },
          ["status"] = 200,
        },
        [2] = {
          ["elapsed"] = 0.073999999999999996,
          ["host"] = "@NET@.24",
          ["ok"] = true,
          ["port"] = 8123,
          ["rows"] = {
            [1] = {
              ["elapsed"] = "0.000427402",
              ["query"] = "SELECT query, elapsed FROM system.processes ORDER BY elapsed DESC FORMAT TabSeparatedWithNames",
            },
            ["columns"] = {
              [1] = "query",
              [2] = "elapsed",
            },
          },
          ["status"] = 200,
        },
      },
      ["n"] = 1,
    },
  },
  ["ch replicas @NET@.21:8123"] = {
    [1] = {
      [1] = {
        [1] = {
          ["absolute_delay"] = 0,
          ["active_replicas"] = 4,
          ["caught_up"] = true,
          ["database"] = "default",
          ["inserts_in_queue"] = 0,
          ["is_readonly"] = false,
          ["is_session_expired"] = false,
          ["log_lag"] = 0,
          ["log_max_index"] = 0,
          ["log_pointer"] = 1,
          ["queue_size"] = 0,
          ["replica_name"] = "chi-01",
          ["table"] = "events",
          ["total_replicas"] = 4,
        },
        [2] = {
          ["absolute_delay"] = 0,
          ["active_replicas"] = 4,
          ["caught_up"] = true,
          ["database"] = "default",
          ["inserts_in_queue"] = 0,
          ["is_readonly"] = false,
          ["is_session_expired"] = false,
          ["log_lag"] = 0,
          ["log_max_index"] = 2,
          ["log_pointer"] = 3,
          ["queue_size"] = 0,
          ["replica_name"] = "chi-01",
          ["table"] = "heartbeat",
          ["total_replicas"] = 4,
        },
        ["caught_up"] = true,
      },
      ["n"] = 1,
    },
    [2] = {
      [1] = {
        [1] = {
          ["absolute_delay"] = 0,
          ["active_replicas"] = 4,
          ["caught_up"] = true,
          ["database"] = "default",
          ["inserts_in_queue"] = 0,
          ["is_readonly"] = false,
          ["is_session_expired"] = false,
          ["log_lag"] = 0,
          ["log_max_index"] = 0,
          ["log_pointer"] = 1,
          ["queue_size"] = 0,
          ["replica_name"] = "chi-01",
          ["table"] = "events",
          ["total_replicas"] = 4,
        },
        [2] = {
          ["absolute_delay"] = 0,
          ["active_replicas"] = 4,
          ["caught_up"] = true,
          ["database"] = "default",
          ["inserts_in_queue"] = 0,
          ["is_readonly"] = false,
          ["is_session_expired"] = false,
          ["log_lag"] = 0,
          ["log_max_index"] = 2,
          ["log_pointer"] = 3,
          ["queue_size"] = 0,
          ["replica_name"] = "chi-01",
          ["table"] = "heartbeat",
          ["total_replicas"] = 4,
        },
        ["caught_up"] = true,
      },
      ["n"] = 1,
    },
  },
  ["fourlw probe [@NET@.11:2181,@NET@.12:2181,@NET@.13:2181,@NET@.14:2181,@NET@.15:2181,@NET@.16:2181] srvr"] = {
    [1] = {
      [1] = {
        [1] = {
          ["answer"] = "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC\
Latency min/avg/max: 0/4.1/48\
Received: 50\
Sent: 49\
Connections: 1\
Outstanding: 0\
Zxid: 0x2000000c0\
Mode: observer\
Node count: 212\
",
          ["elapsed"] = 0.014,
          ["host"] = "@NET@.11",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 1,
            ["counter"] = 192,
            ["epoch"] = 2,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 4.0999999999999996,
              ["max"] = 48,
              ["min"] = 0,
            },
            ["mode"] = "observer",
            ["node_count"] = 212,
            ["outstanding"] = 0,
            ["received"] = 50,
            ["sent"] = 49,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 8589934784,
          },
        },
        [2] = {
          ["answer"] = "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC\
Latency min/avg/max: 0/4.3333/11\
Received: 16\
Sent: 15\
Connections: 1\
Outstanding: 0\
Zxid: 0x2000000c0\
Mode: observer\
Node count: 212\
",
          ["elapsed"] = 0.01,
          ["host"] = "@NET@.12",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 1,
            ["counter"] = 192,
            ["epoch"] = 2,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 4.3333000000000004,
              ["max"] = 11,
              ["min"] = 0,
            },
            ["mode"] = "observer",
            ["node_count"] = 212,
            ["outstanding"] = 0,
            ["received"] = 16,
            ["sent"] = 15,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 8589934784,
          },
        },
        [3] = {
          ["answer"] = "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC\
Latency min/avg/max: 0/7.0/19\
Received: 14\
Sent: 13\
Connections: 1\
Outstanding: 0\
Zxid: 0x2000000c0\
Mode: observer\
Node count: 212\
",
          ["elapsed"] = 0.01,
          ["host"] = "@NET@.13",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 1,
            ["counter"] = 192,
            ["epoch"] = 2,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 7,
              ["max"] = 19,
              ["min"] = 0,
            },
            ["mode"] = "observer",
            ["node_count"] = 212,
            ["outstanding"] = 0,
            ["received"] = 14,
            ["sent"] = 13,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 8589934784,
          },
        },
        [4] = {
          ["answer"] = "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC\
Latency min/avg/max: 0/2.3438/33\
Received: 279\
Sent: 279\
Connections: 3\
Outstanding: 0\
Zxid: 0x2000000c0\
Mode: leader\
Node count: 212\
Proposal sizes last/min/max: 48/36/1293\
",
          ["elapsed"] = 0.0060000000000000001,
          ["host"] = "@NET@.14",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 3,
            ["counter"] = 192,
            ["epoch"] = 2,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 2.3437999999999999,
              ["max"] = 33,
              ["min"] = 0,
            },
            ["mode"] = "leader",
            ["node_count"] = 212,
            ["outstanding"] = 0,
            ["received"] = 279,
            ["sent"] = 279,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 8589934784,
          },
        },
        [5] = {
          ["answer"] = "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC\
Latency min/avg/max: 0/2.7172/139\
Received: 601\
Sent: 601\
Connections: 3\
Outstanding: 0\
Zxid: 0x2000000c0\
Mode: follower\
Node count: 212\
",
          ["elapsed"] = 0.0060000000000000001,
          ["host"] = "@NET@.15",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 3,
            ["counter"] = 192,
            ["epoch"] = 2,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 2.7172000000000001,
              ["max"] = 139,
              ["min"] = 0,
            },
            ["mode"] = "follower",
            ["node_count"] = 212,
            ["outstanding"] = 0,
            ["received"] = 601,
            ["sent"] = 601,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 8589934784,
          },
        },
        [6] = {
          ["answer"] = "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC\
Latency min/avg/max: 0/5.1333/14\
Received: 31\
Sent: 30\
Connections: 1\
Outstanding: 0\
Zxid: 0x2000000c0\
Mode: follower\
Node count: 212\
",
          ["elapsed"] = 0.01,
          ["host"] = "@NET@.16",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 1,
            ["counter"] = 192,
            ["epoch"] = 2,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 5.1333000000000002,
              ["max"] = 14,
              ["min"] = 0,
            },
            ["mode"] = "follower",
            ["node_count"] = 212,
            ["outstanding"] = 0,
            ["received"] = 31,
            ["sent"] = 30,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 8589934784,
          },
        },
      },
      ["n"] = 1,
    },
    [2] = {
      [1] = {
        [1] = {
          ["answer"] = "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC\
Latency min/avg/max: 0/4.1/48\
Received: 51\
Sent: 50\
Connections: 1\
Outstanding: 0\
Zxid: 0x2000000c2\
Mode: observer\
Node count: 212\
",
          ["elapsed"] = 0.012,
          ["host"] = "@NET@.11",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 1,
            ["counter"] = 194,
            ["epoch"] = 2,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 4.0999999999999996,
              ["max"] = 48,
              ["min"] = 0,
            },
            ["mode"] = "observer",
            ["node_count"] = 212,
            ["outstanding"] = 0,
            ["received"] = 51,
            ["sent"] = 50,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 8589934786,
          },
        },
        [2] = {
          ["answer"] = "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC\
Latency min/avg/max: 0/4.3333/11\
Received: 17\
Sent: 16\
Connections: 1\
Outstanding: 0\
Zxid: 0x2000000c2\
Mode: observer\
Node count: 212\
",
          ["elapsed"] = 0.012,
          ["host"] = "@NET@.12",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 1,
            ["counter"] = 194,
            ["epoch"] = 2,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 4.3333000000000004,
              ["max"] = 11,
              ["min"] = 0,
            },
            ["mode"] = "observer",
            ["node_count"] = 212,
            ["outstanding"] = 0,
            ["received"] = 17,
            ["sent"] = 16,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 8589934786,
          },
        },
        [3] = {
          ["answer"] = "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC\
Latency min/avg/max: 0/7.0/19\
Received: 15\
Sent: 14\
Connections: 1\
Outstanding: 0\
Zxid: 0x2000000c2\
Mode: observer\
Node count: 212\
",
          ["elapsed"] = 0.012,
          ["host"] = "@NET@.13",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 1,
            ["counter"] = 194,
            ["epoch"] = 2,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 7,
              ["max"] = 19,
              ["min"] = 0,
            },
            ["mode"] = "observer",
            ["node_count"] = 212,
            ["outstanding"] = 0,
            ["received"] = 15,
            ["sent"] = 14,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 8589934786,
          },
        },
        [4] = {
          ["answer"] = "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC\
Latency min/avg/max: 0/2.3397/33\
Received: 287\
Sent: 287\
Connections: 3\
Outstanding: 0\
Zxid: 0x2000000c2\
Mode: leader\
Node count: 212\
Proposal sizes last/min/max: 48/36/1293\
",
          ["elapsed"] = 0.012,
          ["host"] = "@NET@.14",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 3,
            ["counter"] = 194,
            ["epoch"] = 2,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 2.3397000000000001,
              ["max"] = 33,
              ["min"] = 0,
            },
            ["mode"] = "leader",
            ["node_count"] = 212,
            ["outstanding"] = 0,
            ["received"] = 287,
            ["sent"] = 287,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 8589934786,
          },
        },
        [5] = {
          ["answer"] = "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC\
Latency min/avg/max: 0/2.7172/139\
Received: 602\
Sent: 602\
Connections: 3\
Outstanding: 0\
Zxid: 0x2000000c2\
Mode: follower\
Node count: 212\
",
          ["elapsed"] = 0.012,
          ["host"] = "@NET@.15",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 3,
            ["counter"] = 194,
            ["epoch"] = 2,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 2.7172000000000001,
              ["max"] = 139,
              ["min"] = 0,
            },
            ["mode"] = "follower",
            ["node_count"] = 212,
            ["outstanding"] = 0,
            ["received"] = 602,
            ["sent"] = 602,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 8589934786,
          },
        },
        [6] = {
          ["answer"] = "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC\
Latency min/avg/max: 0/5.1333/14\
Received: 32\
Sent: 31\
Connections: 1\
Outstanding: 0\
Zxid: 0x2000000c2\
Mode: follower\
Node count: 212\
",
          ["elapsed"] = 0.014999999999999999,
          ["host"] = "@NET@.16",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 1,
            ["counter"] = 194,
            ["epoch"] = 2,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 5.1333000000000002,
              ["max"] = 14,
              ["min"] = 0,
            },
            ["mode"] = "follower",
            ["node_count"] = 212,
            ["outstanding"] = 0,
            ["received"] = 32,
            ["sent"] = 31,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 8589934786,
          },
        },
      },
      ["n"] = 1,
    },
    [3] = {
      [1] = {
        [1] = {
          ["answer"] = "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC\
Latency min/avg/max: 0/4.1/48\
Received: 54\
Sent: 53\
Connections: 1\
Outstanding: 0\
Zxid: 0x2000000c4\
Mode: observer\
Node count: 212\
",
          ["elapsed"] = 0.056000000000000001,
          ["host"] = "@NET@.11",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 1,
            ["counter"] = 196,
            ["epoch"] = 2,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 4.0999999999999996,
              ["max"] = 48,
              ["min"] = 0,
            },
            ["mode"] = "observer",
            ["node_count"] = 212,
            ["outstanding"] = 0,
            ["received"] = 54,
            ["sent"] = 53,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 8589934788,
          },
        },
        [2] = {
          ["answer"] = "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC\
Latency min/avg/max: 0/4.6/13\
Received: 25\
Sent: 24\
Connections: 1\
Outstanding: 0\
Zxid: 0x2000000c4\
Mode: observer\
Node count: 212\
",
          ["elapsed"] = 0.056000000000000001,
          ["host"] = "@NET@.12",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 1,
            ["counter"] = 196,
            ["epoch"] = 2,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 4.5999999999999996,
              ["max"] = 13,
              ["min"] = 0,
            },
            ["mode"] = "observer",
            ["node_count"] = 212,
            ["outstanding"] = 0,
            ["received"] = 25,
            ["sent"] = 24,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 8589934788,
          },
        },
        [3] = {
          ["answer"] = "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC\
Latency min/avg/max: 0/7.0/19\
Received: 18\
Sent: 17\
Connections: 1\
Outstanding: 0\
Zxid: 0x2000000c4\
Mode: observer\
Node count: 212\
",
          ["elapsed"] = 0.056000000000000001,
          ["host"] = "@NET@.13",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 1,
            ["counter"] = 196,
            ["epoch"] = 2,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 7,
              ["max"] = 19,
              ["min"] = 0,
            },
            ["mode"] = "observer",
            ["node_count"] = 212,
            ["outstanding"] = 0,
            ["received"] = 18,
            ["sent"] = 17,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 8589934788,
          },
        },
        [4] = {
          ["answer"] = "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC\
Latency min/avg/max: 0/2.3358/33\
Received: 292\
Sent: 292\
Connections: 3\
Outstanding: 0\
Zxid: 0x2000000c4\
Mode: leader\
Node count: 212\
Proposal sizes last/min/max: 48/36/1293\
",
          ["elapsed"] = 0.056000000000000001,
          ["host"] = "@NET@.14",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 3,
            ["counter"] = 196,
            ["epoch"] = 2,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 2.3357999999999999,
              ["max"] = 33,
              ["min"] = 0,
            },
            ["mode"] = "leader",
            ["node_count"] = 212,
            ["outstanding"] = 0,
            ["received"] = 292,
            ["sent"] = 292,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 8589934788,
          },
        },
        [5] = {
          ["answer"] = "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC\
Latency min/avg/max: 0/2.6599/139\
Received: 618\
Sent: 618\
Connections: 3\
Outstanding: 0\
Zxid: 0x2000000c4\
Mode: follower\
Node count: 212\
",
          ["elapsed"] = 0.056000000000000001,
          ["host"] = "@NET@.15",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 3,
            ["counter"] = 196,
            ["epoch"] = 2,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 2.6598999999999999,
              ["max"] = 139,
              ["min"] = 0,
            },
            ["mode"] = "follower",
            ["node_count"] = 212,
            ["outstanding"] = 0,
            ["received"] = 618,
            ["sent"] = 618,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 8589934788,
          },
        },
        [6] = {
          ["answer"] = "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC\
Latency min/avg/max: 0/5.1333/14\
Received: 34\
Sent: 33\
Connections: 1\
Outstanding: 0\
Zxid: 0x2000000c4\
Mode: follower\
Node count: 212\
",
          ["elapsed"] = 0.056000000000000001,
          ["host"] = "@NET@.16",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 1,
            ["counter"] = 196,
            ["epoch"] = 2,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 5.1333000000000002,
              ["max"] = 14,
              ["min"] = 0,
            },
            ["mode"] = "follower",
            ["node_count"] = 212,
            ["outstanding"] = 0,
            ["received"] = 34,
            ["sent"] = 33,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 8589934788,
          },
        },
      },
      ["n"] = 1,
    },
  },
  ["fourlw probe [@NET@.11:2181,@NET@.12:2181,@NET@.13:2181] srvr"] = {
    [1] = {
      [1] = {
        [1] = {
          ["answer"] = "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC\
Latency min/avg/max: 0/4.1/48\
Received: 52\
Sent: 51\
Connections: 1\
Outstanding: 0\
Zxid: 0x2000000c2\
Mode: observer\
Node count: 212\
",
          ["elapsed"] = 0.0030000000000000001,
          ["host"] = "@NET@.11",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 1,
            ["counter"] = 194,
            ["epoch"] = 2,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 4.0999999999999996,
              ["max"] = 48,
              ["min"] = 0,
            },
            ["mode"] = "observer",
            ["node_count"] = 212,
            ["outstanding"] = 0,
            ["received"] = 52,
            ["sent"] = 51,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 8589934786,
          },
        },
        [2] = {
          ["answer"] = "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC\
Latency min/avg/max: 0/4.3333/11\
Received: 18\
Sent: 17\
Connections: 1\
Outstanding: 0\
Zxid: 0x2000000c2\
Mode: observer\
Node count: 212\
",
          ["elapsed"] = 0.0089999999999999993,
          ["host"] = "@NET@.12",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 1,
            ["counter"] = 194,
            ["epoch"] = 2,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 4.3333000000000004,
              ["max"] = 11,
              ["min"] = 0,
            },
            ["mode"] = "observer",
            ["node_count"] = 212,
            ["outstanding"] = 0,
            ["received"] = 18,
            ["sent"] = 17,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 8589934786,
          },
        },
        [3] = {
          ["answer"] = "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC\
Latency min/avg/max: 0/7.0/19\
Received: 16\
Sent: 15\
Connections: 1\
Outstanding: 0\
Zxid: 0x2000000c2\
Mode: observer\
Node count: 212\
",
          ["elapsed"] = 0.0089999999999999993,
          ["host"] = "@NET@.13",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 1,
            ["counter"] = 194,
            ["epoch"] = 2,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 7,
              ["max"] = 19,
              ["min"] = 0,
            },
            ["mode"] = "observer",
            ["node_count"] = 212,
            ["outstanding"] = 0,
            ["received"] = 16,
            ["sent"] = 15,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 8589934786,
          },
        },
      },
      ["n"] = 1,
    },
    [2] = {
      [1] = {
        [1] = {
          ["answer"] = "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC\
Latency min/avg/max: 0/4.1/48\
Received: 53\
Sent: 52\
Connections: 1\
Outstanding: 0\
Zxid: 0x2000000c2\
Mode: observer\
Node count: 212\
",
          ["elapsed"] = 0.0040000000000000001,
          ["host"] = "@NET@.11",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 1,
            ["counter"] = 194,
            ["epoch"] = 2,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 4.0999999999999996,
              ["max"] = 48,
              ["min"] = 0,
            },
            ["mode"] = "observer",
            ["node_count"] = 212,
            ["outstanding"] = 0,
            ["received"] = 53,
            ["sent"] = 52,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 8589934786,
          },
        },
        [2] = {
          ["answer"] = "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC\
Latency min/avg/max: 0/4.3333/11\
Received: 19\
Sent: 18\
Connections: 1\
Outstanding: 0\
Zxid: 0x2000000c2\
Mode: observer\
Node count: 212\
",
          ["elapsed"] = 0.012,
          ["host"] = "@NET@.12",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 1,
            ["counter"] = 194,
            ["epoch"] = 2,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 4.3333000000000004,
              ["max"] = 11,
              ["min"] = 0,
            },
            ["mode"] = "observer",
            ["node_count"] = 212,
            ["outstanding"] = 0,
            ["received"] = 19,
            ["sent"] = 18,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 8589934786,
          },
        },
        [3] = {
          ["answer"] = "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC\
Latency min/avg/max: 0/7.0/19\
Received: 17\
Sent: 16\
Connections: 1\
Outstanding: 0\
Zxid: 0x2000000c2\
Mode: observer\
Node count: 212\
",
          ["elapsed"] = 0.0040000000000000001,
          ["host"] = "@NET@.13",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 1,
            ["counter"] = 194,
            ["epoch"] = 2,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 7,
              ["max"] = 19,
              ["min"] = 0,
            },
            ["mode"] = "observer",
            ["node_count"] = 212,
            ["outstanding"] = 0,
            ["received"] = 17,
            ["sent"] = 16,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 8589934786,
          },
        },
      },
      ["n"] = 1,
    },
    [3] = {
      [1] = {
        [1] = {
          ["answer"] = "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC\
Latency min/avg/max: 0/4.1/48\
Received: 55\
Sent: 54\
Connections: 1\
Outstanding: 0\
Zxid: 0x2000000c6\
Mode: observer\
Node count: 212\
",
          ["elapsed"] = 0.01,
          ["host"] = "@NET@.11",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 1,
            ["counter"] = 198,
            ["epoch"] = 2,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 4.0999999999999996,
              ["max"] = 48,
              ["min"] = 0,
            },
            ["mode"] = "observer",
            ["node_count"] = 212,
            ["outstanding"] = 0,
            ["received"] = 55,
            ["sent"] = 54,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 8589934790,
          },
        },
        [2] = {
          ["answer"] = "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC\
Latency min/avg/max: 0/4.6/13\
Received: 26\
Sent: 25\
Connections: 1\
Outstanding: 0\
Zxid: 0x2000000c6\
Mode: observer\
Node count: 212\
",
          ["elapsed"] = 0.01,
          ["host"] = "@NET@.12",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 1,
            ["counter"] = 198,
            ["epoch"] = 2,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 4.5999999999999996,
              ["max"] = 13,
              ["min"] = 0,
            },
            ["mode"] = "observer",
            ["node_count"] = 212,
            ["outstanding"] = 0,
            ["received"] = 26,
            ["sent"] = 25,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 8589934790,
          },
        },
        [3] = {
          ["answer"] = "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC\
Latency min/avg/max: 0/7.0/19\
Received: 19\
Sent: 18\
Connections: 1\
Outstanding: 0\
Zxid: 0x2000000c6\
Mode: observer\
Node count: 212\
",
          ["elapsed"] = 0.01,
          ["host"] = "@NET@.13",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 1,
            ["counter"] = 198,
            ["epoch"] = 2,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 7,
              ["max"] = 19,
              ["min"] = 0,
            },
            ["mode"] = "observer",
            ["node_count"] = 212,
            ["outstanding"] = 0,
            ["received"] = 19,
            ["sent"] = 18,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 8589934790,
          },
        },
      },
      ["n"] = 1,
    },
  },
  ["fourlw probe [@NET@.14:2181,@NET@.15:2181,@NET@.16:2181] srvr"] = {
    [1] = {
      [1] = {
        [1] = {
          ["answer"] = "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC\
Latency min/avg/max: 0/2.3409/33\
Received: 290\
Sent: 290\
Connections: 3\
Outstanding: 0\
Zxid: 0x2000000c2\
Mode: leader\
Node count: 212\
Proposal sizes last/min/max: 48/36/1293\
",
          ["elapsed"] = 0.0060000000000000001,
          ["host"] = "@NET@.14",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 3,
            ["counter"] = 194,
            ["epoch"] = 2,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 2.3409,
              ["max"] = 33,
              ["min"] = 0,
            },
            ["mode"] = "leader",
            ["node_count"] = 212,
            ["outstanding"] = 0,
            ["received"] = 290,
            ["sent"] = 290,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 8589934786,
          },
        },
        [2] = {
          ["answer"] = "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC\
Latency min/avg/max: 0/2.6672/139\
Received: 615\
Sent: 615\
Connections: 3\
Outstanding: 0\
Zxid: 0x2000000c2\
Mode: follower\
Node count: 212\
",
          ["elapsed"] = 0.0060000000000000001,
          ["host"] = "@NET@.15",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 3,
            ["counter"] = 194,
            ["epoch"] = 2,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 2.6671999999999998,
              ["max"] = 139,
              ["min"] = 0,
            },
            ["mode"] = "follower",
            ["node_count"] = 212,
            ["outstanding"] = 0,
            ["received"] = 615,
            ["sent"] = 615,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 8589934786,
          },
        },
        [3] = {
          ["answer"] = "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC\
Latency min/avg/max: 0/5.1333/14\
Received: 33\
Sent: 32\
Connections: 1\
Outstanding: 0\
Zxid: 0x2000000c2\
Mode: follower\
Node count: 212\
",
          ["elapsed"] = 0.0070000000000000001,
          ["host"] = "@NET@.16",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 1,
            ["counter"] = 194,
            ["epoch"] = 2,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 5.1333000000000002,
              ["max"] = 14,
              ["min"] = 0,
            },
            ["mode"] = "follower",
            ["node_count"] = 212,
            ["outstanding"] = 0,
            ["received"] = 33,
            ["sent"] = 32,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 8589934786,
          },
        },
      },
      ["n"] = 1,
    },
    [2] = {
      [1] = {
        [1] = {
          ["answer"] = "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC\
Latency min/avg/max: 0/2.3173/33\
Received: 300\
Sent: 300\
Connections: 3\
Outstanding: 0\
Zxid: 0x2000000c6\
Mode: leader\
Node count: 212\
Proposal sizes last/min/max: 48/36/1293\
",
          ["elapsed"] = 0.057000000000000002,
          ["host"] = "@NET@.14",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 3,
            ["counter"] = 198,
            ["epoch"] = 2,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 2.3172999999999999,
              ["max"] = 33,
              ["min"] = 0,
            },
            ["mode"] = "leader",
            ["node_count"] = 212,
            ["outstanding"] = 0,
            ["received"] = 300,
            ["sent"] = 300,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 8589934790,
          },
        },
        [2] = {
          ["answer"] = "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC\
Latency min/avg/max: 0/2.6599/139\
Received: 619\
Sent: 619\
Connections: 3\
Outstanding: 0\
Zxid: 0x2000000c6\
Mode: follower\
Node count: 212\
",
          ["elapsed"] = 0.057000000000000002,
          ["host"] = "@NET@.15",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 3,
            ["counter"] = 198,
            ["epoch"] = 2,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 2.6598999999999999,
              ["max"] = 139,
              ["min"] = 0,
            },
            ["mode"] = "follower",
            ["node_count"] = 212,
            ["outstanding"] = 0,
            ["received"] = 619,
            ["sent"] = 619,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 8589934790,
          },
        },
        [3] = {
          ["answer"] = "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC\
Latency min/avg/max: 0/5.1333/14\
Received: 35\
Sent: 34\
Connections: 1\
Outstanding: 0\
Zxid: 0x2000000c6\
Mode: follower\
Node count: 212\
",
          ["elapsed"] = 0.057000000000000002,
          ["host"] = "@NET@.16",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 1,
            ["counter"] = 198,
            ["epoch"] = 2,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 5.1333000000000002,
              ["max"] = 14,
              ["min"] = 0,
            },
            ["mode"] = "follower",
            ["node_count"] = 212,
            ["outstanding"] = 0,
            ["received"] = 35,
            ["sent"] = 34,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 8589934790,
          },
        },
      },
      ["n"] = 1,
    },
  },
  ["root@@NET@.11:2222 probe cat -- '@LAB@/hosts/zk1/.drctl-failover.lock' 2>/dev/null; true"] = {
    [1] = {
      [1] = {
        ["duration"] = 0,
        ["host"] = "root@@NET@.11:2222",
        ["ok"] = true,
        ["simulated"] = false,
        ["status"] = 0,
        ["stderr"] = "",
        ["stdout"] = "",
      },
      ["n"] = 1,
    },
  },
  ["root@@NET@.11:2222 probe ls -1 -- '@LAB@/hosts/zk1/keeper/log' 2>/dev/null; true"] = {
    [1] = {
      [1] = {
        ["duration"] = 0,
        ["host"] = "root@@NET@.11:2222",
        ["ok"] = true,
        ["simulated"] = false,
        ["status"] = 0,
        ["stderr"] = "",
        ["stdout"] = "changelog_1_100000.bin\
",
      },
      ["n"] = 1,
    },
  },
  ["root@@NET@.11:2222 probe ls -1 -- '@LAB@/hosts/zk1/keeper/snapshots' 2>/dev/null; true"] = {
    [1] = {
      [1] = {
        ["duration"] = 0,
        ["host"] = "root@@NET@.11:2222",
        ["ok"] = true,
        ["simulated"] = false,
        ["status"] = 0,
        ["stderr"] = "",
        ["stdout"] = "snapshot_50000.bin\
",
      },
      ["n"] = 1,
    },
  },
  ["root@@NET@.11:2222 probe true"] = {
    [1] = {
      [1] = {
        ["duration"] = 0,
        ["host"] = "root@@NET@.11:2222",
        ["ok"] = true,
        ["simulated"] = false,
        ["status"] = 0,
        ["stderr"] = "",
        ["stdout"] = "",
      },
      ["n"] = 1,
    },
    [2] = {
      [1] = {
        ["duration"] = 0,
        ["host"] = "root@@NET@.11:2222",
        ["ok"] = true,
        ["simulated"] = false,
        ["status"] = 0,
        ["stderr"] = "",
        ["stdout"] = "",
      },
      ["n"] = 1,
    },
  },
  ["root@@NET@.11:2222 read @LAB@/hosts/zk1/keeper.xml"] = {
    [1] = {
      [1] = "<clickhouse>\
    <!-- Keeper on zk1 (lab stand-in: tests/lab/test_keeper_plan.sh) -->\
    <listen_host>@NET@.11</listen_host>\
\
    <keeper_server>\
        <tcp_port>2181</tcp_port>\
        <server_id>1</server_id>\
        <log_storage_path>@LAB@/hosts/zk1/keeper/log</log_storage_path>\
        <snapshot_storage_path>@LAB@/hosts/zk1/keeper/snapshots</snapshot_storage_path>\
\
        <coordination_settings>\
            <operation_timeout_ms>10000</operation_timeout_ms>\
            <session_timeout_ms>30000</session_timeout_ms>\
        </coordination_settings>\
\
        <raft_configuration>\
            <!-- chicago: the voting members -->\
            <server>\
                <id>1</id>\
                <hostname>@NET@.11</hostname>\
                <port>9234</port>\
                <can_become_leader>false</can_become_leader>\
                <priority>0</priority>\
            </server>\
            <server>\
                <id>2</id>\
                <hostname>@NET@.12</hostname>\
                <port>9234</port>\
                <can_become_leader>false</can_become_leader>\
                <priority>0</priority>\
            </server>\
            <server>\
                <id>3</id>\
                <hostname>@NET@.13</hostname>\
                <port>9234</port>\
                <can_become_leader>false</can_become_leader>\
                <priority>0</priority>\
            </server>\
            <!-- dallas: a learner, never leads -->\
            <server>\
                <id>4</id>\
                <hostname>@NET@.14</hostname>\
                <port>9234</port>\
                <can_become_leader>true</can_become_leader>\
                <priority>1</priority>\
            </server>\
            <server>\
                <id>5</id>\
                <hostname>@NET@.15</hostname>\
                <port>9234</port>\
                <priority>1</priority>\
            </server>\
            <server>\
                <id>6</id>\
                <hostname>@NET@.16</hostname>\
                <port>9234</port>\
                <priority>1</priority>\
            </server>\
        </raft_configuration>\
    </keeper_server>\
</clickhouse>\
",
      ["n"] = 1,
    },
    [2] = {
      [1] = "<clickhouse>\
    <!-- Keeper on zk1 (lab stand-in: tests/lab/test_keeper_plan.sh) -->\
    <listen_host>@NET@.11</listen_host>\
\
    <keeper_server>\
        <tcp_port>2181</tcp_port>\
        <server_id>1</server_id>\
        <log_storage_path>@LAB@/hosts/zk1/keeper/log</log_storage_path>\
        <snapshot_storage_path>@LAB@/hosts/zk1/keeper/snapshots</snapshot_storage_path>\
\
        <coordination_settings>\
            <operation_timeout_ms>10000</operation_timeout_ms>\
            <session_timeout_ms>30000</session_timeout_ms>\
        </coordination_settings>\
\
        <raft_configuration>\
            <!-- chicago: the voting members -->\
            <server>\
                <id>1</id>\
                <hostname>@NET@.11</hostname>\
                <port>9234</port>\
                <can_become_leader>false</can_become_leader>\
                <priority>0</priority>\
            </server>\
            <server>\
                <id>2</id>\
                <hostname>@NET@.12</hostname>\
                <port>9234</port>\
                <can_become_leader>false</can_become_leader>\
                <priority>0</priority>\
            </server>\
            <server>\
                <id>3</id>\
                <hostname>@NET@.13</hostname>\
                <port>9234</port>\
                <can_become_leader>false</can_become_leader>\
                <priority>0</priority>\
            </server>\
            <!-- dallas: a learner, never leads -->\
            <server>\
                <id>4</id>\
                <hostname>@NET@.14</hostname>\
                <port>9234</port>\
                <can_become_leader>true</can_become_leader>\
                <priority>1</priority>\
            </server>\
            <server>\
                <id>5</id>\
                <hostname>@NET@.15</hostname>\
                <port>9234</port>\
                <priority>1</priority>\
            </server>\
            <server>\
                <id>6</id>\
                <hostname>@NET@.16</hostname>\
                <port>9234</port>\
                <priority>1</priority>\
            </server>\
        </raft_configuration>\
    </keeper_server>\
</clickhouse>\
",
      ["n"] = 1,
    },
    [3] = {
      [1] = "<clickhouse>\
    <!-- Keeper on zk1 (lab stand-in: tests/lab/test_keeper_plan.sh) -->\
    <listen_host>@NET@.11</listen_host>\
\
    <keeper_server>\
        <tcp_port>2181</tcp_port>\
        <server_id>1</server_id>\
        <log_storage_path>@LAB@/hosts/zk1/keeper/log</log_storage_path>\
        <snapshot_storage_path>@LAB@/hosts/zk1/keeper/snapshots</snapshot_storage_path>\
\
        <coordination_settings>\
            <operation_timeout_ms>10000</operation_timeout_ms>\
            <session_timeout_ms>30000</session_timeout_ms>\
        </coordination_settings>\
\
        <raft_configuration>\
            <!-- chicago: the voting members -->\
            <server>\
                <id>1</id>\
                <hostname>@NET@.11</hostname>\
                <port>9234</port>\
                <can_become_leader>false</can_become_leader>\
                <priority>0</priority>\
            </server>\
            <server>\
                <id>2</id>\
                <hostname>@NET@.12</hostname>\
                <port>9234</port>\
                <can_become_leader>false</can_become_leader>\
                <priority>0</priority>\
            </server>\
            <server>\
                <id>3</id>\
                <hostname>@NET@.13</hostname>\
                <port>9234</port>\
                <can_become_leader>false</can_become_leader>\
                <priority>0</priority>\
            </server>\
            <!-- dallas: a learner, never leads -->\
            <server>\
                <id>4</id>\
                <hostname>@NET@.14</hostname>\
                <port>9234</port>\
                <can_become_leader>true</can_become_leader>\
                <priority>1</priority>\
            </server>\
            <server>\
                <id>5</id>\
                <hostname>@NET@.15</hostname>\
                <port>9234</port>\
                <priority>1</priority>\
            </server>\
            <server>\
                <id>6</id>\
                <hostname>@NET@.16</hostname>\
                <port>9234</port>\
                <priority>1</priority>\
            </server>\
        </raft_configuration>\
    </keeper_server>\
</clickhouse>\
",
      ["n"] = 1,
    },
    [4] = {
      [1] = "<clickhouse>\
    <!-- Keeper on zk1 (lab stand-in: tests/lab/test_keeper_plan.sh) -->\
    <listen_host>@NET@.11</listen_host>\
\
    <keeper_server>\
        <tcp_port>2181</tcp_port>\
        <server_id>1</server_id>\
        <log_storage_path>@LAB@/hosts/zk1/keeper/log</log_storage_path>\
        <snapshot_storage_path>@LAB@/hosts/zk1/keeper/snapshots</snapshot_storage_path>\
\
        <coordination_settings>\
            <operation_timeout_ms>10000</operation_timeout_ms>\
            <session_timeout_ms>30000</session_timeout_ms>\
        </coordination_settings>\
\
        <raft_configuration>\
            <!-- chicago: the voting members -->\
            <server>\
                <id>1</id>\
                <hostname>@NET@.11</hostname>\
                <port>9234</port>\
                <can_become_leader>false</can_become_leader>\
                <priority>0</priority>\
            </server>\
            <server>\
                <id>2</id>\
                <hostname>@NET@.12</hostname>\
                <port>9234</port>\
                <can_become_leader>false</can_become_leader>\
                <priority>0</priority>\
            </server>\
            <server>\
                <id>3</id>\
                <hostname>@NET@.13</hostname>\
                <port>9234</port>\
                <can_become_leader>false</can_become_leader>\
                <priority>0</priority>\
            </server>\
            <!-- dallas: a learner, never leads -->\
            <server>\
                <id>4</id>\
                <hostname>@NET@.14</hostname>\
                <port>9234</port>\
                <can_become_leader>true</can_become_leader>\
                <priority>1</priority>\
            </server>\
            <server>\
                <id>5</id>\
                <hostname>@NET@.15</hostname>\
                <port>9234</port>\
                <priority>1</priority>\
            </server>\
            <server>\
                <id>6</id>\
                <hostname>@NET@.16</hostname>\
                <port>9234</port>\
                <priority>1</priority>\
            </server>\
        </raft_configuration>\
    </keeper_server>\
</clickhouse>\
",
      ["n"] = 1,
    },
    [5] = {
      [1] = "<clickhouse>\
    <!-- Keeper on zk1 (lab stand-in: tests/lab/test_keeper_plan.sh) -->\
    <listen_host>@NET@.11</listen_host>\
\
    <keeper_server>\
        <tcp_port>2181</tcp_port>\
        <server_id>1</server_id>\
        <log_storage_path>@LAB@/hosts/zk1/keeper/log</log_storage_path>\
        <snapshot_storage_path>@LAB@/hosts/zk1/keeper/snapshots</snapshot_storage_path>\
\
        <coordination_settings>\
            <operation_timeout_ms>10000</operation_timeout_ms>\
            <session_timeout_ms>30000</session_timeout_ms>\
        </coordination_settings>\
\
        <raft_configuration>\
            <!-- chicago: the voting members -->\
            <server>\
                <id>1</id>\
                <hostname>@NET@.11</hostname>\
                <port>9234</port>\
                <can_become_leader>false</can_become_leader>\
                <priority>0</priority>\
            </server>\
            <server>\
                <id>2</id>\
                <hostname>@NET@.12</hostname>\
                <port>9234</port>\
                <can_become_leader>false</can_become_leader>\
                <priority>0</priority>\
            </server>\
            <server>\
                <id>3</id>\
                <hostname>@NET@.13</hostname>\
                <port>9234</port>\
                <can_become_leader>false</can_become_leader>\
                <priority>0</priority>\
            </server>\
            <!-- dallas: a learner, never leads -->\
            <server>\
                <id>4</id>\
                <hostname>@NET@.14</hostname>\
                <port>9234</port>\
                <can_become_leader>true</can_become_leader>\
                <priority>1</priority>\
            </server>\
            <server>\
                <id>5</id>\
                <hostname>@NET@.15</hostname>\
                <port>9234</port>\
                <priority>1</priority>\
            </server>\
            <server>\
                <id>6</id>\
                <hostname>@NET@.16</hostname>\
                <port>9234</port>\
                <priority>1</priority>\
            </server>\
        </raft_configuration>\
    </keeper_server>\
</clickhouse>\
",
      ["n"] = 1,
    },
  },
  ["root@@NET@.12:2222 probe cat -- '@LAB@/hosts/zk2/.drctl-failover.lock' 2>/dev/null; true"] = {
    [1] = {
      [1] = {
        ["duration"] = 0,
        ["host"] = "root@@NET@.12:2222",
        ["ok"] = true,
        ["simulated"] = false,
        ["status"] = 0,
        ["stderr"] = "",
        ["stdout"] = "",
      },
      ["n"] = 1,
    },
  },
  ["root@@NET@.12:2222 probe ls -1 -- '@LAB@/hosts/zk2/keeper/log' 2>/dev/null; true"] = {
    [1] = {
      [1] = {
        ["duration"] = 0,
        ["host"] = "root@@NET@.12:2222",
        ["ok"] = true,
        ["simulated"] = false,
        ["status"] = 0,
        ["stderr"] = "",
        ["stdout"] = "changelog_1_100000.bin\
",
      },
      ["n"] = 1,
    },
  },
  ["root@@NET@.12:2222 probe ls -1 -- '@LAB@/hosts/zk2/keeper/snapshots' 2>/dev/null; true"] = {
    [1] = {
      [1] = {
        ["duration"] = 0,
        ["host"] = "root@@NET@.12:2222",
        ["ok"] = true,
        ["simulated"] = false,
        ["status"] = 0,
        ["stderr"] = "",
        ["stdout"] = "snapshot_50000.bin\
",
      },
      ["n"] = 1,
    },
  },
  ["root@@NET@.12:2222 probe true"] = {
    [1] = {
      [1] = {
        ["duration"] = 0,
        ["host"] = "root@@NET@.12:2222",
        ["ok"] = true,
        ["simulated"] = false,
        ["status"] = 0,
        ["stderr"] = "",
        ["stdout"] = "",
      },
      ["n"] = 1,
    },
    [2] = {
      [1] = {
        ["duration"] = 0,
        ["host"] = "root@@NET@.12:2222",
        ["ok"] = true,
        ["simulated"] = false,
        ["status"] = 0,
        ["stderr"] = "",
        ["stdout"] = "",
      },
      ["n"] = 1,
    },
  },
  ["root@@NET@.12:2222 read @LAB@/hosts/zk2/keeper.xml"] = {
    [1] = {
      [1] = "<clickhouse>\
    <!-- Keeper on zk2 (lab stand-in: tests/lab/test_keeper_plan.sh) -->\
    <listen_host>@NET@.12</listen_host>\
\
    <keeper_server>\
        <tcp_port>2181</tcp_port>\
        <server_id>2</server_id>\
        <log_storage_path>@LAB@/hosts/zk2/keeper/log</log_storage_path>\
        <snapshot_storage_path>@LAB@/hosts/zk2/keeper/snapshots</snapshot_storage_path>\
\
        <coordination_settings>\
            <operation_timeout_ms>10000</operation_timeout_ms>\
            <session_timeout_ms>30000</session_timeout_ms>\
        </coordination_settings>\
\
        <raft_configuration>\
            <!-- chicago: the voting members -->\
            <server>\
                <id>1</id>\
                <hostname>@NET@.11</hostname>\
                <port>9234</port>\
                <can_become_leader>false</can_become_leader>\
                <priority>0</priority>\
            </server>\
            <server>\
                <id>2</id>\
                <hostname>@NET@.12</hostname>\
                <port>9234</port>\
                <can_become_leader>false</can_become_leader>\
                <priority>0</priority>\
            </server>\
            <server>\
                <id>3</id>\
                <hostname>@NET@.13</hostname>\
                <port>9234</port>\
                <can_become_leader>false</can_become_leader>\
                <priority>0</priority>\
            </server>\
            <!-- dallas: a learner, never leads -->\
            <server>\
                <id>4</id>\
                <hostname>@NET@.14</hostname>\
                <port>9234</port>\
                <can_become_leader>true</can_become_leader>\
                <priority>1</priority>\
            </server>\
            <server>\
                <id>5</id>\
                <hostname>@NET@.15</hostname>\
                <port>9234</port>\
                <priority>1</priority>\
            </server>\
            <server>\
                <id>6</id>\
                <hostname>@NET@.16</hostname>\
                <port>9234</port>\
                <priority>1</priority>\
            </server>\
        </raft_configuration>\
    </keeper_server>\
</clickhouse>\
",
      ["n"] = 1,
    },
    [2] = {
      [1] = "<clickhouse>\
    <!-- Keeper on zk2 (lab stand-in: tests/lab/test_keeper_plan.sh) -->\
    <listen_host>@NET@.12</listen_host>\
\
    <keeper_server>\
        <tcp_port>2181</tcp_port>\
        <server_id>2</server_id>\
        <log_storage_path>@LAB@/hosts/zk2/keeper/log</log_storage_path>\
        <snapshot_storage_path>@LAB@/hosts/zk2/keeper/snapshots</snapshot_storage_path>\
\
        <coordination_settings>\
            <operation_timeout_ms>10000</operation_timeout_ms>\
            <session_timeout_ms>30000</session_timeout_ms>\
        </coordination_settings>\
\
        <raft_configuration>\
            <!-- chicago: the voting members -->\
            <server>\
                <id>1</id>\
                <hostname>@NET@.11</hostname>\
                <port>9234</port>\
                <can_become_leader>false</can_become_leader>\
                <priority>0</priority>\
            </server>\
            <server>\
                <id>2</id>\
                <hostname>@NET@.12</hostname>\
                <port>9234</port>\
                <can_become_leader>false</can_become_leader>\
                <priority>0</priority>\
            </server>\
            <server>\
                <id>3</id>\
                <hostname>@NET@.13</hostname>\
                <port>9234</port>\
                <can_become_leader>false</can_become_leader>\
                <priority>0</priority>\
            </server>\
            <!-- dallas: a learner, never leads -->\
            <server>\
                <id>4</id>\
                <hostname>@NET@.14</hostname>\
                <port>9234</port>\
                <can_become_leader>true</can_become_leader>\
                <priority>1</priority>\
            </server>\
            <server>\
                <id>5</id>\
                <hostname>@NET@.15</hostname>\
                <port>9234</port>\
                <priority>1</priority>\
            </server>\
            <server>\
                <id>6</id>\
                <hostname>@NET@.16</hostname>\
                <port>9234</port>\
                <priority>1</priority>\
            </server>\
        </raft_configuration>\
    </keeper_server>\
</clickhouse>\
",
      ["n"] = 1,
    },
    [3] = {
      [1] = "<clickhouse>\
    <!-- Keeper on zk2 (lab stand-in: tests/lab/test_keeper_plan.sh) -->\
    <listen_host>@NET@.12</listen_host>\
\
    <keeper_server>\
        <tcp_port>2181</tcp_port>\
        <server_id>2</server_id>\
        <log_storage_path>@LAB@/hosts/zk2/keeper/log</log_storage_path>\
        <snapshot_storage_path>@LAB@/hosts/zk2/keeper/snapshots</snapshot_storage_path>\
\
        <coordination_settings>\
            <operation_timeout_ms>10000</operation_timeout_ms>\
            <session_timeout_ms>30000</session_timeout_ms>\
        </coordination_settings>\
\
        <raft_configuration>\
            <!-- chicago: the voting members -->\
            <server>\
                <id>1</id>\
                <hostname>@NET@.11</hostname>\
                <port>9234</port>\
                <can_become_leader>false</can_become_leader>\
                <priority>0</priority>\
            </server>\
            <server>\
                <id>2</id>\
                <hostname>@NET@.12</hostname>\
                <port>9234</port>\
                <can_become_leader>false</can_become_leader>\
                <priority>0</priority>\
            </server>\
            <server>\
                <id>3</id>\
                <hostname>@NET@.13</hostname>\
                <port>9234</port>\
                <can_become_leader>false</can_become_leader>\
                <priority>0</priority>\
            </server>\
            <!-- dallas: a learner, never leads -->\
            <server>\
                <id>4</id>\
                <hostname>@NET@.14</hostname>\
                <port>9234</port>\
                <can_become_leader>true</can_become_leader>\
                <priority>1</priority>\
            </server>\
            <server>\
                <id>5</id>\
                <hostname>@NET@.15</hostname>\
                <port>9234</port>\
                <priority>1</priority>\
            </server>\
            <server>\
                <id>6</id>\
                <hostname>@NET@.16</hostname>\
                <port>9234</port>\
                <priority>1</priority>\
            </server>\
        </raft_configuration>\
    </keeper_server>\
</clickhouse>\
",
      ["n"] = 1,
    },
    [4] = {
      [1] = "<clickhouse>\
    <!-- Keeper on zk2 (lab stand-in: tests/lab/test_keeper_plan.sh) -->\
    <listen_host>@NET@.12</listen_host>\
\
    <keeper_server>\
        <tcp_port>2181</tcp_port>\
        <server_id>2</server_id>\
        <log_storage_path>@LAB@/hosts/zk2/keeper/log</log_storage_path>\
        <snapshot_storage_path>@LAB@/hosts/zk2/keeper/snapshots</snapshot_storage_path>\
\
        <coordination_settings>\
            <operation_timeout_ms>10000</operation_timeout_ms>\
            <session_timeout_ms>30000</session_timeout_ms>\
        </coordination_settings>\
\
        <raft_configuration>\
            <!-- chicago: the voting members -->\
            <server>\
                <id>1</id>\
                <hostname>@NET@.11</hostname>\
                <port>9234</port>\
                <can_become_leader>false</can_become_leader>\
                <priority>0</priority>\
            </server>\
            <server>\
                <id>2</id>\
                <hostname>@NET@.12</hostname>\
                <port>9234</port>\
                <can_become_leader>false</can_become_leader>\
                <priority>0</priority>\
            </server>\
            <server>\
                <id>3</id>\
                <hostname>@NET@.13</hostname>\
                <port>9234</port>\
                <can_become_leader>false</can_become_leader>\
                <priority>0</priority>\
            </server>\
            <!-- dallas: a learner, never leads -->\
            <server>\
                <id>4</id>\
                <hostname>@NET@.14</hostname>\
                <port>9234</port>\
                <can_become_leader>true</can_become_leader>\
                <priority>1</priority>\
            </server>\
            <server>\
                <id>5</id>\
                <hostname>@NET@.15</hostname>\
                <port>9234</port>\
                <priority>1</priority>\
            </server>\
            <server>\
                <id>6</id>\
                <hostname>@NET@.16</hostname>\
                <port>9234</port>\
                <priority>1</priority>\
            </server>\
        </raft_configuration>\
    </keeper_server>\
</clickhouse>\
",
      ["n"] = 1,
    },
  },
  ["root@@NET@.13:2222 probe cat -- '@LAB@/hosts/zk3/.drctl-failover.lock' 2>/dev/null; true"] = {
    [1] = {
      [1] = {
        ["duration"] = 0,
        ["host"] = "root@@NET@.13:2222",
        ["ok"] = true,
        ["simulated"] = false,
        ["status"] = 0,
        ["stderr"] = "",
        ["stdout"] = "",
      },
      ["n"] = 1,
    },
  },
  ["root@@NET@.13:2222 probe ls -1 -- '@LAB@/hosts/zk3/keeper/log' 2>/dev/null; true"] = {
    [1] = {
      [1] = {
        ["duration"] = 0,
        ["host"] = "root@@NET@.13:2222",
        ["ok"] = true,
        ["simulated"] = false,
        ["status"] = 0,
        ["stderr"] = "",
        ["stdout"] = "changelog_1_100000.bin\
",
      },
      ["n"] = 1,
    },
  },
  ["root@@NET@.13:2222 probe ls -1 -- '@LAB@/hosts/zk3/keeper/snapshots' 2>/dev/null; true"] = {
    [1] = {
      [1] = {
        ["duration"] = 0,
        ["host"] = "root@@NET@.13:2222",
        ["ok"] = true,
        ["simulated"] = false,
        ["status"] = 0,
        ["stderr"] = "",
        ["stdout"] = "snapshot_50000.bin\
",
      },
      ["n"] = 1,
    },
  },
  ["root@@NET@.13:2222 probe true"] = {
    [1] = {
      [1] = {
        ["duration"] = 0,
        ["host"] = "root@@NET@.13:2222",
        ["ok"] = true,
        ["simulated"] = false,
        ["status"] = 0,
        ["stderr"] = "",
        ["stdout"] = "",
      },
      ["n"] = 1,
    },
    [2] = {
      [1] = {
        ["duration"] = 0,
        ["host"] = "root@@NET@.13:2222",
        ["ok"] = true,
        ["simulated"] = false,
        ["status"] = 0,
        ["stderr"] = "",
        ["stdout"] = "",
      },
      ["n"] = 1,
    },
  },
  ["root@@NET@.13:2222 read @LAB@/hosts/zk3/keeper.xml"] = {
    [1] = {
      [1] = "<clickhouse>\
    <!-- Keeper on zk3 (lab stand-in: tests/lab/test_keeper_plan.sh) -->\
    <listen_host>@NET@.13</listen_host>\
\
    <keeper_server>\
        <tcp_port>2181</tcp_port>\
        <server_id>3</server_id>\
        <log_storage_path>@LAB@/hosts/zk3/keeper/log</log_storage_path>\
        <snapshot_storage_path>@LAB@/hosts/zk3/keeper/snapshots</snapshot_storage_path>\
\
        <coordination_settings>\
            <operation_timeout_ms>10000</operation_timeout_ms>\
            <session_timeout_ms>30000</session_timeout_ms>\
        </coordination_settings>\
\
        <raft_configuration>\
            <!-- chicago: the voting members -->\
            <server>\
                <id>1</id>\
                <hostname>@NET@.11</hostname>\
                <port>9234</port>\
                <can_become_leader>false</can_become_leader>\
                <priority>0</priority>\
            </server>\
            <server>\
                <id>2</id>\
                <hostname>@NET@.12</hostname>\
                <port>9234</port>\
                <can_become_leader>false</can_become_leader>\
                <priority>0</priority>\
            </server>\
            <server>\
                <id>3</id>\
                <hostname>@NET@.13</hostname>\
                <port>9234</port>\
                <can_become_leader>false</can_become_leader>\
                <priority>0</priority>\
            </server>\
            <!-- dallas: a learner, never leads -->\
            <server>\
                <id>4</id>\
                <hostname>@NET@.14</hostname>\
                <port>9234</port>\
                <can_become_leader>true</can_become_leader>\
                <priority>1</priority>\
            </server>\
            <server>\
                <id>5</id>\
                <hostname>@NET@.15</hostname>\
                <port>9234</port>\
                <priority>1</priority>\
            </server>\
            <server>\
                <id>6</id>\
                <hostname>@NET@.16</hostname>\
                <port>9234</port>\
                <priority>1</priority>\
            </server>\
        </raft_configuration>\
    </keeper_server>\
</clickhouse>\
",
      ["n"] = 1,
    },
    [2] = {
      [1] = "<clickhouse>\
    <!-- Keeper on zk3 (lab stand-in: tests/lab/test_keeper_plan.sh) -->\
    <listen_host>@NET@.13</listen_host>\
\
    <keeper_server>\
        <tcp_port>2181</tcp_port>\
        <server_id>3</server_id>\
        <log_storage_path>@LAB@/hosts/zk3/keeper/log</log_storage_path>\
        <snapshot_storage_path>@LAB@/hosts/zk3/keeper/snapshots</snapshot_storage_path>\
\
        <coordination_settings>\
            <operation_timeout_ms>10000</operation_timeout_ms>\
            <session_timeout_ms>30000</session_timeout_ms>\
        </coordination_settings>\
\
        <raft_configuration>\
            <!-- chicago: the voting members -->\
            <server>\
                <id>1</id>\
                <hostname>@NET@.11</hostname>\
                <port>9234</port>\
                <can_become_leader>false</can_become_leader>\
                <priority>0</priority>\
            </server>\
            <server>\
                <id>2</id>\
                <hostname>@NET@.12</hostname>\
                <port>9234</port>\
                <can_become_leader>false</can_become_leader>\
                <priority>0</priority>\
            </server>\
            <server>\
                <id>3</id>\
                <hostname>@NET@.13</hostname>\
                <port>9234</port>\
                <can_become_leader>false</can_become_leader>\
                <priority>0</priority>\
            </server>\
            <!-- dallas: a learner, never leads -->\
            <server>\
                <id>4</id>\
                <hostname>@NET@.14</hostname>\
                <port>9234</port>\
                <can_become_leader>true</can_become_leader>\
                <priority>1</priority>\
            </server>\
            <server>\
                <id>5</id>\
                <hostname>@NET@.15</hostname>\
                <port>9234</port>\
                <priority>1</priority>\
            </server>\
            <server>\
                <id>6</id>\
                <hostname>@NET@.16</hostname>\
                <port>9234</port>\
                <priority>1</priority>\
            </server>\
        </raft_configuration>\
    </keeper_server>\
</clickhouse>\
",
      ["n"] = 1,
    },
    [3] = {
      [1] = "<clickhouse>\
    <!-- Keeper on zk3 (lab stand-in: tests/lab/test_keeper_plan.sh) -->\
    <listen_host>@NET@.13</listen_host>\
\
    <keeper_server>\
        <tcp_port>2181</tcp_port>\
        <server_id>3</server_id>\
        <log_storage_path>@LAB@/hosts/zk3/keeper/log</log_storage_path>\
        <snapshot_storage_path>@LAB@/hosts/zk3/keeper/snapshots</snapshot_storage_path>\
\
        <coordination_settings>\
            <operation_timeout_ms>10000</operation_timeout_ms>\
            <session_timeout_ms>30000</session_timeout_ms>\
        </coordination_settings>\
\
        <raft_configuration>\
            <!-- chicago: the voting members -->\
            <server>\
                <id>1</id>\
                <hostname>@NET@.11</hostname>\
                <port>9234</port>\
                <can_become_leader>false</can_become_leader>\
                <priority>0</priority>\
            </server>\
            <server>\
                <id>2</id>\
                <hostname>@NET@.12</hostname>\
                <port>9234</port>\
                <can_become_leader>false</can_become_leader>\
                <priority>0</priority>\
            </server>\
            <server>\
                <id>3</id>\
                <hostname>@NET@.13</hostname>\
                <port>9234</port>\
                <can_become_leader>false</can_become_leader>\
                <priority>0</priority>\
            </server>\
            <!-- dallas: a learner, never leads -->\
            <server>\
                <id>4</id>\
                <hostname>@NET@.14</hostname>\
                <port>9234</port>\
                <can_become_leader>true</can_become_leader>\
                <priority>1</priority>\
            </server>\
            <server>\
                <id>5</id>\
                <hostname>@NET@.15</hostname>\
                <port>9234</port>\
                <priority>1</priority>\
            </server>\
            <server>\
                <id>6</id>\
                <hostname>@NET@.16</hostname>\
                <port>9234</port>\
                <priority>1</priority>\
            </server>\
        </raft_configuration>\
    </keeper_server>\
</clickhouse>\
",
      ["n"] = 1,
    },
    [4] = {
      [1] = "<clickhouse>\
    <!-- Keeper on zk3 (lab stand-in: tests/lab/test_keeper_plan.sh) -->\
    <listen_host>@NET@.13</listen_host>\
\
    <keeper_server>\
        <tcp_port>2181</tcp_port>\
        <server_id>3</server_id>\
        <log_storage_path>@LAB@/hosts/zk3/keeper/log</log_storage_path>\
        <snapshot_storage_path>@LAB@/hosts/zk3/keeper/snapshots</snapshot_storage_path>\
\
        <coordination_settings>\
            <operation_timeout_ms>10000</operation_timeout_ms>\
            <session_timeout_ms>30000</session_timeout_ms>\
        </coordination_settings>\
\
        <raft_configuration>\
            <!-- chicago: the voting members -->\
            <server>\
                <id>1</id>\
                <hostname>@NET@.11</hostname>\
                <port>9234</port>\
                <can_become_leader>false</can_become_leader>\
                <priority>0</priority>\
            </server>\
            <server>\
                <id>2</id>\
                <hostname>@NET@.12</hostname>\
                <port>9234</port>\
                <can_become_leader>false</can_become_leader>\
                <priority>0</priority>\
            </server>\
            <server>\
                <id>3</id>\
                <hostname>@NET@.13</hostname>\
                <port>9234</port>\
                <can_become_leader>false</can_become_leader>\
                <priority>0</priority>\
            </server>\
            <!-- dallas: a learner, never leads -->\
            <server>\
                <id>4</id>\
                <hostname>@NET@.14</hostname>\
                <port>9234</port>\
                <can_become_leader>true</can_become_leader>\
                <priority>1</priority>\
            </server>\
            <server>\
                <id>5</id>\
                <hostname>@NET@.15</hostname>\
                <port>9234</port>\
                <priority>1</priority>\
            </server>\
            <server>\
                <id>6</id>\
                <hostname>@NET@.16</hostname>\
                <port>9234</port>\
                <priority>1</priority>\
            </server>\
        </raft_configuration>\
    </keeper_server>\
</clickhouse>\
",
      ["n"] = 1,
    },
  },
  ["root@@NET@.14:2222 probe ls -1 -- '@LAB@/hosts/zk4/keeper/log' 2>/dev/null; true"] = {
    [1] = {
      [1] = {
        ["duration"] = 0,
        ["host"] = "root@@NET@.14:2222",
        ["ok"] = true,
        ["simulated"] = false,
        ["status"] = 0,
        ["stderr"] = "",
        ["stdout"] = "changelog_1_100000.bin\
",
      },
      ["n"] = 1,
    },
  },
  ["root@@NET@.14:2222 probe ls -1 -- '@LAB@/hosts/zk4/keeper/snapshots' 2>/dev/null; true"] = {
    [1] = {
      [1] = {
        ["duration"] = 0,
        ["host"] = "root@@NET@.14:2222",
        ["ok"] = true,
        ["simulated"] = false,
        ["status"] = 0,
        ["stderr"] = "",
        ["stdout"] = "snapshot_50000.bin\
",
      },
      ["n"] = 1,
    },
  },
  ["root@@NET@.14:2222 read @LAB@/hosts/zk4/keeper.xml"] = {
    [1] = {
      [1] = "<clickhouse>\
    <!-- Keeper on zk4 (lab stand-in: tests/lab/test_keeper_plan.sh) -->\
    <listen_host>@NET@.14</listen_host>\
\
    <keeper_server>\
        <tcp_port>2181</tcp_port>\
        <server_id>4</server_id>\
        <log_storage_path>@LAB@/hosts/zk4/keeper/log</log_storage_path>\
        <snapshot_storage_path>@LAB@/hosts/zk4/keeper/snapshots</snapshot_storage_path>\
\
        <coordination_settings>\
            <operation_timeout_ms>10000</operation_timeout_ms>\
            <session_timeout_ms>30000</session_timeout_ms>\
        </coordination_settings>\
\
        <raft_configuration>\
            <!-- chicago: the voting members -->\
            <!-- dallas: a learner, never leads -->\
            <server>\
                <id>4</id>\
                <hostname>@NET@.14</hostname>\
                <port>9234</port>\
                <can_become_leader>true</can_become_leader>\
                <priority>1</priority>\
            </server>\
            <server>\
                <id>5</id>\
                <hostname>@NET@.15</hostname>\
                <port>9234</port>\
                <priority>1</priority>\
            </server>\
            <server>\
                <id>6</id>\
                <hostname>@NET@.16</hostname>\
                <port>9234</port>\
                <priority>1</priority>\
            </server>\
            <server>\
                <id>1</id>\
                <hostname>@NET@.11</hostname>\
                <port>9234</port>\
                <can_become_leader>false</can_become_leader>\
                <priority>0</priority>\
            </server>\
            <server>\
                <id>2</id>\
                <hostname>@NET@.12</hostname>\
                <port>9234</port>\
                <can_become_leader>false</can_become_leader>\
                <priority>0</priority>\
            </server>\
            <server>\
                <id>3</id>\
                <hostname>@NET@.13</hostname>\
                <port>9234</port>\
                <can_become_leader>false</can_become_leader>\
                <priority>0</priority>\
            </server>\
        </raft_configuration>\
    </keeper_server>\
</clickhouse>\
",
      ["n"] = 1,
    },
    [2] = {
      [1] = "<clickhouse>\
    <!-- Keeper on zk4 (lab stand-in: tests/lab/test_keeper_plan.sh) -->\
    <listen_host>@NET@.14</listen_host>\
\
    <keeper_server>\
        <tcp_port>2181</tcp_port>\
        <server_id>4</server_id>\
        <log_storage_path>@LAB@/hosts/zk4/keeper/log</log_storage_path>\
        <snapshot_storage_path>@LAB@/hosts/zk4/keeper/snapshots</snapshot_storage_path>\
\
        <coordination_settings>\
            <operation_timeout_ms>10000</operation_timeout_ms>\
            <session_timeout_ms>30000</session_timeout_ms>\
        </coordination_settings>\
\
        <raft_configuration>\
            <!-- chicago: the voting members -->\
            <!-- dallas: a learner, never leads -->\
            <server>\
                <id>4</id>\
                <hostname>@NET@.14</hostname>\
                <port>9234</port>\
                <can_become_leader>true</can_become_leader>\
                <priority>1</priority>\
            </server>\
            <server>\
                <id>5</id>\
                <hostname>@NET@.15</hostname>\
                <port>9234</port>\
                <priority>1</priority>\
            </server>\
            <server>\
                <id>6</id>\
                <hostname>@NET@.16</hostname>\
                <port>9234</port>\
                <priority>1</priority>\
            </server>\
            <server>\
                <id>1</id>\
                <hostname>@NET@.11</hostname>\
                <port>9234</port>\
                <can_become_leader>false</can_become_leader>\
                <priority>0</priority>\
            </server>\
            <server>\
                <id>2</id>\
                <hostname>@NET@.12</hostname>\
                <port>9234</port>\
                <can_become_leader>false</can_become_leader>\
                <priority>0</priority>\
            </server>\
            <server>\
                <id>3</id>\
                <hostname>@NET@.13</hostname>\
                <port>9234</port>\
                <can_become_leader>false</can_become_leader>\
                <priority>0</priority>\
            </server>\
        </raft_configuration>\
    </keeper_server>\
</clickhouse>\
",
      ["n"] = 1,
    },
    [3] = {
      [1] = "<clickhouse>\
    <!-- Keeper on zk4 (lab stand-in: tests/lab/test_keeper_plan.sh) -->\
    <listen_host>@NET@.14</listen_host>\
\
    <keeper_server>\
        <tcp_port>2181</tcp_port>\
        <server_id>4</server_id>\
        <log_storage_path>@LAB@/hosts/zk4/keeper/log</log_storage_path>\
        <snapshot_storage_path>@LAB@/hosts/zk4/keeper/snapshots</snapshot_storage_path>\
\
        <coordination_settings>\
            <operation_timeout_ms>10000</operation_timeout_ms>\
            <session_timeout_ms>30000</session_timeout_ms>\
        </coordination_settings>\
\
        <raft_configuration>\
            <!-- chicago: the voting members -->\
            <!-- dallas: a learner, never leads -->\
            <server>\
                <id>4</id>\
                <hostname>@NET@.14</hostname>\
                <port>9234</port>\
                <can_become_leader>true</can_become_leader>\
                <priority>1</priority>\
            </server>\
            <server>\
                <id>5</id>\
                <hostname>@NET@.15</hostname>\
                <port>9234</port>\
                <priority>1</priority>\
            </server>\
            <server>\
                <id>6</id>\
                <hostname>@NET@.16</hostname>\
                <port>9234</port>\
                <priority>1</priority>\
            </server>\
            <server>\
                <id>1</id>\
                <hostname>@NET@.11</hostname>\
                <port>9234</port>\
                <can_become_leader>false</can_become_leader>\
                <priority>0</priority>\
            </server>\
            <server>\
                <id>2</id>\
                <hostname>@NET@.12</hostname>\
                <port>9234</port>\
                <can_become_leader>false</can_become_leader>\
                <priority>0</priority>\
            </server>\
            <server>\
                <id>3</id>\
                <hostname>@NET@.13</hostname>\
                <port>9234</port>\
                <can_become_leader>false</can_become_leader>\
                <priority>0</priority>\
            </server>\
        </raft_configuration>\
    </keeper_server>\
</clickhouse>\
",
      ["n"] = 1,
    },
    [4] = {
      [1] = "<clickhouse>\
    <!-- Keeper on zk4 (lab stand-in: tests/lab/test_keeper_plan.sh) -->\
    <listen_host>@NET@.14</listen_host>\
\
    <keeper_server>\
        <tcp_port>2181</tcp_port>\
        <server_id>4</server_id>\
        <log_storage_path>@LAB@/hosts/zk4/keeper/log</log_storage_path>\
        <snapshot_storage_path>@LAB@/hosts/zk4/keeper/snapshots</snapshot_storage_path>\
\
        <coordination_settings>\
            <operation_timeout_ms>10000</operation_timeout_ms>\
            <session_timeout_ms>30000</session_timeout_ms>\
        </coordination_settings>\
\
        <raft_configuration>\
            <!-- chicago: the voting members -->\
            <!-- dallas: a learner, never leads -->\
            <server>\
                <id>4</id>\
                <hostname>@NET@.14</hostname>\
                <port>9234</port>\
                <can_become_leader>true</can_become_leader>\
                <priority>1</priority>\
            </server>\
            <server>\
                <id>5</id>\
                <hostname>@NET@.15</hostname>\
                <port>9234</port>\
                <priority>1</priority>\
            </server>\
            <server>\
                <id>6</id>\
                <hostname>@NET@.16</hostname>\
                <port>9234</port>\
                <priority>1</priority>\
            </server>\
            <server>\
                <id>1</id>\
                <hostname>@NET@.11</hostname>\
                <port>9234</port>\
                <can_become_leader>false</can_become_leader>\
                <priority>0</priority>\
            </server>\
            <server>\
                <id>2</id>\
                <hostname>@NET@.12</hostname>\
                <port>9234</port>\
                <can_become_leader>false</can_become_leader>\
                <priority>0</priority>\
            </server>\
            <server>\
                <id>3</id>\
                <hostname>@NET@.13</hostname>\
                <port>9234</port>\
                <can_become_leader>false</can_become_leader>\
                <priority>0</priority>\
            </server>\
        </raft_configuration>\
    </keeper_server>\
</clickhouse>\
",
      ["n"] = 1,
    },
  },
  ["root@@NET@.15:2222 probe ls -1 -- '@LAB@/hosts/zk5/keeper/log' 2>/dev/null; true"] = {
    [1] = {
      [1] = {
        ["duration"] = 0,
        ["host"] = "root@@NET@.15:2222",
        ["ok"] = true,
        ["simulated"] = false,
        ["status"] = 0,
        ["stderr"] = "",
        ["stdout"] = "",
      },
      ["n"] = 1,
    },
  },
  ["root@@NET@.15:2222 probe ls -1 -- '@LAB@/hosts/zk5/keeper/snapshots' 2>/dev/null; true"] = {
    [1] = {
      [1] = {
        ["duration"] = 0,
        ["host"] = "root@@NET@.15:2222",
        ["ok"] = true,
        ["simulated"] = false,
        ["status"] = 0,
        ["stderr"] = "",
        ["stdout"] = "",
      },
      ["n"] = 1,
    },
  },
  ["root@@NET@.15:2222 read @LAB@/hosts/zk5/keeper.xml"] = {
    [1] = {
      [1] = "<clickhouse>\
    <!-- Keeper on zk5 (lab stand-in: tests/lab/test_keeper_plan.sh) -->\
    <listen_host>@NET@.15</listen_host>\
\
    <keeper_server>\
        <tcp_port>2181</tcp_port>\
        <server_id>5</server_id>\
        <log_storage_path>@LAB@/hosts/zk5/keeper/log</log_storage_path>\
        <snapshot_storage_path>@LAB@/hosts/zk5/keeper/snapshots</snapshot_storage_path>\
\
        <coordination_settings>\
            <operation_timeout_ms>10000</operation_timeout_ms>\
            <session_timeout_ms>30000</session_timeout_ms>\
        </coordination_settings>\
\
        <raft_configuration>\
            <!-- chicago: the voting members -->\
            <!-- dallas: a learner, never leads -->\
            <server>\
                <id>4</id>\
                <hostname>@NET@.14</hostname>\
                <port>9234</port>\
                <can_become_leader>true</can_become_leader>\
                <priority>1</priority>\
            </server>\
            <server>\
                <id>5</id>\
                <hostname>@NET@.15</hostname>\
                <port>9234</port>\
                <priority>1</priority>\
            </server>\
            <server>\
                <id>6</id>\
                <hostname>@NET@.16</hostname>\
                <port>9234</port>\
                <priority>1</priority>\
            </server>\
            <server>\
                <id>1</id>\
                <hostname>@NET@.11</hostname>\
                <port>9234</port>\
                <can_become_leader>false</can_become_leader>\
                <priority>0</priority>\
            </server>\
            <server>\
                <id>2</id>\
                <hostname>@NET@.12</hostname>\
                <port>9234</port>\
                <can_become_leader>false</can_become_leader>\
                <priority>0</priority>\
            </server>\
            <server>\
                <id>3</id>\
                <hostname>@NET@.13</hostname>\
                <port>9234</port>\
                <can_become_leader>false</can_become_leader>\
                <priority>0</priority>\
            </server>\
        </raft_configuration>\
    </keeper_server>\
</clickhouse>\
",
      ["n"] = 1,
    },
    [2] = {
      [1] = "<clickhouse>\
    <!-- Keeper on zk5 (lab stand-in: tests/lab/test_keeper_plan.sh) -->\
    <listen_host>@NET@.15</listen_host>\
\
    <keeper_server>\
        <tcp_port>2181</tcp_port>\
        <server_id>5</server_id>\
        <log_storage_path>@LAB@/hosts/zk5/keeper/log</log_storage_path>\
        <snapshot_storage_path>@LAB@/hosts/zk5/keeper/snapshots</snapshot_storage_path>\
\
        <coordination_settings>\
            <operation_timeout_ms>10000</operation_timeout_ms>\
            <session_timeout_ms>30000</session_timeout_ms>\
        </coordination_settings>\
\
        <raft_configuration>\
            <!-- chicago: the voting members -->\
            <!-- dallas: a learner, never leads -->\
            <server>\
                <id>4</id>\
                <hostname>@NET@.14</hostname>\
                <port>9234</port>\
                <can_become_leader>true</can_become_leader>\
                <priority>1</priority>\
            </server>\
            <server>\
                <id>5</id>\
                <hostname>@NET@.15</hostname>\
                <port>9234</port>\
                <priority>1</priority>\
            </server>\
            <server>\
                <id>6</id>\
                <hostname>@NET@.16</hostname>\
                <port>9234</port>\
                <priority>1</priority>\
            </server>\
            <server>\
                <id>1</id>\
                <hostname>@NET@.11</hostname>\
                <port>9234</port>\
                <can_become_leader>false</can_become_leader>\
                <priority>0</priority>\
            </server>\
            <server>\
                <id>2</id>\
                <hostname>@NET@.12</hostname>\
                <port>9234</port>\
                <can_become_leader>false</can_become_leader>\
                <priority>0</priority>\
            </server>\
            <server>\
                <id>3</id>\
                <hostname>@NET@.13</hostname>\
                <port>9234</port>\
                <can_become_leader>false</can_become_leader>\
                <priority>0</priority>\
            </server>\
        </raft_configuration>\
    </keeper_server>\
</clickhouse>\
",
      ["n"] = 1,
    },
    [3] = {
      [1] = "<clickhouse>\
    <!-- Keeper on zk5 (lab stand-in: tests/lab/test_keeper_plan.sh) -->\
    <listen_host>@NET@.15</listen_host>\
\
    <keeper_server>\
        <tcp_port>2181</tcp_port>\
        <server_id>5</server_id>\
        <log_storage_path>@LAB@/hosts/zk5/keeper/log</log_storage_path>\
        <snapshot_storage_path>@LAB@/hosts/zk5/keeper/snapshots</snapshot_storage_path>\
\
        <coordination_settings>\
            <operation_timeout_ms>10000</operation_timeout_ms>\
            <session_timeout_ms>30000</session_timeout_ms>\
        </coordination_settings>\
\
        <raft_configuration>\
            <!-- chicago: the voting members -->\
            <!-- dallas: a learner, never leads -->\
            <server>\
                <id>4</id>\
                <hostname>@NET@.14</hostname>\
                <port>9234</port>\
                <can_become_leader>true</can_become_leader>\
                <priority>1</priority>\
            </server>\
            <server>\
                <id>5</id>\
                <hostname>@NET@.15</hostname>\
                <port>9234</port>\
                <priority>1</priority>\
            </server>\
            <server>\
                <id>6</id>\
                <hostname>@NET@.16</hostname>\
                <port>9234</port>\
                <priority>1</priority>\
            </server>\
            <server>\
                <id>1</id>\
                <hostname>@NET@.11</hostname>\
                <port>9234</port>\
                <can_become_leader>false</can_become_leader>\
                <priority>0</priority>\
            </server>\
            <server>\
                <id>2</id>\
                <hostname>@NET@.12</hostname>\
                <port>9234</port>\
                <can_become_leader>false</can_become_leader>\
                <priority>0</priority>\
            </server>\
            <server>\
                <id>3</id>\
                <hostname>@NET@.13</hostname>\
                <port>9234</port>\
                <can_become_leader>false</can_become_leader>\
                <priority>0</priority>\
            </server>\
        </raft_configuration>\
    </keeper_server>\
</clickhouse>\
",
      ["n"] = 1,
    },
  },
  ["root@@NET@.16:2222 probe ls -1 -- '@LAB@/hosts/zk6/keeper/log' 2>/dev/null; true"] = {
    [1] = {
      [1] = {
        ["duration"] = 0,
        ["host"] = "root@@NET@.16:2222",
        ["ok"] = true,
        ["simulated"] = false,
        ["status"] = 0,
        ["stderr"] = "",
        ["stdout"] = "",
      },
      ["n"] = 1,
    },
  },
  ["root@@NET@.16:2222 probe ls -1 -- '@LAB@/hosts/zk6/keeper/snapshots' 2>/dev/null; true"] = {
    [1] = {
      [1] = {
        ["duration"] = 0,
        ["host"] = "root@@NET@.16:2222",
        ["ok"] = true,
        ["simulated"] = false,
        ["status"] = 0,
        ["stderr"] = "",
        ["stdout"] = "",
      },
      ["n"] = 1,
    },
  },
  ["root@@NET@.16:2222 read @LAB@/hosts/zk6/keeper.xml"] = {
    [1] = {
      [1] = "<clickhouse>\
    <!-- Keeper on zk6 (lab stand-in: tests/lab/test_keeper_plan.sh) -->\
    <listen_host>@NET@.16</listen_host>\
\
    <keeper_server>\
        <tcp_port>2181</tcp_port>\
        <server_id>6</server_id>\
        <log_storage_path>@LAB@/hosts/zk6/keeper/log</log_storage_path>\
        <snapshot_storage_path>@LAB@/hosts/zk6/keeper/snapshots</snapshot_storage_path>\
\
        <coordination_settings>\
            <operation_timeout_ms>10000</operation_timeout_ms>\
            <session_timeout_ms>30000</session_timeout_ms>\
        </coordination_settings>\
\
        <raft_configuration>\
            <!-- chicago: the voting members -->\
            <!-- dallas: a learner, never leads -->\
            <server>\
                <id>4</id>\
                <hostname>@NET@.14</hostname>\
                <port>9234</port>\
                <can_become_leader>true</can_become_leader>\
                <priority>1</priority>\
            </server>\
            <server>\
                <id>5</id>\
                <hostname>@NET@.15</hostname>\
                <port>9234</port>\
                <priority>1</priority>\
            </server>\
            <server>\
                <id>6</id>\
                <hostname>@NET@.16</hostname>\
                <port>9234</port>\
                <priority>1</priority>\
            </server>\
            <server>\
                <id>1</id>\
                <hostname>@NET@.11</hostname>\
                <port>9234</port>\
                <can_become_leader>false</can_become_leader>\
                <priority>0</priority>\
            </server>\
            <server>\
                <id>2</id>\
                <hostname>@NET@.12</hostname>\
                <port>9234</port>\
                <can_become_leader>false</can_become_leader>\
                <priority>0</priority>\
            </server>\
            <server>\
                <id>3</id>\
                <hostname>@NET@.13</hostname>\
                <port>9234</port>\
                <can_become_leader>false</can_become_leader>\
                <priority>0</priority>\
            </server>\
        </raft_configuration>\
    </keeper_server>\
</clickhouse>\
",
      ["n"] = 1,
    },
    [2] = {
      [1] = "<clickhouse>\
    <!-- Keeper on zk6 (lab stand-in: tests/lab/test_keeper_plan.sh) -->\
    <listen_host>@NET@.16</listen_host>\
\
    <keeper_server>\
        <tcp_port>2181</tcp_port>\
        <server_id>6</server_id>\
        <log_storage_path>@LAB@/hosts/zk6/keeper/log</log_storage_path>\
        <snapshot_storage_path>@LAB@/hosts/zk6/keeper/snapshots</snapshot_storage_path>\
\
        <coordination_settings>\
            <operation_timeout_ms>10000</operation_timeout_ms>\
            <session_timeout_ms>30000</session_timeout_ms>\
        </coordination_settings>\
\
        <raft_configuration>\
            <!-- chicago: the voting members -->\
            <!-- dallas: a learner, never leads -->\
            <server>\
                <id>4</id>\
                <hostname>@NET@.14</hostname>\
                <port>9234</port>\
                <can_become_leader>true</can_become_leader>\
                <priority>1</priority>\
            </server>\
            <server>\
                <id>5</id>\
                <hostname>@NET@.15</hostname>\
                <port>9234</port>\
                <priority>1</priority>\
            </server>\
            <server>\
                <id>6</id>\
                <hostname>@NET@.16</hostname>\
                <port>9234</port>\
                <priority>1</priority>\
            </server>\
            <server>\
                <id>1</id>\
                <hostname>@NET@.11</hostname>\
                <port>9234</port>\
                <can_become_leader>false</can_become_leader>\
                <priority>0</priority>\
            </server>\
            <server>\
                <id>2</id>\
                <hostname>@NET@.12</hostname>\
                <port>9234</port>\
                <can_become_leader>false</can_become_leader>\
                <priority>0</priority>\
            </server>\
            <server>\
                <id>3</id>\
                <hostname>@NET@.13</hostname>\
                <port>9234</port>\
                <can_become_leader>false</can_become_leader>\
                <priority>0</priority>\
            </server>\
        </raft_configuration>\
    </keeper_server>\
</clickhouse>\
",
      ["n"] = 1,
    },
    [3] = {
      [1] = "<clickhouse>\
    <!-- Keeper on zk6 (lab stand-in: tests/lab/test_keeper_plan.sh) -->\
    <listen_host>@NET@.16</listen_host>\
\
    <keeper_server>\
        <tcp_port>2181</tcp_port>\
        <server_id>6</server_id>\
        <log_storage_path>@LAB@/hosts/zk6/keeper/log</log_storage_path>\
        <snapshot_storage_path>@LAB@/hosts/zk6/keeper/snapshots</snapshot_storage_path>\
\
        <coordination_settings>\
            <operation_timeout_ms>10000</operation_timeout_ms>\
            <session_timeout_ms>30000</session_timeout_ms>\
        </coordination_settings>\
\
        <raft_configuration>\
            <!-- chicago: the voting members -->\
            <!-- dallas: a learner, never leads -->\
            <server>\
                <id>4</id>\
                <hostname>@NET@.14</hostname>\
                <port>9234</port>\
                <can_become_leader>true</can_become_leader>\
                <priority>1</priority>\
            </server>\
            <server>\
                <id>5</id>\
                <hostname>@NET@.15</hostname>\
                <port>9234</port>\
                <priority>1</priority>\
            </server>\
            <server>\
                <id>6</id>\
                <hostname>@NET@.16</hostname>\
                <port>9234</port>\
                <priority>1</priority>\
            </server>\
            <server>\
                <id>1</id>\
                <hostname>@NET@.11</hostname>\
                <port>9234</port>\
                <can_become_leader>false</can_become_leader>\
                <priority>0</priority>\
            </server>\
            <server>\
                <id>2</id>\
                <hostname>@NET@.12</hostname>\
                <port>9234</port>\
                <can_become_leader>false</can_become_leader>\
                <priority>0</priority>\
            </server>\
            <server>\
                <id>3</id>\
                <hostname>@NET@.13</hostname>\
                <port>9234</port>\
                <can_become_leader>false</can_become_leader>\
                <priority>0</priority>\
            </server>\
        </raft_configuration>\
    </keeper_server>\
</clickhouse>\
",
      ["n"] = 1,
    },
  },
  ["root@@NET@.21:2222 probe true"] = {
    [1] = {
      [1] = {
        ["duration"] = 0,
        ["host"] = "root@@NET@.21:2222",
        ["ok"] = true,
        ["simulated"] = false,
        ["status"] = 0,
        ["stderr"] = "",
        ["stdout"] = "",
      },
      ["n"] = 1,
    },
    [2] = {
      [1] = {
        ["duration"] = 0,
        ["host"] = "root@@NET@.21:2222",
        ["ok"] = true,
        ["simulated"] = false,
        ["status"] = 0,
        ["stderr"] = "",
        ["stdout"] = "",
      },
      ["n"] = 1,
    },
  },
  ["root@@NET@.21:2222 read @LAB@/hosts/ch1/config.d/remote_servers.xml"] = {
    [1] = {
      [1] = "<?xml version=\"1.0\"?>\
<yandex>\
    <remote_servers>\
        <cluster1>\
            <shard>\
                <internal_replication>true</internal_replication>\
                <replica><host>@NET@.21</host><port>9000</port></replica>\
                <replica><host>@NET@.22</host><port>9000</port></replica>\
            </shard>\
        </cluster1>\
        <all>\
            <shard>\
                <internal_replication>true</internal_replication>\
                <replica><host>@NET@.21</host><port>9000</port></replica>\
                <replica><host>@NET@.22</host><port>9000</port></replica>\
                <replica><host>@NET@.23</host><port>9000</port></replica>\
                <replica><host>@NET@.24</host><port>9000</port></replica>\
            </shard>\
        </all>\
    </remote_servers>\
</yandex>\
",
      ["n"] = 1,
    },
    [2] = {
      [1] = "<?xml version=\"1.0\"?>\
<yandex>\
    <remote_servers>\
        <cluster1>\
            <shard>\
                <internal_replication>true</internal_replication>\
                <replica><host>@NET@.21</host><port>9000</port></replica>\
                <replica><host>@NET@.22</host><port>9000</port></replica>\
            </shard>\
        </cluster1>\
        <all>\
            <shard>\
                <internal_replication>true</internal_replication>\
                <replica><host>@NET@.21</host><port>9000</port></replica>\
                <replica><host>@NET@.22</host><port>9000</port></replica>\
                <replica><host>@NET@.23</host><port>9000</port></replica>\
                <replica><host>@NET@.24</host><port>9000</port></replica>\
            </shard>\
        </all>\
    </remote_servers>\
</yandex>\
",
      ["n"] = 1,
    },
  },
  ["root@@NET@.21:2222 read @LAB@/hosts/ch1/config.d/zookeeper.xml"] = {
    [1] = {
      [1] = "<?xml version=\"1.0\"?>\
<yandex>\
    <zookeeper>\
        <node index=\"1\"><host>@NET@.14</host><port>2181</port></node>\
        <node index=\"2\"><host>@NET@.15</host><port>2181</port></node>\
        <node index=\"3\"><host>@NET@.16</host><port>2181</port></node>\
        <session_timeout_ms>10000</session_timeout_ms>\
    </zookeeper>\
</yandex>\
",
      ["n"] = 1,
    },
    [2] = {
      [1] = "<?xml version=\"1.0\"?>\
<yandex>\
    <zookeeper>\
        <node index=\"1\"><host>@NET@.14</host><port>2181</port></node>\
        <node index=\"2\"><host>@NET@.15</host><port>2181</port></node>\
        <node index=\"3\"><host>@NET@.16</host><port>2181</port></node>\
        <session_timeout_ms>10000</session_timeout_ms>\
    </zookeeper>\
</yandex>\
",
      ["n"] = 1,
    },
  },
  ["root@@NET@.22:2222 probe true"] = {
    [1] = {
      [1] = {
        ["duration"] = 0,
        ["host"] = "root@@NET@.22:2222",
        ["ok"] = true,
        ["simulated"] = false,
        ["status"] = 0,
        ["stderr"] = "",
        ["stdout"] = "",
      },
      ["n"] = 1,
    },
    [2] = {
      [1] = {
        ["duration"] = 0,
        ["host"] = "root@@NET@.22:2222",
        ["ok"] = true,
        ["simulated"] = false,
        ["status"] = 0,
        ["stderr"] = "",
        ["stdout"] = "",
      },
      ["n"] = 1,
    },
  },
  ["root@@NET@.22:2222 read @LAB@/hosts/ch2/config.d/remote_servers.xml"] = {
    [1] = {
      [1] = "<?xml version=\"1.0\"?>\
<yandex>\
    <remote_servers>\
        <cluster1>\
            <shard>\
                <internal_replication>true</internal_replication>\
                <replica><host>@NET@.21</host><port>9000</port></replica>\
                <replica><host>@NET@.22</host><port>9000</port></replica>\
            </shard>\
        </cluster1>\
        <all>\
            <shard>\
                <internal_replication>true</internal_replication>\
                <replica><host>@NET@.21</host><port>9000</port></replica>\
                <replica><host>@NET@.22</host><port>9000</port></replica>\
                <replica><host>@NET@.23</host><port>9000</port></replica>\
                <replica><host>@NET@.24</host><port>9000</port></replica>\
            </shard>\
        </all>\
    </remote_servers>\
</yandex>\
",
      ["n"] = 1,
    },
    [2] = {
      [1] = "<?xml version=\"1.0\"?>\
<yandex>\
    <remote_servers>\
        <cluster1>\
            <shard>\
                <internal_replication>true</internal_replication>\
                <replica><host>@NET@.21</host><port>9000</port></replica>\
                <replica><host>@NET@.22</host><port>9000</port></replica>\
            </shard>\
        </cluster1>\
        <all>\
            <shard>\
                <internal_replication>true</internal_replication>\
                <replica><host>@NET@.21</host><port>9000</port></replica>\
                <replica><host>@NET@.22</host><port>9000</port></replica>\
                <replica><host>@NET@.23</host><port>9000</port></replica>\
                <replica><host>@NET@.24</host><port>9000</port></replica>\
            </shard>\
        </all>\
    </remote_servers>\
</yandex>\
",
      ["n"] = 1,
    },
  },
  ["root@@NET@.22:2222 read @LAB@/hosts/ch2/config.d/zookeeper.xml"] = {
    [1] = {
      [1] = "<?xml version=\"1.0\"?>\
<yandex>\
    <zookeeper>\
        <node index=\"1\"><host>@NET@.14</host><port>2181</port></node>\
        <node index=\"2\"><host>@NET@.15</host><port>2181</port></node>\
        <node index=\"3\"><host>@NET@.16</host><port>2181</port></node>\
        <session_timeout_ms>10000</session_timeout_ms>\
    </zookeeper>\
</yandex>\
",
      ["n"] = 1,
    },
    [2] = {
      [1] = "<?xml version=\"1.0\"?>\
<yandex>\
    <zookeeper>\
        <node index=\"1\"><host>@NET@.14</host><port>2181</port></node>\
        <node index=\"2\"><host>@NET@.15</host><port>2181</port></node>\
        <node index=\"3\"><host>@NET@.16</host><port>2181</port></node>\
        <session_timeout_ms>10000</session_timeout_ms>\
    </zookeeper>\
</yandex>\
",
      ["n"] = 1,
    },
  },
  ["root@@NET@.23:2222 probe true"] = {
    [1] = {
      [1] = {
        ["duration"] = 0,
        ["host"] = "root@@NET@.23:2222",
        ["ok"] = true,
        ["simulated"] = false,
        ["status"] = 0,
        ["stderr"] = "",
        ["stdout"] = "",
      },
      ["n"] = 1,
    },
  },
  ["root@@NET@.23:2222 read @LAB@/hosts/ch3/config.d/macros.xml"] = {
    [1] = {
      [1] = "<?xml version=\"1.0\"?>\
<yandex>\
    <macros>\
        <cluster>cluster1</cluster>\
        <shard>0</shard>\
        <replica>dal-01</replica>\
    </macros>\
</yandex>\
",
      ["n"] = 1,
    },
  },
  ["root@@NET@.23:2222 read @LAB@/hosts/ch3/config.d/remote_servers.xml"] = {
    [1] = {
      [1] = "<?xml version=\"1.0\"?>\
<yandex>\
    <remote_servers>\
        <cluster1>\
            <shard>\
                <internal_replication>true</internal_replication>\
                <replica><host>@NET@.23</host><port>9000</port></replica>\
                <replica><host>@NET@.24</host><port>9000</port></replica>\
            </shard>\
        </cluster1>\
        <all>\
            <shard>\
                <internal_replication>true</internal_replication>\
                <replica><host>@NET@.23</host><port>9000</port></replica>\
                <replica><host>@NET@.24</host><port>9000</port></replica>\
                <replica><host>@NET@.21</host><port>9000</port></replica>\
                <replica><host>@NET@.22</host><port>9000</port></replica>\
            </shard>\
        </all>\
    </remote_servers>\
</yandex>\
",
      ["n"] = 1,
    },
  },
  ["root@@NET@.23:2222 read @LAB@/hosts/ch3/config.d/zookeeper.xml"] = {
    [1] = {
      [1] = "<?xml version=\"1.0\"?>\
<yandex>\
    <zookeeper>\
        <node index=\"1\"><host>@NET@.14</host><port>2181</port></node>\
        <node index=\"2\"><host>@NET@.15</host><port>2181</port></node>\
        <node index=\"3\"><host>@NET@.16</host><port>2181</port></node>\
        <session_timeout_ms>10000</session_timeout_ms>\
    </zookeeper>\
</yandex>\
",
      ["n"] = 1,
    },
    [2] = {
      [1] = "<?xml version=\"1.0\"?>\
<yandex>\
    <zookeeper>\
        <node index=\"1\"><host>@NET@.14</host><port>2181</port></node>\
        <node index=\"2\"><host>@NET@.15</host><port>2181</port></node>\
        <node index=\"3\"><host>@NET@.16</host><port>2181</port></node>\
        <session_timeout_ms>10000</session_timeout_ms>\
    </zookeeper>\
</yandex>\
",
      ["n"] = 1,
    },
  },
  ["root@@NET@.24:2222 probe true"] = {
    [1] = {
      [1] = {
        ["duration"] = 0,
        ["host"] = "root@@NET@.24:2222",
        ["ok"] = true,
        ["simulated"] = false,
        ["status"] = 0,
        ["stderr"] = "",
        ["stdout"] = "",
      },
      ["n"] = 1,
    },
  },
  ["root@@NET@.24:2222 read @LAB@/hosts/ch4/config.d/macros.xml"] = {
    [1] = {
      [1] = "<?xml version=\"1.0\"?>\
<yandex>\
    <macros>\
        <cluster>cluster1</cluster>\
        <shard>0</shard>\
        <replica>dal-02</replica>\
    </macros>\
</yandex>\
",
      ["n"] = 1,
    },
  },
  ["root@@NET@.24:2222 read @LAB@/hosts/ch4/config.d/remote_servers.xml"] = {
    [1] = {
      [1] = "<?xml version=\"1.0\"?>\
<yandex>\
    <remote_servers>\
        <cluster1>\
            <shard>\
                <internal_replication>true</internal_replication>\
                <replica><host>@NET@.23</host><port>9000</port></replica>\
                <replica><host>@NET@.24</host><port>9000</port></replica>\
            </shard>\
        </cluster1>\
        <all>\
            <shard>\
                <internal_replication>true</internal_replication>\
                <replica><host>@NET@.23</host><port>9000</port></replica>\
                <replica><host>@NET@.24</host><port>9000</port></replica>\
                <replica><host>@NET@.21</host><port>9000</port></replica>\
                <replica><host>@NET@.22</host><port>9000</port></replica>\
            </shard>\
        </all>\
    </remote_servers>\
</yandex>\
",
      ["n"] = 1,
    },
  },
  ["root@@NET@.24:2222 read @LAB@/hosts/ch4/config.d/zookeeper.xml"] = {
    [1] = {
      [1] = "<?xml version=\"1.0\"?>\
<yandex>\
    <zookeeper>\
        <node index=\"1\"><host>@NET@.14</host><port>2181</port></node>\
        <node index=\"2\"><host>@NET@.15</host><port>2181</port></node>\
        <node index=\"3\"><host>@NET@.16</host><port>2181</port></node>\
        <session_timeout_ms>10000</session_timeout_ms>\
    </zookeeper>\
</yandex>\
",
      ["n"] = 1,
    },
    [2] = {
      [1] = "<?xml version=\"1.0\"?>\
<yandex>\
    <zookeeper>\
        <node index=\"1\"><host>@NET@.14</host><port>2181</port></node>\
        <node index=\"2\"><host>@NET@.15</host><port>2181</port></node>\
        <node index=\"3\"><host>@NET@.16</host><port>2181</port></node>\
        <session_timeout_ms>10000</session_timeout_ms>\
    </zookeeper>\
</yandex>\
",
      ["n"] = 1,
    },
  },
}
