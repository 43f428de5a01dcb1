-- Answers of the lab's hosts, recorded by tests/unit/plans/record.sh:
-- see tests/unit/plans/scripted.lua.  Regenerate, do not edit.
return {
  ["@NET@.11:2181,@NET@.12:2181,@NET@.13:2181 connect"] = {
    [1] = {
      [1] = true,
      ["n"] = 1,
    },
  },
  ["@NET@.11:2181,@NET@.12:2181,@NET@.13:2181 lock_holder /drctl/lock"] = {
    [1] = {
      [1] = false,
      ["n"] = 1,
    },
  },
  ["@NET@.13:2181 config"] = {
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
            ["role"] = "participant",
          },
          [2] = {
            ["client_host"] = "@NET@.12",
            ["client_port"] = 2181,
            ["election_port"] = 3888,
            ["host"] = "@NET@.12",
            ["id"] = 2,
            ["quorum_port"] = 2888,
            ["role"] = "participant",
          },
          [3] = {
            ["client_host"] = "@NET@.13",
            ["client_port"] = 2181,
            ["election_port"] = 3888,
            ["host"] = "@NET@.13",
            ["id"] = 3,
            ["quorum_port"] = 2888,
            ["role"] = "participant",
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
        },
        ["simulated"] = false,
        ["text"] = "server.1=@NET@.11:2888:3888:participant;@NET@.11:2181\
server.2=@NET@.12:2888:3888:participant;@NET@.12:2181\
server.3=@NET@.13:2888:3888:participant;@NET@.13:2181\
server.4=@NET@.14:2888:3888:observer;@NET@.14:2181\
version=100000000",
        ["version"] = 4294967296,
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
            ["role"] = "participant",
          },
          [2] = {
            ["client_host"] = "@NET@.12",
            ["client_port"] = 2181,
            ["election_port"] = 3888,
            ["host"] = "@NET@.12",
            ["id"] = 2,
            ["quorum_port"] = 2888,
            ["role"] = "participant",
          },
          [3] = {
            ["client_host"] = "@NET@.13",
            ["client_port"] = 2181,
            ["election_port"] = 3888,
            ["host"] = "@NET@.13",
            ["id"] = 3,
            ["quorum_port"] = 2888,
            ["role"] = "participant",
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
        },
        ["simulated"] = false,
        ["text"] = "server.1=@NET@.11:2888:3888:participant;@NET@.11:2181\
server.2=@NET@.12:2888:3888:participant;@NET@.12:2181\
server.3=@NET@.13:2888:3888:participant;@NET@.13:2181\
server.4=@NET@.14:2888:3888:observer;@NET@.14:2181\
version=100000000",
        ["version"] = 4294967296,
      },
      ["n"] = 1,
    },
  },
  ["@NET@.13:2181 connect"] = {
    [1] = {
      [1] = true,
      ["n"] = 1,
    },
    [2] = {
      [1] = true,
      ["n"] = 1,
    },
  },
  ["@NET@.13:2181 exists /drctl/topology"] = {
    [1] = {
      [1] = false,
      ["n"] = 2,
    },
    [2] = {
      [1] = false,
      ["n"] = 2,
    },
  },
  ["@NET@.14:2181,@NET@.15:2181,@NET@.16:2181 config"] = {
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
            ["role"] = "participant",
          },
          [2] = {
            ["client_host"] = "@NET@.12",
            ["client_port"] = 2181,
            ["election_port"] = 3888,
            ["host"] = "@NET@.12",
            ["id"] = 2,
            ["quorum_port"] = 2888,
            ["role"] = "participant",
          },
          [3] = {
            ["client_host"] = "@NET@.13",
            ["client_port"] = 2181,
            ["election_port"] = 3888,
            ["host"] = "@NET@.13",
            ["id"] = 3,
            ["quorum_port"] = 2888,
            ["role"] = "participant",
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
        },
        ["simulated"] = false,
        ["text"] = "server.1=@NET@.11:2888:3888:participant;@NET@.11:2181\
server.2=@NET@.12:2888:3888:participant;@NET@.12:2181\
server.3=@NET@.13:2888:3888:participant;@NET@.13:2181\
server.4=@NET@.14:2888:3888:observer;@NET@.14:2181\
version=100000000",
        ["version"] = 4294967296,
      },
      ["n"] = 1,
    },
  },
  ["@NET@.14:2181,@NET@.15:2181,@NET@.16:2181 connect"] = {
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
  ["@NET@.14:2181,@NET@.15:2181,@NET@.16:2181 get /drctl/marker"] = {
    [1] = {
      [1] = "run=20261204-080623-5486f time=1796371583728",
      [2] = {
        ["cversion"] = 0,
        ["czxid"] = 4294967500,
        ["data_length"] = 44,
        ["ephemeral_owner"] = 0,
        ["mzxid"] = 4294967500,
        ["num_children"] = 0,
        ["version"] = 0,
      },
      ["n"] = 2,
    },
    [2] = {
      [1] = "run=20261204-080623-5486f time=1796371583728",
      [2] = {
        ["cversion"] = 0,
        ["czxid"] = 4294967500,
        ["data_length"] = 44,
        ["ephemeral_owner"] = 0,
        ["mzxid"] = 4294967500,
        ["num_children"] = 0,
        ["version"] = 0,
      },
      ["n"] = 2,
    },
  },
  ["@NET@.14:2181,@NET@.15:2181,@NET@.16:2181 reconfig joining server.1=@NET@.11:2888:3888:observer;@NET@.11:2181,server.2=@NET@.12:2888:3888:observer;@NET@.12:2181,server.3=@NET@.13:2888:3888:observer;@NET@.13:2181 leaving -"] = {
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
        },
        ["simulated"] = true,
        ["version"] = 4294967296,
      },
      ["n"] = 1,
    },
  },
  ["ch query @NET@.21:8123 SELECT database, name, engine FROM system.tables"] = {
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
  },
  ["ch query @NET@.21:8123 SELECT macro, substitution FROM system.macros"] = {
    [1] = {
      [1] = {
        [1] = {
          ["macro"] = "cluster",
          ["substitution"] = "cluster1",
        },
        [2] = {
          ["macro"] = "replica",
          ["substitution"] = "chi-01",
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
  ["ch query @NET@.21:8123 SELECT name FROM system.databases"] = {
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
  ["ch query @NET@.22:8123 SELECT database, name, engine FROM system.tables"] = {
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
  ["ch query @NET@.22:8123 SELECT database, table, zookeeper_path, replica_name FROM system.replicas ORDER BY database, table"] = {
    [1] = {
      [1] = {
        [1] = {
          ["database"] = "default",
          ["replica_name"] = "chi-02",
          ["table"] = "events",
          ["zookeeper_path"] = "/clickhouse/cluster1/tables/0/events",
        },
        [2] = {
          ["database"] = "default",
          ["replica_name"] = "chi-02",
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
  ["ch query @NET@.22:8123 SELECT macro, substitution FROM system.macros"] = {
    [1] = {
      [1] = {
        [1] = {
          ["macro"] = "cluster",
          ["substitution"] = "cluster1",
        },
        [2] = {
          ["macro"] = "replica",
          ["substitution"] = "chi-02",
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
  ["ch query @NET@.22:8123 SELECT name FROM system.databases"] = {
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
    [2] = {
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
    [3] = {
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
    [4] = {
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
  ["ch query [@NET@.21:8123,@NET@.22:8123] SELECT query, elapsed FROM system.processes ORDER BY elapsed DESC"] = {
    [1] = {
      [1] = {
        [1] = {
          ["elapsed"] = 0.035000000000000003,
          ["host"] = "@NET@.21",
          ["ok"] = true,
          ["port"] = 8123,
          ["rows"] = {
            [1] = {
              ["elapsed"] = "0.000961416",
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
          ["elapsed"] = 0.031,
          ["host"] = "@NET@.22",
          ["ok"] = true,
          ["port"] = 8123,
          ["rows"] = {
            [1] = {
              ["elapsed"] = "0.009893077",
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
  ["ch query [@NET@.23:8123,@NET@.24:8123] SELECT query, elapsed FROM system.processes ORDER BY elapsed DESC"] = {
    [1] = {
      [1] = {
        [1] = {
          ["elapsed"] = 0.024,
          ["host"] = "@NET@.23",
          ["ok"] = true,
          ["port"] = 8123,
          ["rows"] = {
            [1] = {
              ["elapsed"] = "0.000893989",
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
          ["elapsed"] = 0.024,
          ["host"] = "@NET@.24",
          ["ok"] = true,
          ["port"] = 8123,
          ["rows"] = {
            [1] = {
              ["elapsed"] = "0.000426891",
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
  ["ch query [@NET@.23:8123,@NET@.24:8123] SELECT zookeeper_path, replica_name FROM system.replicas"] = {
    [1] = {
      [1] = {
        [1] = {
          ["elapsed"] = 0.0030000000000000001,
          ["host"] = "@NET@.23",
          ["ok"] = true,
          ["port"] = 8123,
          ["rows"] = {
            [1] = {
              ["replica_name"] = "dal-01",
              ["zookeeper_path"] = "/clickhouse/cluster1/tables/0/events",
            },
            [2] = {
              ["replica_name"] = "dal-01",
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
          ["elapsed"] = 0.014999999999999999,
          ["host"] = "@NET@.24",
          ["ok"] = true,
          ["port"] = 8123,
          ["rows"] = {
            [1] = {
              ["replica_name"] = "dal-02",
              ["zookeeper_path"] = "/clickhouse/cluster1/tables/0/events",
            },
            [2] = {
              ["replica_name"] = "dal-02",
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
  ["ch replicas @NET@.23:8123"] = {
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
          ["replica_name"] = "dal-01",
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
          ["log_max_index"] = 1,
          ["log_pointer"] = 2,
          ["queue_size"] = 0,
          ["replica_name"] = "dal-01",
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
          ["replica_name"] = "dal-01",
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
          ["log_max_index"] = 1,
          ["log_pointer"] = 2,
          ["queue_size"] = 0,
          ["replica_name"] = "dal-01",
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
Latency min/avg/max: 0/1.55/44\
Received: 489\
Sent: 491\
Connections: 2\
Outstanding: 0\
Zxid: 0x1000000d5\
Mode: follower\
Node count: 197\
",
          ["elapsed"] = 0.0060000000000000001,
          ["host"] = "@NET@.11",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 2,
            ["counter"] = 213,
            ["epoch"] = 1,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 1.55,
              ["max"] = 44,
              ["min"] = 0,
            },
            ["mode"] = "follower",
            ["node_count"] = 197,
            ["outstanding"] = 0,
            ["received"] = 489,
            ["sent"] = 491,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 4294967509,
          },
        },
        [2] = {
          ["answer"] = "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC\
Latency min/avg/max: 0/2.8571/64\
Received: 204\
Sent: 206\
Connections: 2\
Outstanding: 0\
Zxid: 0x1000000d5\
Mode: follower\
Node count: 197\
",
          ["elapsed"] = 0.017000000000000001,
          ["host"] = "@NET@.12",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 2,
            ["counter"] = 213,
            ["epoch"] = 1,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 2.8571,
              ["max"] = 64,
              ["min"] = 0,
            },
            ["mode"] = "follower",
            ["node_count"] = 197,
            ["outstanding"] = 0,
            ["received"] = 204,
            ["sent"] = 206,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 4294967509,
          },
        },
        [3] = {
          ["answer"] = "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC\
Latency min/avg/max: 0/2.2073/157\
Received: 420\
Sent: 425\
Connections: 3\
Outstanding: 0\
Zxid: 0x1000000d5\
Mode: leader\
Node count: 197\
Proposal sizes last/min/max: 48/36/1295\
",
          ["elapsed"] = 0.0060000000000000001,
          ["host"] = "@NET@.13",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 3,
            ["counter"] = 213,
            ["epoch"] = 1,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 2.2073,
              ["max"] = 157,
              ["min"] = 0,
            },
            ["mode"] = "leader",
            ["node_count"] = 197,
            ["outstanding"] = 0,
            ["received"] = 420,
            ["sent"] = 425,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 4294967509,
          },
        },
        [4] = {
          ["answer"] = "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC\
Latency min/avg/max: 1/7.7778/21\
Received: 19\
Sent: 18\
Connections: 1\
Outstanding: 0\
Zxid: 0x1000000d5\
Mode: observer\
Node count: 197\
",
          ["elapsed"] = 0.017000000000000001,
          ["host"] = "@NET@.14",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 1,
            ["counter"] = 213,
            ["epoch"] = 1,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 7.7778,
              ["max"] = 21,
              ["min"] = 1,
            },
            ["mode"] = "observer",
            ["node_count"] = 197,
            ["outstanding"] = 0,
            ["received"] = 19,
            ["sent"] = 18,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 4294967509,
          },
        },
        [5] = {
          ["code"] = "refused",
          ["elapsed"] = 0,
          ["error"] = "@NET@.15:2181: connect: Connection refused",
          ["host"] = "@NET@.15",
          ["ok"] = false,
          ["port"] = 2181,
        },
        [6] = {
          ["code"] = "refused",
          ["elapsed"] = 0,
          ["error"] = "@NET@.16:2181: connect: Connection refused",
          ["host"] = "@NET@.16",
          ["ok"] = false,
          ["port"] = 2181,
        },
      },
      ["n"] = 1,
    },
    [2] = {
      [1] = {
        [1] = {
          ["answer"] = "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC\
Latency min/avg/max: 0/1.55/44\
Received: 490\
Sent: 492\
Connections: 2\
Outstanding: 0\
Zxid: 0x1000000d7\
Mode: follower\
Node count: 197\
",
          ["elapsed"] = 0.0089999999999999993,
          ["host"] = "@NET@.11",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 2,
            ["counter"] = 215,
            ["epoch"] = 1,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 1.55,
              ["max"] = 44,
              ["min"] = 0,
            },
            ["mode"] = "follower",
            ["node_count"] = 197,
            ["outstanding"] = 0,
            ["received"] = 490,
            ["sent"] = 492,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 4294967511,
          },
        },
        [2] = {
          ["answer"] = "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC\
Latency min/avg/max: 0/2.8571/64\
Received: 205\
Sent: 207\
Connections: 2\
Outstanding: 0\
Zxid: 0x1000000d7\
Mode: follower\
Node count: 197\
",
          ["elapsed"] = 0.0070000000000000001,
          ["host"] = "@NET@.12",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 2,
            ["counter"] = 215,
            ["epoch"] = 1,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 2.8571,
              ["max"] = 64,
              ["min"] = 0,
            },
            ["mode"] = "follower",
            ["node_count"] = 197,
            ["outstanding"] = 0,
            ["received"] = 205,
            ["sent"] = 207,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 4294967511,
          },
        },
        [3] = {
          ["answer"] = "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC\
Latency min/avg/max: 0/2.2/157\
Received: 427\
Sent: 432\
Connections: 3\
Outstanding: 0\
Zxid: 0x1000000d7\
Mode: leader\
Node count: 197\
Proposal sizes last/min/max: 48/36/1295\
",
          ["elapsed"] = 0.0070000000000000001,
          ["host"] = "@NET@.13",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 3,
            ["counter"] = 215,
            ["epoch"] = 1,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 2.2000000000000002,
              ["max"] = 157,
              ["min"] = 0,
            },
            ["mode"] = "leader",
            ["node_count"] = 197,
            ["outstanding"] = 0,
            ["received"] = 427,
            ["sent"] = 432,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 4294967511,
          },
        },
        [4] = {
          ["answer"] = "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC\
Latency min/avg/max: 1/7.7778/21\
Received: 20\
Sent: 19\
Connections: 1\
Outstanding: 0\
Zxid: 0x1000000d7\
Mode: observer\
Node count: 197\
",
          ["elapsed"] = 0.0070000000000000001,
          ["host"] = "@NET@.14",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 1,
            ["counter"] = 215,
            ["epoch"] = 1,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 7.7778,
              ["max"] = 21,
              ["min"] = 1,
            },
            ["mode"] = "observer",
            ["node_count"] = 197,
            ["outstanding"] = 0,
            ["received"] = 20,
            ["sent"] = 19,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 4294967511,
          },
        },
        [5] = {
          ["code"] = "refused",
          ["elapsed"] = 0,
          ["error"] = "@NET@.15:2181: connect: Connection refused",
          ["host"] = "@NET@.15",
          ["ok"] = false,
          ["port"] = 2181,
        },
        [6] = {
          ["code"] = "refused",
          ["elapsed"] = 0,
          ["error"] = "@NET@.16:2181: connect: Connection refused",
          ["host"] = "@NET@.16",
          ["ok"] = false,
          ["port"] = 2181,
        },
      },
      ["n"] = 1,
    },
    [3] = {
      [1] = {
        [1] = {
          ["answer"] = "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC\
Latency min/avg/max: 0/1.5112/44\
Received: 505\
Sent: 507\
Connections: 2\
Outstanding: 0\
Zxid: 0x1000000d9\
Mode: follower\
Node count: 197\
",
          ["elapsed"] = 0.025999999999999999,
          ["host"] = "@NET@.11",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 2,
            ["counter"] = 217,
            ["epoch"] = 1,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 1.5112000000000001,
              ["max"] = 44,
              ["min"] = 0,
            },
            ["mode"] = "follower",
            ["node_count"] = 197,
            ["outstanding"] = 0,
            ["received"] = 505,
            ["sent"] = 507,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 4294967513,
          },
        },
        [2] = {
          ["answer"] = "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC\
Latency min/avg/max: 0/2.8426/64\
Received: 208\
Sent: 210\
Connections: 2\
Outstanding: 0\
Zxid: 0x1000000da\
Mode: follower\
Node count: 197\
",
          ["elapsed"] = 0.025999999999999999,
          ["host"] = "@NET@.12",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 2,
            ["counter"] = 218,
            ["epoch"] = 1,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 2.8426,
              ["max"] = 64,
              ["min"] = 0,
            },
            ["mode"] = "follower",
            ["node_count"] = 197,
            ["outstanding"] = 0,
            ["received"] = 208,
            ["sent"] = 210,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 4294967514,
          },
        },
        [3] = {
          ["answer"] = "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC\
Latency min/avg/max: 0/2.1853/157\
Received: 436\
Sent: 441\
Connections: 4\
Outstanding: 0\
Zxid: 0x1000000da\
Mode: leader\
Node count: 197\
Proposal sizes last/min/max: 48/36/1295\
",
          ["elapsed"] = 0.025999999999999999,
          ["host"] = "@NET@.13",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 4,
            ["counter"] = 218,
            ["epoch"] = 1,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 2.1852999999999998,
              ["max"] = 157,
              ["min"] = 0,
            },
            ["mode"] = "leader",
            ["node_count"] = 197,
            ["outstanding"] = 0,
            ["received"] = 436,
            ["sent"] = 441,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 4294967514,
          },
        },
        [4] = {
          ["answer"] = "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC\
Latency min/avg/max: 0/6.0769/21\
Received: 28\
Sent: 27\
Connections: 1\
Outstanding: 0\
Zxid: 0x1000000da\
Mode: observer\
Node count: 197\
",
          ["elapsed"] = 0.025999999999999999,
          ["host"] = "@NET@.14",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 1,
            ["counter"] = 218,
            ["epoch"] = 1,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 6.0769000000000002,
              ["max"] = 21,
              ["min"] = 0,
            },
            ["mode"] = "observer",
            ["node_count"] = 197,
            ["outstanding"] = 0,
            ["received"] = 28,
            ["sent"] = 27,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 4294967514,
          },
        },
        [5] = {
          ["code"] = "refused",
          ["elapsed"] = 0.001,
          ["error"] = "@NET@.15:2181: connect: Connection refused",
          ["host"] = "@NET@.15",
          ["ok"] = false,
          ["port"] = 2181,
        },
        [6] = {
          ["code"] = "refused",
          ["elapsed"] = 0.001,
          ["error"] = "@NET@.16:2181: connect: Connection refused",
          ["host"] = "@NET@.16",
          ["ok"] = false,
          ["port"] = 2181,
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
Latency min/avg/max: 0/1.55/44\
Received: 491\
Sent: 493\
Connections: 2\
Outstanding: 0\
Zxid: 0x1000000d8\
Mode: follower\
Node count: 197\
",
          ["elapsed"] = 0.0030000000000000001,
          ["host"] = "@NET@.11",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 2,
            ["counter"] = 216,
            ["epoch"] = 1,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 1.55,
              ["max"] = 44,
              ["min"] = 0,
            },
            ["mode"] = "follower",
            ["node_count"] = 197,
            ["outstanding"] = 0,
            ["received"] = 491,
            ["sent"] = 493,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 4294967512,
          },
        },
        [2] = {
          ["answer"] = "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC\
Latency min/avg/max: 0/2.8571/64\
Received: 206\
Sent: 208\
Connections: 2\
Outstanding: 0\
Zxid: 0x1000000d8\
Mode: follower\
Node count: 197\
",
          ["elapsed"] = 0.0040000000000000001,
          ["host"] = "@NET@.12",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 2,
            ["counter"] = 216,
            ["epoch"] = 1,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 2.8571,
              ["max"] = 64,
              ["min"] = 0,
            },
            ["mode"] = "follower",
            ["node_count"] = 197,
            ["outstanding"] = 0,
            ["received"] = 206,
            ["sent"] = 208,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 4294967512,
          },
        },
        [3] = {
          ["answer"] = "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC\
Latency min/avg/max: 0/2.1957/157\
Received: 433\
Sent: 438\
Connections: 4\
Outstanding: 0\
Zxid: 0x1000000d8\
Mode: leader\
Node count: 197\
Proposal sizes last/min/max: 48/36/1295\
",
          ["elapsed"] = 0.0040000000000000001,
          ["host"] = "@NET@.13",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 4,
            ["counter"] = 216,
            ["epoch"] = 1,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 2.1957,
              ["max"] = 157,
              ["min"] = 0,
            },
            ["mode"] = "leader",
            ["node_count"] = 197,
            ["outstanding"] = 0,
            ["received"] = 433,
            ["sent"] = 438,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 4294967512,
          },
        },
      },
      ["n"] = 1,
    },
    [2] = {
      [1] = {
        [1] = {
          ["answer"] = "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC\
Latency min/avg/max: 0/1.5112/44\
Received: 506\
Sent: 508\
Connections: 2\
Outstanding: 0\
Zxid: 0x1000000dc\
Mode: follower\
Node count: 197\
",
          ["elapsed"] = 0.0040000000000000001,
          ["host"] = "@NET@.11",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 2,
            ["counter"] = 220,
            ["epoch"] = 1,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 1.5112000000000001,
              ["max"] = 44,
              ["min"] = 0,
            },
            ["mode"] = "follower",
            ["node_count"] = 197,
            ["outstanding"] = 0,
            ["received"] = 506,
            ["sent"] = 508,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 4294967516,
          },
        },
        [2] = {
          ["answer"] = "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC\
Latency min/avg/max: 0/2.8426/64\
Received: 209\
Sent: 211\
Connections: 2\
Outstanding: 0\
Zxid: 0x1000000dc\
Mode: follower\
Node count: 197\
",
          ["elapsed"] = 0.0040000000000000001,
          ["host"] = "@NET@.12",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 2,
            ["counter"] = 220,
            ["epoch"] = 1,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 2.8426,
              ["max"] = 64,
              ["min"] = 0,
            },
            ["mode"] = "follower",
            ["node_count"] = 197,
            ["outstanding"] = 0,
            ["received"] = 209,
            ["sent"] = 211,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 4294967516,
          },
        },
        [3] = {
          ["answer"] = "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC\
Latency min/avg/max: 0/2.1897/157\
Received: 444\
Sent: 449\
Connections: 4\
Outstanding: 0\
Zxid: 0x1000000dc\
Mode: leader\
Node count: 197\
Proposal sizes last/min/max: 48/36/1295\
",
          ["elapsed"] = 0.0060000000000000001,
          ["host"] = "@NET@.13",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 4,
            ["counter"] = 220,
            ["epoch"] = 1,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 2.1897000000000002,
              ["max"] = 157,
              ["min"] = 0,
            },
            ["mode"] = "leader",
            ["node_count"] = 197,
            ["outstanding"] = 0,
            ["received"] = 444,
            ["sent"] = 449,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 4294967516,
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
Latency min/avg/max: 1/7.7778/21\
Received: 21\
Sent: 20\
Connections: 1\
Outstanding: 0\
Zxid: 0x1000000d8\
Mode: observer\
Node count: 197\
",
          ["elapsed"] = 0.02,
          ["host"] = "@NET@.14",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 1,
            ["counter"] = 216,
            ["epoch"] = 1,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 7.7778,
              ["max"] = 21,
              ["min"] = 1,
            },
            ["mode"] = "observer",
            ["node_count"] = 197,
            ["outstanding"] = 0,
            ["received"] = 21,
            ["sent"] = 20,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 4294967512,
          },
        },
        [2] = {
          ["code"] = "refused",
          ["elapsed"] = 0,
          ["error"] = "@NET@.15:2181: connect: Connection refused",
          ["host"] = "@NET@.15",
          ["ok"] = false,
          ["port"] = 2181,
        },
        [3] = {
          ["code"] = "refused",
          ["elapsed"] = 0,
          ["error"] = "@NET@.16:2181: connect: Connection refused",
          ["host"] = "@NET@.16",
          ["ok"] = false,
          ["port"] = 2181,
        },
      },
      ["n"] = 1,
    },
    [2] = {
      [1] = {
        [1] = {
          ["answer"] = "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC\
Latency min/avg/max: 1/7.7778/21\
Received: 22\
Sent: 21\
Connections: 1\
Outstanding: 0\
Zxid: 0x1000000d8\
Mode: observer\
Node count: 197\
",
          ["elapsed"] = 0.0089999999999999993,
          ["host"] = "@NET@.14",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 1,
            ["counter"] = 216,
            ["epoch"] = 1,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 7.7778,
              ["max"] = 21,
              ["min"] = 1,
            },
            ["mode"] = "observer",
            ["node_count"] = 197,
            ["outstanding"] = 0,
            ["received"] = 22,
            ["sent"] = 21,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 4294967512,
          },
        },
        [2] = {
          ["code"] = "refused",
          ["elapsed"] = 0,
          ["error"] = "@NET@.15:2181: connect: Connection refused",
          ["host"] = "@NET@.15",
          ["ok"] = false,
          ["port"] = 2181,
        },
        [3] = {
          ["code"] = "refused",
          ["elapsed"] = 0,
          ["error"] = "@NET@.16:2181: connect: Connection refused",
          ["host"] = "@NET@.16",
          ["ok"] = false,
          ["port"] = 2181,
        },
      },
      ["n"] = 1,
    },
    [3] = {
      [1] = {
        [1] = {
          ["answer"] = "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC\
Latency min/avg/max: 0/5.4737/21\
Received: 36\
Sent: 35\
Connections: 1\
Outstanding: 0\
Zxid: 0x1000000de\
Mode: observer\
Node count: 197\
",
          ["elapsed"] = 0.0060000000000000001,
          ["host"] = "@NET@.14",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 1,
            ["counter"] = 222,
            ["epoch"] = 1,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 5.4737,
              ["max"] = 21,
              ["min"] = 0,
            },
            ["mode"] = "observer",
            ["node_count"] = 197,
            ["outstanding"] = 0,
            ["received"] = 36,
            ["sent"] = 35,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 4294967518,
          },
        },
        [2] = {
          ["code"] = "refused",
          ["elapsed"] = 0.0060000000000000001,
          ["error"] = "@NET@.15:2181: connect: Connection refused",
          ["host"] = "@NET@.15",
          ["ok"] = false,
          ["port"] = 2181,
        },
        [3] = {
          ["code"] = "refused",
          ["elapsed"] = 0.0060000000000000001,
          ["error"] = "@NET@.16:2181: connect: Connection refused",
          ["host"] = "@NET@.16",
          ["ok"] = false,
          ["port"] = 2181,
        },
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
zoo.cfg.dynamic.100000000\
",
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
dynamicConfigFile=@LAB@/hosts/zk1/conf/zoo.cfg.dynamic.100000000\
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
dynamicConfigFile=@LAB@/hosts/zk1/conf/zoo.cfg.dynamic.100000000\
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
dynamicConfigFile=@LAB@/hosts/zk1/conf/zoo.cfg.dynamic.100000000\
",
      ["n"] = 1,
    },
  },
  ["root@@NET@.11:2222 read @LAB@/hosts/zk1/conf/zoo.cfg.dynamic"] = {
    [1] = {
      [1] = "server.1=@NET@.11:2888:3888:participant;@NET@.11:2181\
server.2=@NET@.12:2888:3888:participant;@NET@.12:2181\
server.3=@NET@.13:2888:3888:participant;@NET@.13:2181\
server.4=@NET@.14:2888:3888:observer;@NET@.14:2181\
",
      ["n"] = 1,
    },
  },
  ["root@@NET@.11:2222 read @LAB@/hosts/zk1/conf/zoo.cfg.dynamic.100000000"] = {
    [1] = {
      [1] = "server.1=@NET@.11:2888:3888:participant;@NET@.11:2181\
server.2=@NET@.12:2888:3888:participant;@NET@.12:2181\
server.3=@NET@.13:2888:3888:participant;@NET@.13:2181\
server.4=@NET@.14:2888:3888:observer;@NET@.14:2181",
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
zoo.cfg.dynamic.100000000\
",
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
dynamicConfigFile=@LAB@/hosts/zk2/conf/zoo.cfg.dynamic.100000000\
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
dynamicConfigFile=@LAB@/hosts/zk2/conf/zoo.cfg.dynamic.100000000\
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
dynamicConfigFile=@LAB@/hosts/zk2/conf/zoo.cfg.dynamic.100000000\
",
      ["n"] = 1,
    },
  },
  ["root@@NET@.12:2222 read @LAB@/hosts/zk2/conf/zoo.cfg.dynamic"] = {
    [1] = {
      [1] = "server.1=@NET@.11:2888:3888:participant;@NET@.11:2181\
server.2=@NET@.12:2888:3888:participant;@NET@.12:2181\
server.3=@NET@.13:2888:3888:participant;@NET@.13:2181\
server.4=@NET@.14:2888:3888:observer;@NET@.14:2181\
",
      ["n"] = 1,
    },
  },
  ["root@@NET@.12:2222 read @LAB@/hosts/zk2/conf/zoo.cfg.dynamic.100000000"] = {
    [1] = {
      [1] = "server.1=@NET@.11:2888:3888:participant;@NET@.11:2181\
server.2=@NET@.12:2888:3888:participant;@NET@.12:2181\
server.3=@NET@.13:2888:3888:participant;@NET@.13:2181\
server.4=@NET@.14:2888:3888:observer;@NET@.14:2181",
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
zoo.cfg.dynamic.100000000\
",
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
dynamicConfigFile=@LAB@/hosts/zk3/conf/zoo.cfg.dynamic.100000000\
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
dynamicConfigFile=@LAB@/hosts/zk3/conf/zoo.cfg.dynamic.100000000\
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
dynamicConfigFile=@LAB@/hosts/zk3/conf/zoo.cfg.dynamic.100000000\
",
      ["n"] = 1,
    },
  },
  ["root@@NET@.13:2222 read @LAB@/hosts/zk3/conf/zoo.cfg.dynamic"] = {
    [1] = {
      [1] = "server.1=@NET@.11:2888:3888:participant;@NET@.11:2181\
server.2=@NET@.12:2888:3888:participant;@NET@.12:2181\
server.3=@NET@.13:2888:3888:participant;@NET@.13:2181\
server.4=@NET@.14:2888:3888:observer;@NET@.14:2181\
",
      ["n"] = 1,
    },
  },
  ["root@@NET@.13:2222 read @LAB@/hosts/zk3/conf/zoo.cfg.dynamic.100000000"] = {
    [1] = {
      [1] = "server.1=@NET@.11:2888:3888:participant;@NET@.11:2181\
server.2=@NET@.12:2888:3888:participant;@NET@.12:2181\
server.3=@NET@.13:2888:3888:participant;@NET@.13:2181\
server.4=@NET@.14:2888:3888:observer;@NET@.14:2181",
      ["n"] = 1,
    },
  },
  ["root@@NET@.14:2222 probe cat -- '@LAB@/hosts/zk4/conf/.drctl-failover.lock' 2>/dev/null; true"] = {
    [1] = {
      [1] = {
        ["duration"] = 0,
        ["host"] = "root@@NET@.14:2222",
        ["ok"] = true,
        ["simulated"] = false,
        ["status"] = 0,
        ["stderr"] = "",
        ["stdout"] = "",
      },
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
zoo.cfg.dynamic.100000000\
",
      },
      ["n"] = 1,
    },
  },
  ["root@@NET@.14:2222 probe true"] = {
    [1] = {
      [1] = {
        ["duration"] = 0,
        ["host"] = "root@@NET@.14:2222",
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
        ["host"] = "root@@NET@.14:2222",
        ["ok"] = true,
        ["simulated"] = false,
        ["status"] = 0,
        ["stderr"] = "",
        ["stdout"] = "",
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
dynamicConfigFile=@LAB@/hosts/zk4/conf/zoo.cfg.dynamic.100000000\
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
dynamicConfigFile=@LAB@/hosts/zk4/conf/zoo.cfg.dynamic.100000000\
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
dynamicConfigFile=@LAB@/hosts/zk4/conf/zoo.cfg.dynamic.100000000\
",
      ["n"] = 1,
    },
  },
  ["root@@NET@.14:2222 read @LAB@/hosts/zk4/conf/zoo.cfg.dynamic"] = {
    [1] = {
      [1] = "server.1=@NET@.11:2888:3888:participant;@NET@.11:2181\
server.2=@NET@.12:2888:3888:participant;@NET@.12:2181\
server.3=@NET@.13:2888:3888:participant;@NET@.13:2181\
server.4=@NET@.14:2888:3888:observer;@NET@.14:2181\
",
      ["n"] = 1,
    },
  },
  ["root@@NET@.14:2222 read @LAB@/hosts/zk4/conf/zoo.cfg.dynamic.100000000"] = {
    [1] = {
      [1] = "server.1=@NET@.11:2888:3888:participant;@NET@.11:2181\
server.2=@NET@.12:2888:3888:participant;@NET@.12:2181\
server.3=@NET@.13:2888:3888:participant;@NET@.13:2181\
server.4=@NET@.14:2888:3888:observer;@NET@.14:2181",
      ["n"] = 1,
    },
  },
  ["root@@NET@.15:2222 probe cat -- '@LAB@/hosts/zk5/conf/.drctl-failover.lock' 2>/dev/null; true"] = {
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
  ["root@@NET@.15:2222 probe ls -1 '@LAB@/hosts/zk5/data/version-2' 2>/dev/null; true"] = {
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
",
      },
      ["n"] = 1,
    },
  },
  ["root@@NET@.15:2222 probe true"] = {
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
    [2] = {
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
  ["root@@NET@.15:2222 read @LAB@/hosts/zk5/conf/zoo.cfg"] = {
    [1] = {
      [1] = "tickTime=500\
initLimit=10\
syncLimit=5\
dataDir=@LAB@/hosts/zk5/data\
reconfigEnabled=true\
standaloneEnabled=false\
4lw.commands.whitelist=*\
admin.enableServer=false\
dynamicConfigFile=@LAB@/hosts/zk5/conf/zoo.cfg.dynamic\
",
      ["n"] = 1,
    },
    [2] = {
      [1] = "tickTime=500\
initLimit=10\
syncLimit=5\
dataDir=@LAB@/hosts/zk5/data\
reconfigEnabled=true\
standaloneEnabled=false\
4lw.commands.whitelist=*\
admin.enableServer=false\
dynamicConfigFile=@LAB@/hosts/zk5/conf/zoo.cfg.dynamic\
",
      ["n"] = 1,
    },
    [3] = {
      [1] = "tickTime=500\
initLimit=10\
syncLimit=5\
dataDir=@LAB@/hosts/zk5/data\
reconfigEnabled=true\
standaloneEnabled=false\
4lw.commands.whitelist=*\
admin.enableServer=false\
dynamicConfigFile=@LAB@/hosts/zk5/conf/zoo.cfg.dynamic\
",
      ["n"] = 1,
    },
  },
  ["root@@NET@.15:2222 read @LAB@/hosts/zk5/conf/zoo.cfg.dynamic"] = {
    [1] = {
      [1] = "server.1=@NET@.11:2888:3888:participant;@NET@.11:2181\
server.2=@NET@.12:2888:3888:participant;@NET@.12:2181\
server.3=@NET@.13:2888:3888:participant;@NET@.13:2181\
server.4=@NET@.14:2888:3888:observer;@NET@.14:2181\
server.5=@NET@.15:2888:3888:observer;@NET@.15:2181\
",
      ["n"] = 1,
    },
  },
  ["root@@NET@.15:2222 read @LAB@/hosts/zk5/data/version-2/currentEpoch"] = {
    [1] = {
      [2] = "read root@@NET@.15:2222:@LAB@/hosts/zk5/data/version-2/currentEpoch: open @LAB@/hosts/zk5/data/version-2/currentEpoch: no such file or directory",
      [3] = "not found",
      ["n"] = 3,
    },
  },
  ["root@@NET@.16:2222 probe cat -- '@LAB@/hosts/zk6/conf/.drctl-failover.lock' 2>/dev/null; true"] = {
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
  ["root@@NET@.16:2222 probe ls -1 '@LAB@/hosts/zk6/data/version-2' 2>/dev/null; true"] = {
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
",
      },
      ["n"] = 1,
    },
  },
  ["root@@NET@.16:2222 probe true"] = {
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
    [2] = {
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
  ["root@@NET@.16:2222 read @LAB@/hosts/zk6/conf/zoo.cfg"] = {
    [1] = {
      [1] = "tickTime=500\
initLimit=10\
syncLimit=5\
dataDir=@LAB@/hosts/zk6/data\
reconfigEnabled=true\
standaloneEnabled=false\
4lw.commands.whitelist=*\
admin.enableServer=false\
dynamicConfigFile=@LAB@/hosts/zk6/conf/zoo.cfg.dynamic\
",
      ["n"] = 1,
    },
    [2] = {
      [1] = "tickTime=500\
initLimit=10\
syncLimit=5\
dataDir=@LAB@/hosts/zk6/data\
reconfigEnabled=true\
standaloneEnabled=false\
4lw.commands.whitelist=*\
admin.enableServer=false\
dynamicConfigFile=@LAB@/hosts/zk6/conf/zoo.cfg.dynamic\
",
      ["n"] = 1,
    },
    [3] = {
      [1] = "tickTime=500\
initLimit=10\
syncLimit=5\
dataDir=@LAB@/hosts/zk6/data\
reconfigEnabled=true\
standaloneEnabled=false\
4lw.commands.whitelist=*\
admin.enableServer=false\
dynamicConfigFile=@LAB@/hosts/zk6/conf/zoo.cfg.dynamic\
",
      ["n"] = 1,
    },
  },
  ["root@@NET@.16:2222 read @LAB@/hosts/zk6/conf/zoo.cfg.dynamic"] = {
    [1] = {
      [1] = "server.1=@NET@.11:2888:3888:participant;@NET@.11:2181\
server.2=@NET@.12:2888:3888:participant;@NET@.12:2181\
server.3=@NET@.13:2888:3888:participant;@NET@.13:2181\
server.4=@NET@.14:2888:3888:observer;@NET@.14:2181\
server.6=@NET@.16:2888:3888:observer;@NET@.16:2181\
",
      ["n"] = 1,
    },
  },
  ["root@@NET@.16:2222 read @LAB@/hosts/zk6/data/version-2/currentEpoch"] = {
    [1] = {
      [2] = "read root@@NET@.16:2222:@LAB@/hosts/zk6/data/version-2/currentEpoch: open @LAB@/hosts/zk6/data/version-2/currentEpoch: no such file or directory",
      [3] = "not found",
      ["n"] = 3,
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
  },
  ["root@@NET@.21:2222 read @LAB@/hosts/ch1/config.d/macros.xml"] = {
    [1] = {
      [1] = "<?xml version=\"1.0\"?>\
<yandex>\
    <macros>\
        <cluster>cluster1</cluster>\
        <shard>0</shard>\
        <replica>chi-01</replica>\
    </macros>\
</yandex>\
",
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
  },
  ["root@@NET@.21:2222 read @LAB@/hosts/ch1/config.d/zookeeper.xml"] = {
    [1] = {
      [1] = "<?xml version=\"1.0\"?>\
<yandex>\
    <zookeeper>\
        <node index=\"1\"><host>@NET@.11</host><port>2181</port></node>\
        <node index=\"2\"><host>@NET@.12</host><port>2181</port></node>\
        <node index=\"3\"><host>@NET@.13</host><port>2181</port></node>\
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
        <node index=\"1\"><host>@NET@.11</host><port>2181</port></node>\
        <node index=\"2\"><host>@NET@.12</host><port>2181</port></node>\
        <node index=\"3\"><host>@NET@.13</host><port>2181</port></node>\
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
  },
  ["root@@NET@.22:2222 read @LAB@/hosts/ch2/config.d/macros.xml"] = {
    [1] = {
      [1] = "<?xml version=\"1.0\"?>\
<yandex>\
    <macros>\
        <cluster>cluster1</cluster>\
        <shard>0</shard>\
        <replica>chi-02</replica>\
    </macros>\
</yandex>\
",
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
  },
  ["root@@NET@.22:2222 read @LAB@/hosts/ch2/config.d/zookeeper.xml"] = {
    [1] = {
      [1] = "<?xml version=\"1.0\"?>\
<yandex>\
    <zookeeper>\
        <node index=\"1\"><host>@NET@.11</host><port>2181</port></node>\
        <node index=\"2\"><host>@NET@.12</host><port>2181</port></node>\
        <node index=\"3\"><host>@NET@.13</host><port>2181</port></node>\
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
        <node index=\"1\"><host>@NET@.11</host><port>2181</port></node>\
        <node index=\"2\"><host>@NET@.12</host><port>2181</port></node>\
        <node index=\"3\"><host>@NET@.13</host><port>2181</port></node>\
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
    [2] = {
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
                <replica><host>@NET@.23</host><port>9000</port></replica>\
                <replica><host>@NET@.24</host><port>9000</port></replica>\
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
  ["root@@NET@.23:2222 read @LAB@/hosts/ch3/config.d/zookeeper.xml"] = {
    [1] = {
      [1] = "<?xml version=\"1.0\"?>\
<yandex>\
    <zookeeper>\
        <node index=\"1\"><host>@NET@.11</host><port>2181</port></node>\
        <node index=\"2\"><host>@NET@.12</host><port>2181</port></node>\
        <node index=\"3\"><host>@NET@.13</host><port>2181</port></node>\
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
        <node index=\"1\"><host>@NET@.11</host><port>2181</port></node>\
        <node index=\"2\"><host>@NET@.12</host><port>2181</port></node>\
        <node index=\"3\"><host>@NET@.13</host><port>2181</port></node>\
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
    [2] = {
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
                <replica><host>@NET@.23</host><port>9000</port></replica>\
                <replica><host>@NET@.24</host><port>9000</port></replica>\
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
  ["root@@NET@.24:2222 read @LAB@/hosts/ch4/config.d/zookeeper.xml"] = {
    [1] = {
      [1] = "<?xml version=\"1.0\"?>\
<yandex>\
    <zookeeper>\
        <node index=\"1\"><host>@NET@.11</host><port>2181</port></node>\
        <node index=\"2\"><host>@NET@.12</host><port>2181</port></node>\
        <node index=\"3\"><host>@NET@.13</host><port>2181</port></node>\
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
        <node index=\"1\"><host>@NET@.11</host><port>2181</port></node>\
        <node index=\"2\"><host>@NET@.12</host><port>2181</port></node>\
        <node index=\"3\"><host>@NET@.13</host><port>2181</port></node>\
        <session_timeout_ms>10000</session_timeout_ms>\
    </zookeeper>\
</yandex>\
",
      ["n"] = 1,
    },
  },
}
