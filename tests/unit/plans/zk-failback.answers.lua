-- Answers of the lab's hosts, recorded by tests/unit/plans/record.sh:
-- see tests/unit/plans/scripted.lua.  Regenerate, do not edit.
return {
  ["@NET@.11:2181,@NET@.12:2181,@NET@.13:2181 config"] = {
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
    [3] = {
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
  ["@NET@.11:2181,@NET@.12:2181,@NET@.13:2181 reconfig joining server.4=@NET@.14:2888:3888:observer;@NET@.14:2181 leaving -"] = {
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
            ["role"] = "observer",
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
        ["simulated"] = true,
        ["version"] = 8589934694,
      },
      ["n"] = 1,
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
  ["@NET@.14:2181,@NET@.15:2181,@NET@.16:2181 connect"] = {
    [1] = {
      [1] = true,
      ["n"] = 1,
    },
  },
  ["@NET@.14:2181,@NET@.15:2181,@NET@.16:2181 lock_holder /drctl/lock"] = {
    [1] = {
      [1] = false,
      ["n"] = 1,
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
          ["elapsed"] = 0.01,
          ["host"] = "@NET@.21",
          ["ok"] = true,
          ["port"] = 8123,
          ["rows"] = {
            [1] = {
              ["elapsed"] = "0.000388889",
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
          ["elapsed"] = 0.01,
          ["host"] = "@NET@.22",
          ["ok"] = true,
          ["port"] = 8123,
          ["rows"] = {
            [1] = {
              ["elapsed"] = "0.000484009",
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
          ["elapsed"] = 0.0050000000000000001,
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
          ["elapsed"] = 0.021999999999999999,
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
          ["elapsed"] = 0.048000000000000001,
          ["host"] = "@NET@.23",
          ["ok"] = true,
          ["port"] = 8123,
          ["rows"] = {
            [1] = {
              ["elapsed"] = "0.001100721",
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
          ["elapsed"] = 0.079000000000000001,
          ["host"] = "@NET@.24",
          ["ok"] = true,
          ["port"] = 8123,
          ["rows"] = {
            [1] = {
              ["elapsed"] = "0.015376225",
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
Latency min/avg/max: 0/3.9444/48\
Received: 39\
Sent: 38\
Connections: 1\
Outstanding: 0\
Zxid: 0x2000000b3\
Mode: observer\
Node count: 212\
",
          ["elapsed"] = 0.0030000000000000001,
          ["host"] = "@NET@.11",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 1,
            ["counter"] = 179,
            ["epoch"] = 2,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 3.9443999999999999,
              ["max"] = 48,
              ["min"] = 0,
            },
            ["mode"] = "observer",
            ["node_count"] = 212,
            ["outstanding"] = 0,
            ["received"] = 39,
            ["sent"] = 38,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 8589934771,
          },
        },
        [2] = {
          ["answer"] = "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC\
Latency min/avg/max: 0/0.0/0\
Received: 3\
Sent: 2\
Connections: 1\
Outstanding: 0\
Zxid: 0x2000000b3\
Mode: observer\
Node count: 212\
",
          ["elapsed"] = 0.024,
          ["host"] = "@NET@.12",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 1,
            ["counter"] = 179,
            ["epoch"] = 2,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 0,
              ["max"] = 0,
              ["min"] = 0,
            },
            ["mode"] = "observer",
            ["node_count"] = 212,
            ["outstanding"] = 0,
            ["received"] = 3,
            ["sent"] = 2,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 8589934771,
          },
        },
        [3] = {
          ["answer"] = "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC\
Latency min/avg/max: 0/0.0/0\
Received: 3\
Sent: 2\
Connections: 1\
Outstanding: 0\
Zxid: 0x2000000b3\
Mode: observer\
Node count: 212\
",
          ["elapsed"] = 0.024,
          ["host"] = "@NET@.13",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 1,
            ["counter"] = 179,
            ["epoch"] = 2,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 0,
              ["max"] = 0,
              ["min"] = 0,
            },
            ["mode"] = "observer",
            ["node_count"] = 212,
            ["outstanding"] = 0,
            ["received"] = 3,
            ["sent"] = 2,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 8589934771,
          },
        },
        [4] = {
          ["answer"] = "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC\
Latency min/avg/max: 0/2.3696/33\
Received: 245\
Sent: 245\
Connections: 3\
Outstanding: 0\
Zxid: 0x2000000b3\
Mode: leader\
Node count: 212\
Proposal sizes last/min/max: 63/36/1293\
",
          ["elapsed"] = 0.0030000000000000001,
          ["host"] = "@NET@.14",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 3,
            ["counter"] = 179,
            ["epoch"] = 2,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 2.3696000000000002,
              ["max"] = 33,
              ["min"] = 0,
            },
            ["mode"] = "leader",
            ["node_count"] = 212,
            ["outstanding"] = 0,
            ["received"] = 245,
            ["sent"] = 245,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 8589934771,
          },
        },
        [5] = {
          ["answer"] = "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC\
Latency min/avg/max: 0/3.0039/139\
Received: 534\
Sent: 534\
Connections: 3\
Outstanding: 0\
Zxid: 0x2000000b3\
Mode: follower\
Node count: 212\
",
          ["elapsed"] = 0.0030000000000000001,
          ["host"] = "@NET@.15",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 3,
            ["counter"] = 179,
            ["epoch"] = 2,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 3.0038999999999998,
              ["max"] = 139,
              ["min"] = 0,
            },
            ["mode"] = "follower",
            ["node_count"] = 212,
            ["outstanding"] = 0,
            ["received"] = 534,
            ["sent"] = 534,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 8589934771,
          },
        },
        [6] = {
          ["answer"] = "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC\
Latency min/avg/max: 0/5.1333/14\
Received: 26\
Sent: 25\
Connections: 1\
Outstanding: 0\
Zxid: 0x2000000b3\
Mode: follower\
Node count: 212\
",
          ["elapsed"] = 0.024,
          ["host"] = "@NET@.16",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 1,
            ["counter"] = 179,
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
            ["received"] = 26,
            ["sent"] = 25,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 8589934771,
          },
        },
      },
      ["n"] = 1,
    },
    [2] = {
      [1] = {
        [1] = {
          ["answer"] = "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC\
Latency min/avg/max: 0/3.9444/48\
Received: 40\
Sent: 39\
Connections: 1\
Outstanding: 0\
Zxid: 0x2000000b5\
Mode: observer\
Node count: 212\
",
          ["elapsed"] = 0.0060000000000000001,
          ["host"] = "@NET@.11",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 1,
            ["counter"] = 181,
            ["epoch"] = 2,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 3.9443999999999999,
              ["max"] = 48,
              ["min"] = 0,
            },
            ["mode"] = "observer",
            ["node_count"] = 212,
            ["outstanding"] = 0,
            ["received"] = 40,
            ["sent"] = 39,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 8589934773,
          },
        },
        [2] = {
          ["answer"] = "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC\
Latency min/avg/max: 0/0.0/0\
Received: 4\
Sent: 3\
Connections: 1\
Outstanding: 0\
Zxid: 0x2000000b5\
Mode: observer\
Node count: 212\
",
          ["elapsed"] = 0.01,
          ["host"] = "@NET@.12",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 1,
            ["counter"] = 181,
            ["epoch"] = 2,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 0,
              ["max"] = 0,
              ["min"] = 0,
            },
            ["mode"] = "observer",
            ["node_count"] = 212,
            ["outstanding"] = 0,
            ["received"] = 4,
            ["sent"] = 3,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 8589934773,
          },
        },
        [3] = {
          ["answer"] = "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC\
Latency min/avg/max: 0/0.0/0\
Received: 4\
Sent: 3\
Connections: 1\
Outstanding: 0\
Zxid: 0x2000000b5\
Mode: observer\
Node count: 212\
",
          ["elapsed"] = 0.0089999999999999993,
          ["host"] = "@NET@.13",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 1,
            ["counter"] = 181,
            ["epoch"] = 2,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 0,
              ["max"] = 0,
              ["min"] = 0,
            },
            ["mode"] = "observer",
            ["node_count"] = 212,
            ["outstanding"] = 0,
            ["received"] = 4,
            ["sent"] = 3,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 8589934773,
          },
        },
        [4] = {
          ["answer"] = "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC\
Latency min/avg/max: 0/2.3941/33\
Received: 253\
Sent: 253\
Connections: 3\
Outstanding: 0\
Zxid: 0x2000000b5\
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
            ["counter"] = 181,
            ["epoch"] = 2,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 2.3940999999999999,
              ["max"] = 33,
              ["min"] = 0,
            },
            ["mode"] = "leader",
            ["node_count"] = 212,
            ["outstanding"] = 0,
            ["received"] = 253,
            ["sent"] = 253,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 8589934773,
          },
        },
        [5] = {
          ["answer"] = "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC\
Latency min/avg/max: 0/3.0039/139\
Received: 535\
Sent: 535\
Connections: 3\
Outstanding: 0\
Zxid: 0x2000000b5\
Mode: follower\
Node count: 212\
",
          ["elapsed"] = 0.0089999999999999993,
          ["host"] = "@NET@.15",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 3,
            ["counter"] = 181,
            ["epoch"] = 2,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 3.0038999999999998,
              ["max"] = 139,
              ["min"] = 0,
            },
            ["mode"] = "follower",
            ["node_count"] = 212,
            ["outstanding"] = 0,
            ["received"] = 535,
            ["sent"] = 535,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 8589934773,
          },
        },
        [6] = {
          ["answer"] = "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC\
Latency min/avg/max: 0/5.1333/14\
Received: 27\
Sent: 26\
Connections: 1\
Outstanding: 0\
Zxid: 0x2000000b5\
Mode: follower\
Node count: 212\
",
          ["elapsed"] = 0.01,
          ["host"] = "@NET@.16",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 1,
            ["counter"] = 181,
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
            ["received"] = 27,
            ["sent"] = 26,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 8589934773,
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
Received: 48\
Sent: 47\
Connections: 1\
Outstanding: 0\
Zxid: 0x2000000b9\
Mode: observer\
Node count: 212\
",
          ["elapsed"] = 0.0050000000000000001,
          ["host"] = "@NET@.11",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 1,
            ["counter"] = 185,
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
            ["received"] = 48,
            ["sent"] = 47,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 8589934777,
          },
        },
        [2] = {
          ["answer"] = "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC\
Latency min/avg/max: 0/0.0/0\
Received: 7\
Sent: 6\
Connections: 1\
Outstanding: 0\
Zxid: 0x2000000b9\
Mode: observer\
Node count: 212\
",
          ["elapsed"] = 0.0089999999999999993,
          ["host"] = "@NET@.12",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 1,
            ["counter"] = 185,
            ["epoch"] = 2,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 0,
              ["max"] = 0,
              ["min"] = 0,
            },
            ["mode"] = "observer",
            ["node_count"] = 212,
            ["outstanding"] = 0,
            ["received"] = 7,
            ["sent"] = 6,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 8589934777,
          },
        },
        [3] = {
          ["answer"] = "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC\
Latency min/avg/max: 0/0.0/0\
Received: 7\
Sent: 6\
Connections: 1\
Outstanding: 0\
Zxid: 0x2000000b9\
Mode: observer\
Node count: 212\
",
          ["elapsed"] = 0.0050000000000000001,
          ["host"] = "@NET@.13",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 1,
            ["counter"] = 185,
            ["epoch"] = 2,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 0,
              ["max"] = 0,
              ["min"] = 0,
            },
            ["mode"] = "observer",
            ["node_count"] = 212,
            ["outstanding"] = 0,
            ["received"] = 7,
            ["sent"] = 6,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 8589934777,
          },
        },
        [4] = {
          ["answer"] = "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC\
Latency min/avg/max: 0/2.3663/33\
Received: 263\
Sent: 263\
Connections: 4\
Outstanding: 0\
Zxid: 0x2000000b9\
Mode: leader\
Node count: 212\
Proposal sizes last/min/max: 48/36/1293\
",
          ["elapsed"] = 0.0089999999999999993,
          ["host"] = "@NET@.14",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 4,
            ["counter"] = 185,
            ["epoch"] = 2,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 2.3662999999999998,
              ["max"] = 33,
              ["min"] = 0,
            },
            ["mode"] = "leader",
            ["node_count"] = 212,
            ["outstanding"] = 0,
            ["received"] = 263,
            ["sent"] = 263,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 8589934777,
          },
        },
        [5] = {
          ["answer"] = "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC\
Latency min/avg/max: 0/2.9213/139\
Received: 553\
Sent: 553\
Connections: 3\
Outstanding: 0\
Zxid: 0x2000000b9\
Mode: follower\
Node count: 212\
",
          ["elapsed"] = 0.0089999999999999993,
          ["host"] = "@NET@.15",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 3,
            ["counter"] = 185,
            ["epoch"] = 2,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 2.9213,
              ["max"] = 139,
              ["min"] = 0,
            },
            ["mode"] = "follower",
            ["node_count"] = 212,
            ["outstanding"] = 0,
            ["received"] = 553,
            ["sent"] = 553,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 8589934777,
          },
        },
        [6] = {
          ["answer"] = "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC\
Latency min/avg/max: 0/5.1333/14\
Received: 29\
Sent: 28\
Connections: 1\
Outstanding: 0\
Zxid: 0x2000000b9\
Mode: follower\
Node count: 212\
",
          ["elapsed"] = 0.0089999999999999993,
          ["host"] = "@NET@.16",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 1,
            ["counter"] = 185,
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
            ["received"] = 29,
            ["sent"] = 28,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 8589934777,
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
Latency min/avg/max: 0/3.9444/48\
Received: 41\
Sent: 40\
Connections: 1\
Outstanding: 0\
Zxid: 0x2000000b7\
Mode: observer\
Node count: 212\
",
          ["elapsed"] = 0.019,
          ["host"] = "@NET@.11",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 1,
            ["counter"] = 183,
            ["epoch"] = 2,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 3.9443999999999999,
              ["max"] = 48,
              ["min"] = 0,
            },
            ["mode"] = "observer",
            ["node_count"] = 212,
            ["outstanding"] = 0,
            ["received"] = 41,
            ["sent"] = 40,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 8589934775,
          },
        },
        [2] = {
          ["answer"] = "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC\
Latency min/avg/max: 0/0.0/0\
Received: 5\
Sent: 4\
Connections: 1\
Outstanding: 0\
Zxid: 0x2000000b7\
Mode: observer\
Node count: 212\
",
          ["elapsed"] = 0.019,
          ["host"] = "@NET@.12",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 1,
            ["counter"] = 183,
            ["epoch"] = 2,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 0,
              ["max"] = 0,
              ["min"] = 0,
            },
            ["mode"] = "observer",
            ["node_count"] = 212,
            ["outstanding"] = 0,
            ["received"] = 5,
            ["sent"] = 4,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 8589934775,
          },
        },
        [3] = {
          ["answer"] = "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC\
Latency min/avg/max: 0/0.0/0\
Received: 5\
Sent: 4\
Connections: 1\
Outstanding: 0\
Zxid: 0x2000000b7\
Mode: observer\
Node count: 212\
",
          ["elapsed"] = 0.019,
          ["host"] = "@NET@.13",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 1,
            ["counter"] = 183,
            ["epoch"] = 2,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 0,
              ["max"] = 0,
              ["min"] = 0,
            },
            ["mode"] = "observer",
            ["node_count"] = 212,
            ["outstanding"] = 0,
            ["received"] = 5,
            ["sent"] = 4,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 8589934775,
          },
        },
      },
      ["n"] = 1,
    },
    [2] = {
      [1] = {
        [1] = {
          ["answer"] = "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC\
Latency min/avg/max: 0/3.9444/48\
Received: 42\
Sent: 41\
Connections: 1\
Outstanding: 0\
Zxid: 0x2000000b7\
Mode: observer\
Node count: 212\
",
          ["elapsed"] = 0.0050000000000000001,
          ["host"] = "@NET@.11",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 1,
            ["counter"] = 183,
            ["epoch"] = 2,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 3.9443999999999999,
              ["max"] = 48,
              ["min"] = 0,
            },
            ["mode"] = "observer",
            ["node_count"] = 212,
            ["outstanding"] = 0,
            ["received"] = 42,
            ["sent"] = 41,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 8589934775,
          },
        },
        [2] = {
          ["answer"] = "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC\
Latency min/avg/max: 0/0.0/0\
Received: 6\
Sent: 5\
Connections: 1\
Outstanding: 0\
Zxid: 0x2000000b7\
Mode: observer\
Node count: 212\
",
          ["elapsed"] = 0.0089999999999999993,
          ["host"] = "@NET@.12",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 1,
            ["counter"] = 183,
            ["epoch"] = 2,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 0,
              ["max"] = 0,
              ["min"] = 0,
            },
            ["mode"] = "observer",
            ["node_count"] = 212,
            ["outstanding"] = 0,
            ["received"] = 6,
            ["sent"] = 5,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 8589934775,
          },
        },
        [3] = {
          ["answer"] = "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC\
Latency min/avg/max: 0/0.0/0\
Received: 6\
Sent: 5\
Connections: 1\
Outstanding: 0\
Zxid: 0x2000000b7\
Mode: observer\
Node count: 212\
",
          ["elapsed"] = 0.0089999999999999993,
          ["host"] = "@NET@.13",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 1,
            ["counter"] = 183,
            ["epoch"] = 2,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 0,
              ["max"] = 0,
              ["min"] = 0,
            },
            ["mode"] = "observer",
            ["node_count"] = 212,
            ["outstanding"] = 0,
            ["received"] = 6,
            ["sent"] = 5,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 8589934775,
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
Received: 49\
Sent: 48\
Connections: 1\
Outstanding: 0\
Zxid: 0x2000000bd\
Mode: observer\
Node count: 212\
",
          ["elapsed"] = 0.014999999999999999,
          ["host"] = "@NET@.11",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 1,
            ["counter"] = 189,
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
            ["received"] = 49,
            ["sent"] = 48,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 8589934781,
          },
        },
        [2] = {
          ["answer"] = "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC\
Latency min/avg/max: 0/4.3333/11\
Received: 15\
Sent: 14\
Connections: 1\
Outstanding: 0\
Zxid: 0x2000000bd\
Mode: observer\
Node count: 212\
",
          ["elapsed"] = 0.014999999999999999,
          ["host"] = "@NET@.12",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 1,
            ["counter"] = 189,
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
            ["received"] = 15,
            ["sent"] = 14,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 8589934781,
          },
        },
        [3] = {
          ["answer"] = "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC\
Latency min/avg/max: 0/0.0/0\
Received: 8\
Sent: 7\
Connections: 1\
Outstanding: 0\
Zxid: 0x2000000bd\
Mode: observer\
Node count: 212\
",
          ["elapsed"] = 0.014999999999999999,
          ["host"] = "@NET@.13",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 1,
            ["counter"] = 189,
            ["epoch"] = 2,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 0,
              ["max"] = 0,
              ["min"] = 0,
            },
            ["mode"] = "observer",
            ["node_count"] = 212,
            ["outstanding"] = 0,
            ["received"] = 8,
            ["sent"] = 7,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 8589934781,
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
Latency min/avg/max: 0/2.3958/33\
Received: 259\
Sent: 259\
Connections: 4\
Outstanding: 0\
Zxid: 0x2000000b7\
Mode: leader\
Node count: 212\
Proposal sizes last/min/max: 48/36/1293\
",
          ["elapsed"] = 0.0030000000000000001,
          ["host"] = "@NET@.14",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 4,
            ["counter"] = 183,
            ["epoch"] = 2,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 2.3957999999999999,
              ["max"] = 33,
              ["min"] = 0,
            },
            ["mode"] = "leader",
            ["node_count"] = 212,
            ["outstanding"] = 0,
            ["received"] = 259,
            ["sent"] = 259,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 8589934775,
          },
        },
        [2] = {
          ["answer"] = "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC\
Latency min/avg/max: 0/2.9923/139\
Received: 538\
Sent: 538\
Connections: 3\
Outstanding: 0\
Zxid: 0x2000000b7\
Mode: follower\
Node count: 212\
",
          ["elapsed"] = 0.02,
          ["host"] = "@NET@.15",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 3,
            ["counter"] = 183,
            ["epoch"] = 2,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 2.9923000000000002,
              ["max"] = 139,
              ["min"] = 0,
            },
            ["mode"] = "follower",
            ["node_count"] = 212,
            ["outstanding"] = 0,
            ["received"] = 538,
            ["sent"] = 538,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 8589934775,
          },
        },
        [3] = {
          ["answer"] = "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC\
Latency min/avg/max: 0/5.1333/14\
Received: 28\
Sent: 27\
Connections: 1\
Outstanding: 0\
Zxid: 0x2000000b7\
Mode: follower\
Node count: 212\
",
          ["elapsed"] = 0.02,
          ["host"] = "@NET@.16",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 1,
            ["counter"] = 183,
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
            ["received"] = 28,
            ["sent"] = 27,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 8589934775,
          },
        },
      },
      ["n"] = 1,
    },
    [2] = {
      [1] = {
        [1] = {
          ["answer"] = "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC\
Latency min/avg/max: 0/2.3815/33\
Received: 271\
Sent: 271\
Connections: 4\
Outstanding: 0\
Zxid: 0x2000000bb\
Mode: leader\
Node count: 212\
Proposal sizes last/min/max: 48/36/1293\
",
          ["elapsed"] = 0.016,
          ["host"] = "@NET@.14",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 4,
            ["counter"] = 187,
            ["epoch"] = 2,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 2.3815,
              ["max"] = 33,
              ["min"] = 0,
            },
            ["mode"] = "leader",
            ["node_count"] = 212,
            ["outstanding"] = 0,
            ["received"] = 271,
            ["sent"] = 271,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 8589934779,
          },
        },
        [2] = {
          ["answer"] = "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC\
Latency min/avg/max: 0/2.9213/139\
Received: 554\
Sent: 554\
Connections: 3\
Outstanding: 0\
Zxid: 0x2000000bb\
Mode: follower\
Node count: 212\
",
          ["elapsed"] = 0.016,
          ["host"] = "@NET@.15",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 3,
            ["counter"] = 187,
            ["epoch"] = 2,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 2.9213,
              ["max"] = 139,
              ["min"] = 0,
            },
            ["mode"] = "follower",
            ["node_count"] = 212,
            ["outstanding"] = 0,
            ["received"] = 554,
            ["sent"] = 554,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 8589934779,
          },
        },
        [3] = {
          ["answer"] = "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC\
Latency min/avg/max: 0/5.1333/14\
Received: 30\
Sent: 29\
Connections: 1\
Outstanding: 0\
Zxid: 0x2000000bb\
Mode: follower\
Node count: 212\
",
          ["elapsed"] = 0.016,
          ["host"] = "@NET@.16",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 1,
            ["counter"] = 187,
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
            ["received"] = 30,
            ["sent"] = 29,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 8589934779,
          },
        },
      },
      ["n"] = 1,
    },
  },
  ["root@@NET@.11:2222 probe cat -- '@LAB@/hosts/zk1/conf/.drctl-failover.lock' 2>/dev/null; true"] = {
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
  ["root@@NET@.11:2222 probe ls -1a '@LAB@/hosts/zk1/conf'"] = {
    [1] = {
      [1] = {
        ["duration"] = 0,
        ["host"] = "root@@NET@.11:2222",
        ["ok"] = true,
        ["simulated"] = false,
        ["status"] = 0,
        ["stderr"] = "",
        ["stdout"] = ".\
..\
secret.jvmargs\
zoo.cfg\
zoo.cfg.dynamic\
zoo.cfg.dynamic.200000066\
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
  ["root@@NET@.11:2222 read @LAB@/hosts/zk1/conf/zoo.cfg"] = {
    [1] = {
      [1] = "standaloneEnabled=false\
admin.enableServer=false\
dataDir=@LAB@/hosts/zk1/data\
tickTime=500\
initLimit=10\
4lw.commands.whitelist=*\
syncLimit=5\
reconfigEnabled=true\
dynamicConfigFile=@LAB@/hosts/zk1/conf/zoo.cfg.dynamic.200000066\
",
      ["n"] = 1,
    },
    [2] = {
      [1] = "standaloneEnabled=false\
admin.enableServer=false\
dataDir=@LAB@/hosts/zk1/data\
tickTime=500\
initLimit=10\
4lw.commands.whitelist=*\
syncLimit=5\
reconfigEnabled=true\
dynamicConfigFile=@LAB@/hosts/zk1/conf/zoo.cfg.dynamic.200000066\
",
      ["n"] = 1,
    },
    [3] = {
      [1] = "standaloneEnabled=false\
admin.enableServer=false\
dataDir=@LAB@/hosts/zk1/data\
tickTime=500\
initLimit=10\
4lw.commands.whitelist=*\
syncLimit=5\
reconfigEnabled=true\
dynamicConfigFile=@LAB@/hosts/zk1/conf/zoo.cfg.dynamic.200000066\
",
      ["n"] = 1,
    },
  },
  ["root@@NET@.11:2222 read @LAB@/hosts/zk1/conf/zoo.cfg.dynamic"] = {
    [1] = {
      [1] = "server.1=@NET@.11:2888:3888:observer;@NET@.11:2181\
server.2=@NET@.12:2888:3888:observer;@NET@.12:2181\
server.3=@NET@.13:2888:3888:observer;@NET@.13:2181\
server.4=@NET@.14:2888:3888:participant;@NET@.14:2181\
server.5=@NET@.15:2888:3888:participant;@NET@.15:2181\
server.6=@NET@.16:2888:3888:participant;@NET@.16:2181\
",
      ["n"] = 1,
    },
  },
  ["root@@NET@.11:2222 read @LAB@/hosts/zk1/conf/zoo.cfg.dynamic.200000066"] = {
    [1] = {
      [1] = "server.1=@NET@.11:2888:3888:observer;@NET@.11:2181\
server.2=@NET@.12:2888:3888:observer;@NET@.12:2181\
server.3=@NET@.13:2888:3888:observer;@NET@.13:2181\
server.4=@NET@.14:2888:3888:participant;@NET@.14:2181\
server.5=@NET@.15:2888:3888:participant;@NET@.15:2181\
server.6=@NET@.16:2888:3888:participant;@NET@.16:2181",
      ["n"] = 1,
    },
  },
  ["root@@NET@.12:2222 probe cat -- '@LAB@/hosts/zk2/conf/.drctl-failover.lock' 2>/dev/null; true"] = {
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
  ["root@@NET@.12:2222 probe ls -1a '@LAB@/hosts/zk2/conf'"] = {
    [1] = {
      [1] = {
        ["duration"] = 0,
        ["host"] = "root@@NET@.12:2222",
        ["ok"] = true,
        ["simulated"] = false,
        ["status"] = 0,
        ["stderr"] = "",
        ["stdout"] = ".\
..\
secret.jvmargs\
zoo.cfg\
zoo.cfg.dynamic\
zoo.cfg.dynamic.200000066\
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
  ["root@@NET@.12:2222 read @LAB@/hosts/zk2/conf/zoo.cfg"] = {
    [1] = {
      [1] = "standaloneEnabled=false\
admin.enableServer=false\
dataDir=@LAB@/hosts/zk2/data\
tickTime=500\
initLimit=10\
4lw.commands.whitelist=*\
syncLimit=5\
reconfigEnabled=true\
dynamicConfigFile=@LAB@/hosts/zk2/conf/zoo.cfg.dynamic.200000066\
",
      ["n"] = 1,
    },
    [2] = {
      [1] = "standaloneEnabled=false\
admin.enableServer=false\
dataDir=@LAB@/hosts/zk2/data\
tickTime=500\
initLimit=10\
4lw.commands.whitelist=*\
syncLimit=5\
reconfigEnabled=true\
dynamicConfigFile=@LAB@/hosts/zk2/conf/zoo.cfg.dynamic.200000066\
",
      ["n"] = 1,
    },
    [3] = {
      [1] = "standaloneEnabled=false\
admin.enableServer=false\
dataDir=@LAB@/hosts/zk2/data\
tickTime=500\
initLimit=10\
4lw.commands.whitelist=*\
syncLimit=5\
reconfigEnabled=true\
dynamicConfigFile=@LAB@/hosts/zk2/conf/zoo.cfg.dynamic.200000066\
",
      ["n"] = 1,
    },
  },
  ["root@@NET@.12:2222 read @LAB@/hosts/zk2/conf/zoo.cfg.dynamic"] = {
    [1] = {
      [1] = "server.1=@NET@.11:2888:3888:observer;@NET@.11:2181\
server.2=@NET@.12:2888:3888:observer;@NET@.12:2181\
server.3=@NET@.13:2888:3888:observer;@NET@.13:2181\
server.4=@NET@.14:2888:3888:participant;@NET@.14:2181\
server.5=@NET@.15:2888:3888:participant;@NET@.15:2181\
server.6=@NET@.16:2888:3888:participant;@NET@.16:2181\
",
      ["n"] = 1,
    },
  },
  ["root@@NET@.12:2222 read @LAB@/hosts/zk2/conf/zoo.cfg.dynamic.200000066"] = {
    [1] = {
      [1] = "server.1=@NET@.11:2888:3888:observer;@NET@.11:2181\
server.2=@NET@.12:2888:3888:observer;@NET@.12:2181\
server.3=@NET@.13:2888:3888:observer;@NET@.13:2181\
server.4=@NET@.14:2888:3888:participant;@NET@.14:2181\
server.5=@NET@.15:2888:3888:participant;@NET@.15:2181\
server.6=@NET@.16:2888:3888:participant;@NET@.16:2181",
      ["n"] = 1,
    },
  },
  ["root@@NET@.13:2222 probe cat -- '@LAB@/hosts/zk3/conf/.drctl-failover.lock' 2>/dev/null; true"] = {
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
  ["root@@NET@.13:2222 probe ls -1a '@LAB@/hosts/zk3/conf'"] = {
    [1] = {
      [1] = {
        ["duration"] = 0,
        ["host"] = "root@@NET@.13:2222",
        ["ok"] = true,
        ["simulated"] = false,
        ["status"] = 0,
        ["stderr"] = "",
        ["stdout"] = ".\
..\
secret.jvmargs\
zoo.cfg\
zoo.cfg.dynamic\
zoo.cfg.dynamic.200000066\
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
  ["root@@NET@.13:2222 read @LAB@/hosts/zk3/conf/zoo.cfg"] = {
    [1] = {
      [1] = "standaloneEnabled=false\
admin.enableServer=false\
dataDir=@LAB@/hosts/zk3/data\
tickTime=500\
initLimit=10\
4lw.commands.whitelist=*\
syncLimit=5\
reconfigEnabled=true\
dynamicConfigFile=@LAB@/hosts/zk3/conf/zoo.cfg.dynamic.200000066\
",
      ["n"] = 1,
    },
    [2] = {
      [1] = "standaloneEnabled=false\
admin.enableServer=false\
dataDir=@LAB@/hosts/zk3/data\
tickTime=500\
initLimit=10\
4lw.commands.whitelist=*\
syncLimit=5\
reconfigEnabled=true\
dynamicConfigFile=@LAB@/hosts/zk3/conf/zoo.cfg.dynamic.200000066\
",
      ["n"] = 1,
    },
    [3] = {
      [1] = "standaloneEnabled=false\
admin.enableServer=false\
dataDir=@LAB@/hosts/zk3/data\
tickTime=500\
initLimit=10\
4lw.commands.whitelist=*\
syncLimit=5\
reconfigEnabled=true\
dynamicConfigFile=@LAB@/hosts/zk3/conf/zoo.cfg.dynamic.200000066\
",
      ["n"] = 1,
    },
  },
  ["root@@NET@.13:2222 read @LAB@/hosts/zk3/conf/zoo.cfg.dynamic"] = {
    [1] = {
      [1] = "server.1=@NET@.11:2888:3888:observer;@NET@.11:2181\
server.2=@NET@.12:2888:3888:observer;@NET@.12:2181\
server.3=@NET@.13:2888:3888:observer;@NET@.13:2181\
server.4=@NET@.14:2888:3888:participant;@NET@.14:2181\
server.5=@NET@.15:2888:3888:participant;@NET@.15:2181\
server.6=@NET@.16:2888:3888:participant;@NET@.16:2181\
",
      ["n"] = 1,
    },
  },
  ["root@@NET@.13:2222 read @LAB@/hosts/zk3/conf/zoo.cfg.dynamic.200000066"] = {
    [1] = {
      [1] = "server.1=@NET@.11:2888:3888:observer;@NET@.11:2181\
server.2=@NET@.12:2888:3888:observer;@NET@.12:2181\
server.3=@NET@.13:2888:3888:observer;@NET@.13:2181\
server.4=@NET@.14:2888:3888:participant;@NET@.14:2181\
server.5=@NET@.15:2888:3888:participant;@NET@.15:2181\
server.6=@NET@.16:2888:3888:participant;@NET@.16:2181",
      ["n"] = 1,
    },
  },
  ["root@@NET@.14:2222 probe ls -1a '@LAB@/hosts/zk4/conf'"] = {
    [1] = {
      [1] = {
        ["duration"] = 0,
        ["host"] = "root@@NET@.14:2222",
        ["ok"] = true,
        ["simulated"] = false,
        ["status"] = 0,
        ["stderr"] = "",
        ["stdout"] = ".\
..\
secret.jvmargs\
zoo.cfg\
zoo.cfg.dynamic\
zoo.cfg.dynamic.200000000\
zoo.cfg.dynamic.200000066\
",
      },
      ["n"] = 1,
    },
  },
  ["root@@NET@.14:2222 read @LAB@/hosts/zk4/conf/zoo.cfg"] = {
    [1] = {
      [1] = "standaloneEnabled=false\
admin.enableServer=false\
dataDir=@LAB@/hosts/zk4/data\
tickTime=500\
initLimit=10\
4lw.commands.whitelist=*\
syncLimit=5\
reconfigEnabled=true\
dynamicConfigFile=@LAB@/hosts/zk4/conf/zoo.cfg.dynamic.200000066\
",
      ["n"] = 1,
    },
    [2] = {
      [1] = "standaloneEnabled=false\
admin.enableServer=false\
dataDir=@LAB@/hosts/zk4/data\
tickTime=500\
initLimit=10\
4lw.commands.whitelist=*\
syncLimit=5\
reconfigEnabled=true\
dynamicConfigFile=@LAB@/hosts/zk4/conf/zoo.cfg.dynamic.200000066\
",
      ["n"] = 1,
    },
    [3] = {
      [1] = "standaloneEnabled=false\
admin.enableServer=false\
dataDir=@LAB@/hosts/zk4/data\
tickTime=500\
initLimit=10\
4lw.commands.whitelist=*\
syncLimit=5\
reconfigEnabled=true\
dynamicConfigFile=@LAB@/hosts/zk4/conf/zoo.cfg.dynamic.200000066\
",
      ["n"] = 1,
    },
  },
  ["root@@NET@.14:2222 read @LAB@/hosts/zk4/conf/zoo.cfg.dynamic"] = {
    [1] = {
      [1] = "server.4=@NET@.14:2888:3888:participant;@NET@.14:2181\
server.5=@NET@.15:2888:3888:participant;@NET@.15:2181\
server.6=@NET@.16:2888:3888:participant;@NET@.16:2181\
",
      ["n"] = 1,
    },
  },
  ["root@@NET@.14:2222 read @LAB@/hosts/zk4/conf/zoo.cfg.dynamic.200000000"] = {
    [1] = {
      [1] = "server.4=@NET@.14:2888:3888:participant;@NET@.14:2181\
server.5=@NET@.15:2888:3888:participant;@NET@.15:2181\
server.6=@NET@.16:2888:3888:participant;@NET@.16:2181",
      ["n"] = 1,
    },
  },
  ["root@@NET@.14:2222 read @LAB@/hosts/zk4/conf/zoo.cfg.dynamic.200000066"] = {
    [1] = {
      [1] = "server.1=@NET@.11:2888:3888:observer;@NET@.11:2181\
server.2=@NET@.12:2888:3888:observer;@NET@.12:2181\
server.3=@NET@.13:2888:3888:observer;@NET@.13:2181\
server.4=@NET@.14:2888:3888:participant;@NET@.14:2181\
server.5=@NET@.15:2888:3888:participant;@NET@.15:2181\
server.6=@NET@.16:2888:3888:participant;@NET@.16:2181",
      ["n"] = 1,
    },
  },
  ["root@@NET@.15:2222 probe ls -1a '@LAB@/hosts/zk5/conf'"] = {
    [1] = {
      [1] = {
        ["duration"] = 0,
        ["host"] = "root@@NET@.15:2222",
        ["ok"] = true,
        ["simulated"] = false,
        ["status"] = 0,
        ["stderr"] = "",
        ["stdout"] = ".\
..\
secret.jvmargs\
zoo.cfg\
zoo.cfg.dynamic\
zoo.cfg.dynamic.200000000\
zoo.cfg.dynamic.200000066\
",
      },
      ["n"] = 1,
    },
  },
  ["root@@NET@.15:2222 read @LAB@/hosts/zk5/conf/zoo.cfg"] = {
    [1] = {
      [1] = "standaloneEnabled=false\
admin.enableServer=false\
dataDir=@LAB@/hosts/zk5/data\
tickTime=500\
initLimit=10\
4lw.commands.whitelist=*\
syncLimit=5\
reconfigEnabled=true\
dynamicConfigFile=@LAB@/hosts/zk5/conf/zoo.cfg.dynamic.200000066\
",
      ["n"] = 1,
    },
    [2] = {
      [1] = "standaloneEnabled=false\
admin.enableServer=false\
dataDir=@LAB@/hosts/zk5/data\
tickTime=500\
initLimit=10\
4lw.commands.whitelist=*\
syncLimit=5\
reconfigEnabled=true\
dynamicConfigFile=@LAB@/hosts/zk5/conf/zoo.cfg.dynamic.200000066\
",
      ["n"] = 1,
    },
    [3] = {
      [1] = "standaloneEnabled=false\
admin.enableServer=false\
dataDir=@LAB@/hosts/zk5/data\
tickTime=500\
initLimit=10\
4lw.commands.whitelist=*\
syncLimit=5\
reconfigEnabled=true\
dynamicConfigFile=@LAB@/hosts/zk5/conf/zoo.cfg.dynamic.200000066\
",
      ["n"] = 1,
    },
  },
  ["root@@NET@.15:2222 read @LAB@/hosts/zk5/conf/zoo.cfg.dynamic"] = {
    [1] = {
      [1] = "server.4=@NET@.14:2888:3888:participant;@NET@.14:2181\
server.5=@NET@.15:2888:3888:participant;@NET@.15:2181\
server.6=@NET@.16:2888:3888:participant;@NET@.16:2181\
",
      ["n"] = 1,
    },
  },
  ["root@@NET@.15:2222 read @LAB@/hosts/zk5/conf/zoo.cfg.dynamic.200000000"] = {
    [1] = {
      [1] = "server.4=@NET@.14:2888:3888:participant;@NET@.14:2181\
server.5=@NET@.15:2888:3888:participant;@NET@.15:2181\
server.6=@NET@.16:2888:3888:participant;@NET@.16:2181",
      ["n"] = 1,
    },
  },
  ["root@@NET@.15:2222 read @LAB@/hosts/zk5/conf/zoo.cfg.dynamic.200000066"] = {
    [1] = {
      [1] = "server.1=@NET@.11:2888:3888:observer;@NET@.11:2181\
server.2=@NET@.12:2888:3888:observer;@NET@.12:2181\
server.3=@NET@.13:2888:3888:observer;@NET@.13:2181\
server.4=@NET@.14:2888:3888:participant;@NET@.14:2181\
server.5=@NET@.15:2888:3888:participant;@NET@.15:2181\
server.6=@NET@.16:2888:3888:participant;@NET@.16:2181",
      ["n"] = 1,
    },
  },
  ["root@@NET@.16:2222 probe ls -1a '@LAB@/hosts/zk6/conf'"] = {
    [1] = {
      [1] = {
        ["duration"] = 0,
        ["host"] = "root@@NET@.16:2222",
        ["ok"] = true,
        ["simulated"] = false,
        ["status"] = 0,
        ["stderr"] = "",
        ["stdout"] = ".\
..\
secret.jvmargs\
zoo.cfg\
zoo.cfg.dynamic\
zoo.cfg.dynamic.200000000\
zoo.cfg.dynamic.200000066\
",
      },
      ["n"] = 1,
    },
  },
  ["root@@NET@.16:2222 read @LAB@/hosts/zk6/conf/zoo.cfg"] = {
    [1] = {
      [1] = "standaloneEnabled=false\
admin.enableServer=false\
dataDir=@LAB@/hosts/zk6/data\
tickTime=500\
initLimit=10\
4lw.commands.whitelist=*\
syncLimit=5\
reconfigEnabled=true\
dynamicConfigFile=@LAB@/hosts/zk6/conf/zoo.cfg.dynamic.200000066\
",
      ["n"] = 1,
    },
    [2] = {
      [1] = "standaloneEnabled=false\
admin.enableServer=false\
dataDir=@LAB@/hosts/zk6/data\
tickTime=500\
initLimit=10\
4lw.commands.whitelist=*\
syncLimit=5\
reconfigEnabled=true\
dynamicConfigFile=@LAB@/hosts/zk6/conf/zoo.cfg.dynamic.200000066\
",
      ["n"] = 1,
    },
    [3] = {
      [1] = "standaloneEnabled=false\
admin.enableServer=false\
dataDir=@LAB@/hosts/zk6/data\
tickTime=500\
initLimit=10\
4lw.commands.whitelist=*\
syncLimit=5\
reconfigEnabled=true\
dynamicConfigFile=@LAB@/hosts/zk6/conf/zoo.cfg.dynamic.200000066\
",
      ["n"] = 1,
    },
  },
  ["root@@NET@.16:2222 read @LAB@/hosts/zk6/conf/zoo.cfg.dynamic"] = {
    [1] = {
      [1] = "server.4=@NET@.14:2888:3888:participant;@NET@.14:2181\
server.5=@NET@.15:2888:3888:participant;@NET@.15:2181\
server.6=@NET@.16:2888:3888:participant;@NET@.16:2181\
",
      ["n"] = 1,
    },
  },
  ["root@@NET@.16:2222 read @LAB@/hosts/zk6/conf/zoo.cfg.dynamic.200000000"] = {
    [1] = {
      [1] = "server.4=@NET@.14:2888:3888:participant;@NET@.14:2181\
server.5=@NET@.15:2888:3888:participant;@NET@.15:2181\
server.6=@NET@.16:2888:3888:participant;@NET@.16:2181",
      ["n"] = 1,
    },
  },
  ["root@@NET@.16:2222 read @LAB@/hosts/zk6/conf/zoo.cfg.dynamic.200000066"] = {
    [1] = {
      [1] = "server.1=@NET@.11:2888:3888:observer;@NET@.11:2181\
server.2=@NET@.12:2888:3888:observer;@NET@.12:2181\
server.3=@NET@.13:2888:3888:observer;@NET@.13:2181\
server.4=@NET@.14:2888:3888:participant;@NET@.14:2181\
server.5=@NET@.15:2888:3888:participant;@NET@.15:2181\
server.6=@NET@.16:2888:3888:participant;@NET@.16:2181",
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
