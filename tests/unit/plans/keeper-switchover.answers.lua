-- Answers of the lab's hosts, recorded by tests/unit/plans/record.sh:
-- see tests/unit/plans/scripted.lua.  Regenerate, do not edit.
return {
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
  ["@NET@.14:2181 lgif"] = {
    [1] = {
      [2] = "@NET@.14:2181 lgif:1:1: expected an answer, got nothing (the server closed the connection without a word)",
      [3] = "parse error",
      ["n"] = 3,
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
  ["@NET@.15:2181 lgif"] = {
    [1] = {
      [2] = "@NET@.15:2181: connect: Connection refused",
      [3] = "refused",
      ["n"] = 3,
    },
  },
  ["@NET@.16:2181 lgif"] = {
    [1] = {
      [2] = "@NET@.16:2181: connect: Connection refused",
      [3] = "refused",
      ["n"] = 3,
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
          ["elapsed"] = 0.010999999999999999,
          ["host"] = "@NET@.21",
          ["ok"] = true,
          ["port"] = 8123,
          ["rows"] = {
            [1] = {
              ["elapsed"] = "0.000401813",
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
          ["elapsed"] = 0.021000000000000001,
          ["host"] = "@NET@.22",
          ["ok"] = true,
          ["port"] = 8123,
          ["rows"] = {
            [1] = {
              ["elapsed"] = "0.000585533",
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
          ["elapsed"] = 0.019,
          ["host"] = "@NET@.23",
          ["ok"] = true,
          ["port"] = 8123,
          ["rows"] = {
            [1] = {
              ["elapsed"] = "0.000396604",
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
          ["elapsed"] = 0.019,
          ["host"] = "@NET@.24",
          ["ok"] = true,
          ["port"] = 8123,
          ["rows"] = {
            [1] = {
              ["elapsed"] = "0.000480212",
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
          ["elapsed"] = 0.0060000000000000001,
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
          ["elapsed"] = 0.0060000000000000001,
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
Latency min/avg/max: 0/1.4139/44\
Received: 551\
Sent: 553\
Connections: 2\
Outstanding: 0\
Zxid: 0x1000000e7\
Mode: follower\
Node count: 197\
",
          ["elapsed"] = 0.025999999999999999,
          ["host"] = "@NET@.11",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 2,
            ["counter"] = 231,
            ["epoch"] = 1,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 1.4138999999999999,
              ["max"] = 44,
              ["min"] = 0,
            },
            ["mode"] = "follower",
            ["node_count"] = 197,
            ["outstanding"] = 0,
            ["received"] = 551,
            ["sent"] = 553,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 4294967527,
          },
        },
        [2] = {
          ["answer"] = "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC\
Latency min/avg/max: 0/2.7772/64\
Received: 218\
Sent: 220\
Connections: 2\
Outstanding: 0\
Zxid: 0x1000000e7\
Mode: follower\
Node count: 197\
",
          ["elapsed"] = 0.025999999999999999,
          ["host"] = "@NET@.12",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 2,
            ["counter"] = 231,
            ["epoch"] = 1,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 2.7772000000000001,
              ["max"] = 64,
              ["min"] = 0,
            },
            ["mode"] = "follower",
            ["node_count"] = 197,
            ["outstanding"] = 0,
            ["received"] = 218,
            ["sent"] = 220,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 4294967527,
          },
        },
        [3] = {
          ["answer"] = "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC\
Latency min/avg/max: 0/2.0903/157\
Received: 499\
Sent: 504\
Connections: 3\
Outstanding: 0\
Zxid: 0x1000000e7\
Mode: leader\
Node count: 197\
Proposal sizes last/min/max: 48/36/1295\
",
          ["elapsed"] = 0.025999999999999999,
          ["host"] = "@NET@.13",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 3,
            ["counter"] = 231,
            ["epoch"] = 1,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 2.0903,
              ["max"] = 157,
              ["min"] = 0,
            },
            ["mode"] = "leader",
            ["node_count"] = 197,
            ["outstanding"] = 0,
            ["received"] = 499,
            ["sent"] = 504,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 4294967527,
          },
        },
        [4] = {
          ["answer"] = "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC\
Latency min/avg/max: 0/5.0/21\
Received: 51\
Sent: 50\
Connections: 1\
Outstanding: 0\
Zxid: 0x1000000e7\
Mode: observer\
Node count: 197\
",
          ["elapsed"] = 0.025999999999999999,
          ["host"] = "@NET@.14",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 1,
            ["counter"] = 231,
            ["epoch"] = 1,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 5,
              ["max"] = 21,
              ["min"] = 0,
            },
            ["mode"] = "observer",
            ["node_count"] = 197,
            ["outstanding"] = 0,
            ["received"] = 51,
            ["sent"] = 50,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 4294967527,
          },
        },
        [5] = {
          ["code"] = "refused",
          ["elapsed"] = 0.025999999999999999,
          ["error"] = "@NET@.15:2181: connect: Connection refused",
          ["host"] = "@NET@.15",
          ["ok"] = false,
          ["port"] = 2181,
        },
        [6] = {
          ["code"] = "refused",
          ["elapsed"] = 0.025999999999999999,
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
Latency min/avg/max: 0/1.4139/44\
Received: 552\
Sent: 554\
Connections: 2\
Outstanding: 0\
Zxid: 0x1000000e9\
Mode: follower\
Node count: 197\
",
          ["elapsed"] = 0.0060000000000000001,
          ["host"] = "@NET@.11",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 2,
            ["counter"] = 233,
            ["epoch"] = 1,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 1.4138999999999999,
              ["max"] = 44,
              ["min"] = 0,
            },
            ["mode"] = "follower",
            ["node_count"] = 197,
            ["outstanding"] = 0,
            ["received"] = 552,
            ["sent"] = 554,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 4294967529,
          },
        },
        [2] = {
          ["answer"] = "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC\
Latency min/avg/max: 0/2.7772/64\
Received: 219\
Sent: 221\
Connections: 2\
Outstanding: 0\
Zxid: 0x1000000e9\
Mode: follower\
Node count: 197\
",
          ["elapsed"] = 0.0060000000000000001,
          ["host"] = "@NET@.12",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 2,
            ["counter"] = 233,
            ["epoch"] = 1,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 2.7772000000000001,
              ["max"] = 64,
              ["min"] = 0,
            },
            ["mode"] = "follower",
            ["node_count"] = 197,
            ["outstanding"] = 0,
            ["received"] = 219,
            ["sent"] = 221,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 4294967529,
          },
        },
        [3] = {
          ["answer"] = "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC\
Latency min/avg/max: 0/2.104/157\
Received: 506\
Sent: 511\
Connections: 3\
Outstanding: 0\
Zxid: 0x1000000e9\
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
            ["counter"] = 233,
            ["epoch"] = 1,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 2.1040000000000001,
              ["max"] = 157,
              ["min"] = 0,
            },
            ["mode"] = "leader",
            ["node_count"] = 197,
            ["outstanding"] = 0,
            ["received"] = 506,
            ["sent"] = 511,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 4294967529,
          },
        },
        [4] = {
          ["answer"] = "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC\
Latency min/avg/max: 0/5.0/21\
Received: 52\
Sent: 51\
Connections: 1\
Outstanding: 0\
Zxid: 0x1000000e9\
Mode: observer\
Node count: 197\
",
          ["elapsed"] = 0.016,
          ["host"] = "@NET@.14",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 1,
            ["counter"] = 233,
            ["epoch"] = 1,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 5,
              ["max"] = 21,
              ["min"] = 0,
            },
            ["mode"] = "observer",
            ["node_count"] = 197,
            ["outstanding"] = 0,
            ["received"] = 52,
            ["sent"] = 51,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 4294967529,
          },
        },
        [5] = {
          ["code"] = "refused",
          ["elapsed"] = 0.0060000000000000001,
          ["error"] = "@NET@.15:2181: connect: Connection refused",
          ["host"] = "@NET@.15",
          ["ok"] = false,
          ["port"] = 2181,
        },
        [6] = {
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
    [3] = {
      [1] = {
        [1] = {
          ["answer"] = "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC\
Latency min/avg/max: 0/1.3803/44\
Received: 567\
Sent: 569\
Connections: 2\
Outstanding: 0\
Zxid: 0x1000000eb\
Mode: follower\
Node count: 197\
",
          ["elapsed"] = 0.012,
          ["host"] = "@NET@.11",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 2,
            ["counter"] = 235,
            ["epoch"] = 1,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 1.3803000000000001,
              ["max"] = 44,
              ["min"] = 0,
            },
            ["mode"] = "follower",
            ["node_count"] = 197,
            ["outstanding"] = 0,
            ["received"] = 567,
            ["sent"] = 569,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 4294967531,
          },
        },
        [2] = {
          ["answer"] = "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC\
Latency min/avg/max: 0/2.7685/64\
Received: 222\
Sent: 224\
Connections: 2\
Outstanding: 0\
Zxid: 0x1000000eb\
Mode: follower\
Node count: 197\
",
          ["elapsed"] = 0.021999999999999999,
          ["host"] = "@NET@.12",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 2,
            ["counter"] = 235,
            ["epoch"] = 1,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 2.7685,
              ["max"] = 64,
              ["min"] = 0,
            },
            ["mode"] = "follower",
            ["node_count"] = 197,
            ["outstanding"] = 0,
            ["received"] = 222,
            ["sent"] = 224,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 4294967531,
          },
        },
        [3] = {
          ["answer"] = "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC\
Latency min/avg/max: 0/2.0994/157\
Received: 510\
Sent: 515\
Connections: 3\
Outstanding: 0\
Zxid: 0x1000000eb\
Mode: leader\
Node count: 197\
Proposal sizes last/min/max: 48/36/1295\
",
          ["elapsed"] = 0.021999999999999999,
          ["host"] = "@NET@.13",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 3,
            ["counter"] = 235,
            ["epoch"] = 1,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 2.0994000000000002,
              ["max"] = 157,
              ["min"] = 0,
            },
            ["mode"] = "leader",
            ["node_count"] = 197,
            ["outstanding"] = 0,
            ["received"] = 510,
            ["sent"] = 515,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 4294967531,
          },
        },
        [4] = {
          ["answer"] = "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC\
Latency min/avg/max: 0/4.8065/21\
Received: 60\
Sent: 59\
Connections: 1\
Outstanding: 0\
Zxid: 0x1000000eb\
Mode: observer\
Node count: 197\
",
          ["elapsed"] = 0.021999999999999999,
          ["host"] = "@NET@.14",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 1,
            ["counter"] = 235,
            ["epoch"] = 1,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 4.8064999999999998,
              ["max"] = 21,
              ["min"] = 0,
            },
            ["mode"] = "observer",
            ["node_count"] = 197,
            ["outstanding"] = 0,
            ["received"] = 60,
            ["sent"] = 59,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 4294967531,
          },
        },
        [5] = {
          ["code"] = "refused",
          ["elapsed"] = 0.012,
          ["error"] = "@NET@.15:2181: connect: Connection refused",
          ["host"] = "@NET@.15",
          ["ok"] = false,
          ["port"] = 2181,
        },
        [6] = {
          ["code"] = "refused",
          ["elapsed"] = 0.012,
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
Latency min/avg/max: 0/1.4139/44\
Received: 553\
Sent: 555\
Connections: 2\
Outstanding: 0\
Zxid: 0x1000000e9\
Mode: follower\
Node count: 197\
",
          ["elapsed"] = 0.0040000000000000001,
          ["host"] = "@NET@.11",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 2,
            ["counter"] = 233,
            ["epoch"] = 1,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 1.4138999999999999,
              ["max"] = 44,
              ["min"] = 0,
            },
            ["mode"] = "follower",
            ["node_count"] = 197,
            ["outstanding"] = 0,
            ["received"] = 553,
            ["sent"] = 555,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 4294967529,
          },
        },
        [2] = {
          ["answer"] = "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC\
Latency min/avg/max: 0/2.7772/64\
Received: 220\
Sent: 222\
Connections: 2\
Outstanding: 0\
Zxid: 0x1000000e9\
Mode: follower\
Node count: 197\
",
          ["elapsed"] = 0.0040000000000000001,
          ["host"] = "@NET@.12",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 2,
            ["counter"] = 233,
            ["epoch"] = 1,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 2.7772000000000001,
              ["max"] = 64,
              ["min"] = 0,
            },
            ["mode"] = "follower",
            ["node_count"] = 197,
            ["outstanding"] = 0,
            ["received"] = 220,
            ["sent"] = 222,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 4294967529,
          },
        },
        [3] = {
          ["answer"] = "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC\
Latency min/avg/max: 0/2.1017/157\
Received: 508\
Sent: 513\
Connections: 3\
Outstanding: 0\
Zxid: 0x1000000e9\
Mode: leader\
Node count: 197\
Proposal sizes last/min/max: 48/36/1295\
",
          ["elapsed"] = 0.0040000000000000001,
          ["host"] = "@NET@.13",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 3,
            ["counter"] = 233,
            ["epoch"] = 1,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 2.1017000000000001,
              ["max"] = 157,
              ["min"] = 0,
            },
            ["mode"] = "leader",
            ["node_count"] = 197,
            ["outstanding"] = 0,
            ["received"] = 508,
            ["sent"] = 513,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 4294967529,
          },
        },
      },
      ["n"] = 1,
    },
    [2] = {
      [1] = {
        [1] = {
          ["answer"] = "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC\
Latency min/avg/max: 0/1.3803/44\
Received: 568\
Sent: 570\
Connections: 2\
Outstanding: 0\
Zxid: 0x1000000ed\
Mode: follower\
Node count: 197\
",
          ["elapsed"] = 0.0050000000000000001,
          ["host"] = "@NET@.11",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 2,
            ["counter"] = 237,
            ["epoch"] = 1,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 1.3803000000000001,
              ["max"] = 44,
              ["min"] = 0,
            },
            ["mode"] = "follower",
            ["node_count"] = 197,
            ["outstanding"] = 0,
            ["received"] = 568,
            ["sent"] = 570,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 4294967533,
          },
        },
        [2] = {
          ["answer"] = "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC\
Latency min/avg/max: 0/2.7685/64\
Received: 223\
Sent: 225\
Connections: 2\
Outstanding: 0\
Zxid: 0x1000000ed\
Mode: follower\
Node count: 197\
",
          ["elapsed"] = 0.0050000000000000001,
          ["host"] = "@NET@.12",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 2,
            ["counter"] = 237,
            ["epoch"] = 1,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 2.7685,
              ["max"] = 64,
              ["min"] = 0,
            },
            ["mode"] = "follower",
            ["node_count"] = 197,
            ["outstanding"] = 0,
            ["received"] = 223,
            ["sent"] = 225,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 4294967533,
          },
        },
        [3] = {
          ["answer"] = "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC\
Latency min/avg/max: 0/2.0984/157\
Received: 517\
Sent: 522\
Connections: 3\
Outstanding: 0\
Zxid: 0x1000000ed\
Mode: leader\
Node count: 197\
Proposal sizes last/min/max: 48/36/1295\
",
          ["elapsed"] = 0.025000000000000001,
          ["host"] = "@NET@.13",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 3,
            ["counter"] = 237,
            ["epoch"] = 1,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 2.0983999999999998,
              ["max"] = 157,
              ["min"] = 0,
            },
            ["mode"] = "leader",
            ["node_count"] = 197,
            ["outstanding"] = 0,
            ["received"] = 517,
            ["sent"] = 522,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 4294967533,
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
Latency min/avg/max: 0/5.0/21\
Received: 53\
Sent: 52\
Connections: 1\
Outstanding: 0\
Zxid: 0x1000000e9\
Mode: observer\
Node count: 197\
",
          ["elapsed"] = 0.02,
          ["host"] = "@NET@.14",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 1,
            ["counter"] = 233,
            ["epoch"] = 1,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 5,
              ["max"] = 21,
              ["min"] = 0,
            },
            ["mode"] = "observer",
            ["node_count"] = 197,
            ["outstanding"] = 0,
            ["received"] = 53,
            ["sent"] = 52,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 4294967529,
          },
        },
        [2] = {
          ["code"] = "refused",
          ["elapsed"] = 0.0080000000000000002,
          ["error"] = "@NET@.15:2181: connect: Connection refused",
          ["host"] = "@NET@.15",
          ["ok"] = false,
          ["port"] = 2181,
        },
        [3] = {
          ["code"] = "refused",
          ["elapsed"] = 0.0080000000000000002,
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
Latency min/avg/max: 0/5.0/21\
Received: 54\
Sent: 53\
Connections: 1\
Outstanding: 0\
Zxid: 0x1000000e9\
Mode: observer\
Node count: 197\
",
          ["elapsed"] = 0.021000000000000001,
          ["host"] = "@NET@.14",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 1,
            ["counter"] = 233,
            ["epoch"] = 1,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 5,
              ["max"] = 21,
              ["min"] = 0,
            },
            ["mode"] = "observer",
            ["node_count"] = 197,
            ["outstanding"] = 0,
            ["received"] = 54,
            ["sent"] = 53,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 4294967529,
          },
        },
        [2] = {
          ["code"] = "refused",
          ["elapsed"] = 0.021000000000000001,
          ["error"] = "@NET@.15:2181: connect: Connection refused",
          ["host"] = "@NET@.15",
          ["ok"] = false,
          ["port"] = 2181,
        },
        [3] = {
          ["code"] = "refused",
          ["elapsed"] = 0.021000000000000001,
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
Latency min/avg/max: 0/4.8065/21\
Received: 61\
Sent: 60\
Connections: 1\
Outstanding: 0\
Zxid: 0x1000000ed\
Mode: observer\
Node count: 197\
",
          ["elapsed"] = 0.0050000000000000001,
          ["host"] = "@NET@.14",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 1,
            ["counter"] = 237,
            ["epoch"] = 1,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 4.8064999999999998,
              ["max"] = 21,
              ["min"] = 0,
            },
            ["mode"] = "observer",
            ["node_count"] = 197,
            ["outstanding"] = 0,
            ["received"] = 61,
            ["sent"] = 60,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 4294967533,
          },
        },
        [2] = {
          ["code"] = "refused",
          ["elapsed"] = 0.0050000000000000001,
          ["error"] = "@NET@.15:2181: connect: Connection refused",
          ["host"] = "@NET@.15",
          ["ok"] = false,
          ["port"] = 2181,
        },
        [3] = {
          ["code"] = "refused",
          ["elapsed"] = 0.0050000000000000001,
          ["error"] = "@NET@.16:2181: connect: Connection refused",
          ["host"] = "@NET@.16",
          ["ok"] = false,
          ["port"] = 2181,
        },
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
            </server>\
            <server>\
                <id>2</id>\
                <hostname>@NET@.12</hostname>\
                <port>9234</port>\
            </server>\
            <server>\
                <id>3</id>\
                <hostname>@NET@.13</hostname>\
                <port>9234</port>\
            </server>\
            <!-- dallas: a learner, never leads -->\
            <server>\
                <id>4</id>\
                <hostname>@NET@.14</hostname>\
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
            </server>\
            <server>\
                <id>2</id>\
                <hostname>@NET@.12</hostname>\
                <port>9234</port>\
            </server>\
            <server>\
                <id>3</id>\
                <hostname>@NET@.13</hostname>\
                <port>9234</port>\
            </server>\
            <!-- dallas: a learner, never leads -->\
            <server>\
                <id>4</id>\
                <hostname>@NET@.14</hostname>\
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
            </server>\
            <server>\
                <id>2</id>\
                <hostname>@NET@.12</hostname>\
                <port>9234</port>\
            </server>\
            <server>\
                <id>3</id>\
                <hostname>@NET@.13</hostname>\
                <port>9234</port>\
            </server>\
            <!-- dallas: a learner, never leads -->\
            <server>\
                <id>4</id>\
                <hostname>@NET@.14</hostname>\
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
            </server>\
            <server>\
                <id>2</id>\
                <hostname>@NET@.12</hostname>\
                <port>9234</port>\
            </server>\
            <server>\
                <id>3</id>\
                <hostname>@NET@.13</hostname>\
                <port>9234</port>\
            </server>\
            <!-- dallas: a learner, never leads -->\
            <server>\
                <id>4</id>\
                <hostname>@NET@.14</hostname>\
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
            </server>\
            <server>\
                <id>2</id>\
                <hostname>@NET@.12</hostname>\
                <port>9234</port>\
            </server>\
            <server>\
                <id>3</id>\
                <hostname>@NET@.13</hostname>\
                <port>9234</port>\
            </server>\
            <!-- dallas: a learner, never leads -->\
            <server>\
                <id>4</id>\
                <hostname>@NET@.14</hostname>\
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
            </server>\
            <server>\
                <id>2</id>\
                <hostname>@NET@.12</hostname>\
                <port>9234</port>\
            </server>\
            <server>\
                <id>3</id>\
                <hostname>@NET@.13</hostname>\
                <port>9234</port>\
            </server>\
            <!-- dallas: a learner, never leads -->\
            <server>\
                <id>4</id>\
                <hostname>@NET@.14</hostname>\
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
            </server>\
            <server>\
                <id>2</id>\
                <hostname>@NET@.12</hostname>\
                <port>9234</port>\
            </server>\
            <server>\
                <id>3</id>\
                <hostname>@NET@.13</hostname>\
                <port>9234</port>\
            </server>\
            <!-- dallas: a learner, never leads -->\
            <server>\
                <id>4</id>\
                <hostname>@NET@.14</hostname>\
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
            </server>\
            <server>\
                <id>2</id>\
                <hostname>@NET@.12</hostname>\
                <port>9234</port>\
            </server>\
            <server>\
                <id>3</id>\
                <hostname>@NET@.13</hostname>\
                <port>9234</port>\
            </server>\
            <!-- dallas: a learner, never leads -->\
            <server>\
                <id>4</id>\
                <hostname>@NET@.14</hostname>\
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
            </server>\
            <server>\
                <id>2</id>\
                <hostname>@NET@.12</hostname>\
                <port>9234</port>\
            </server>\
            <server>\
                <id>3</id>\
                <hostname>@NET@.13</hostname>\
                <port>9234</port>\
            </server>\
            <!-- dallas: a learner, never leads -->\
            <server>\
                <id>4</id>\
                <hostname>@NET@.14</hostname>\
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
            </server>\
            <server>\
                <id>2</id>\
                <hostname>@NET@.12</hostname>\
                <port>9234</port>\
            </server>\
            <server>\
                <id>3</id>\
                <hostname>@NET@.13</hostname>\
                <port>9234</port>\
            </server>\
            <!-- dallas: a learner, never leads -->\
            <server>\
                <id>4</id>\
                <hostname>@NET@.14</hostname>\
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
            </server>\
            <server>\
                <id>2</id>\
                <hostname>@NET@.12</hostname>\
                <port>9234</port>\
            </server>\
            <server>\
                <id>3</id>\
                <hostname>@NET@.13</hostname>\
                <port>9234</port>\
            </server>\
            <!-- dallas: a learner, never leads -->\
            <server>\
                <id>4</id>\
                <hostname>@NET@.14</hostname>\
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
            </server>\
            <server>\
                <id>2</id>\
                <hostname>@NET@.12</hostname>\
                <port>9234</port>\
            </server>\
            <server>\
                <id>3</id>\
                <hostname>@NET@.13</hostname>\
                <port>9234</port>\
            </server>\
            <!-- dallas: a learner, never leads -->\
            <server>\
                <id>4</id>\
                <hostname>@NET@.14</hostname>\
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
  ["root@@NET@.14:2222 probe cat -- '@LAB@/hosts/zk4/.drctl-failover.lock' 2>/dev/null; true"] = {
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
            <server>\
                <id>1</id>\
                <hostname>@NET@.11</hostname>\
                <port>9234</port>\
            </server>\
            <server>\
                <id>2</id>\
                <hostname>@NET@.12</hostname>\
                <port>9234</port>\
            </server>\
            <server>\
                <id>3</id>\
                <hostname>@NET@.13</hostname>\
                <port>9234</port>\
            </server>\
            <!-- dallas: a learner, never leads -->\
            <server>\
                <id>4</id>\
                <hostname>@NET@.14</hostname>\
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
            <server>\
                <id>1</id>\
                <hostname>@NET@.11</hostname>\
                <port>9234</port>\
            </server>\
            <server>\
                <id>2</id>\
                <hostname>@NET@.12</hostname>\
                <port>9234</port>\
            </server>\
            <server>\
                <id>3</id>\
                <hostname>@NET@.13</hostname>\
                <port>9234</port>\
            </server>\
            <!-- dallas: a learner, never leads -->\
            <server>\
                <id>4</id>\
                <hostname>@NET@.14</hostname>\
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
            <server>\
                <id>1</id>\
                <hostname>@NET@.11</hostname>\
                <port>9234</port>\
            </server>\
            <server>\
                <id>2</id>\
                <hostname>@NET@.12</hostname>\
                <port>9234</port>\
            </server>\
            <server>\
                <id>3</id>\
                <hostname>@NET@.13</hostname>\
                <port>9234</port>\
            </server>\
            <!-- dallas: a learner, never leads -->\
            <server>\
                <id>4</id>\
                <hostname>@NET@.14</hostname>\
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
            <server>\
                <id>1</id>\
                <hostname>@NET@.11</hostname>\
                <port>9234</port>\
            </server>\
            <server>\
                <id>2</id>\
                <hostname>@NET@.12</hostname>\
                <port>9234</port>\
            </server>\
            <server>\
                <id>3</id>\
                <hostname>@NET@.13</hostname>\
                <port>9234</port>\
            </server>\
            <!-- dallas: a learner, never leads -->\
            <server>\
                <id>4</id>\
                <hostname>@NET@.14</hostname>\
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
    [5] = {
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
            <server>\
                <id>1</id>\
                <hostname>@NET@.11</hostname>\
                <port>9234</port>\
            </server>\
            <server>\
                <id>2</id>\
                <hostname>@NET@.12</hostname>\
                <port>9234</port>\
            </server>\
            <server>\
                <id>3</id>\
                <hostname>@NET@.13</hostname>\
                <port>9234</port>\
            </server>\
            <!-- dallas: a learner, never leads -->\
            <server>\
                <id>4</id>\
                <hostname>@NET@.14</hostname>\
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
  ["root@@NET@.15:2222 probe cat -- '@LAB@/hosts/zk5/.drctl-failover.lock' 2>/dev/null; true"] = {
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
            <server>\
                <id>1</id>\
                <hostname>@NET@.11</hostname>\
                <port>9234</port>\
            </server>\
            <server>\
                <id>2</id>\
                <hostname>@NET@.12</hostname>\
                <port>9234</port>\
            </server>\
            <server>\
                <id>3</id>\
                <hostname>@NET@.13</hostname>\
                <port>9234</port>\
            </server>\
            <!-- dallas: a learner, never leads -->\
            <server>\
                <id>4</id>\
                <hostname>@NET@.14</hostname>\
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
            <server>\
                <id>1</id>\
                <hostname>@NET@.11</hostname>\
                <port>9234</port>\
            </server>\
            <server>\
                <id>2</id>\
                <hostname>@NET@.12</hostname>\
                <port>9234</port>\
            </server>\
            <server>\
                <id>3</id>\
                <hostname>@NET@.13</hostname>\
                <port>9234</port>\
            </server>\
            <!-- dallas: a learner, never leads -->\
            <server>\
                <id>4</id>\
                <hostname>@NET@.14</hostname>\
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
            <server>\
                <id>1</id>\
                <hostname>@NET@.11</hostname>\
                <port>9234</port>\
            </server>\
            <server>\
                <id>2</id>\
                <hostname>@NET@.12</hostname>\
                <port>9234</port>\
            </server>\
            <server>\
                <id>3</id>\
                <hostname>@NET@.13</hostname>\
                <port>9234</port>\
            </server>\
            <!-- dallas: a learner, never leads -->\
            <server>\
                <id>4</id>\
                <hostname>@NET@.14</hostname>\
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
            <server>\
                <id>1</id>\
                <hostname>@NET@.11</hostname>\
                <port>9234</port>\
            </server>\
            <server>\
                <id>2</id>\
                <hostname>@NET@.12</hostname>\
                <port>9234</port>\
            </server>\
            <server>\
                <id>3</id>\
                <hostname>@NET@.13</hostname>\
                <port>9234</port>\
            </server>\
            <!-- dallas: a learner, never leads -->\
            <server>\
                <id>4</id>\
                <hostname>@NET@.14</hostname>\
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
  ["root@@NET@.16:2222 probe cat -- '@LAB@/hosts/zk6/.drctl-failover.lock' 2>/dev/null; true"] = {
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
            <server>\
                <id>1</id>\
                <hostname>@NET@.11</hostname>\
                <port>9234</port>\
            </server>\
            <server>\
                <id>2</id>\
                <hostname>@NET@.12</hostname>\
                <port>9234</port>\
            </server>\
            <server>\
                <id>3</id>\
                <hostname>@NET@.13</hostname>\
                <port>9234</port>\
            </server>\
            <!-- dallas: a learner, never leads -->\
            <server>\
                <id>4</id>\
                <hostname>@NET@.14</hostname>\
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
            <server>\
                <id>1</id>\
                <hostname>@NET@.11</hostname>\
                <port>9234</port>\
            </server>\
            <server>\
                <id>2</id>\
                <hostname>@NET@.12</hostname>\
                <port>9234</port>\
            </server>\
            <server>\
                <id>3</id>\
                <hostname>@NET@.13</hostname>\
                <port>9234</port>\
            </server>\
            <!-- dallas: a learner, never leads -->\
            <server>\
                <id>4</id>\
                <hostname>@NET@.14</hostname>\
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
            <server>\
                <id>1</id>\
                <hostname>@NET@.11</hostname>\
                <port>9234</port>\
            </server>\
            <server>\
                <id>2</id>\
                <hostname>@NET@.12</hostname>\
                <port>9234</port>\
            </server>\
            <server>\
                <id>3</id>\
                <hostname>@NET@.13</hostname>\
                <port>9234</port>\
            </server>\
            <!-- dallas: a learner, never leads -->\
            <server>\
                <id>4</id>\
                <hostname>@NET@.14</hostname>\
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
            <server>\
                <id>1</id>\
                <hostname>@NET@.11</hostname>\
                <port>9234</port>\
            </server>\
            <server>\
                <id>2</id>\
                <hostname>@NET@.12</hostname>\
                <port>9234</port>\
            </server>\
            <server>\
                <id>3</id>\
                <hostname>@NET@.13</hostname>\
                <port>9234</port>\
            </server>\
            <!-- dallas: a learner, never leads -->\
            <server>\
                <id>4</id>\
                <hostname>@NET@.14</hostname>\
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
