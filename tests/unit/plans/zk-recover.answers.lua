-- Answers of the lab's hosts, recorded by tests/unit/plans/record.sh:
-- see tests/unit/plans/scripted.lua.  Regenerate, do not edit.
return {
  ["@NET@.14:2181,@NET@.15:2181,@NET@.16:2181 config"] = {
    [1] = {
      [1] = {
        ["members"] = {
          [1] = {
            ["client_host"] = "@NET@.14",
            ["client_port"] = 2181,
            ["election_port"] = 3888,
            ["host"] = "@NET@.14",
            ["id"] = 4,
            ["quorum_port"] = 2888,
            ["role"] = "participant",
          },
          [2] = {
            ["client_host"] = "@NET@.15",
            ["client_port"] = 2181,
            ["election_port"] = 3888,
            ["host"] = "@NET@.15",
            ["id"] = 5,
            ["quorum_port"] = 2888,
            ["role"] = "participant",
          },
          [3] = {
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
        ["text"] = "server.4=@NET@.14:2888:3888:participant;@NET@.14:2181\
server.5=@NET@.15:2888:3888:participant;@NET@.15:2181\
server.6=@NET@.16:2888:3888:participant;@NET@.16:2181\
version=200000000",
        ["version"] = 8589934592,
      },
      ["n"] = 1,
    },
    [2] = {
      [1] = {
        ["members"] = {
          [1] = {
            ["client_host"] = "@NET@.14",
            ["client_port"] = 2181,
            ["election_port"] = 3888,
            ["host"] = "@NET@.14",
            ["id"] = 4,
            ["quorum_port"] = 2888,
            ["role"] = "participant",
          },
          [2] = {
            ["client_host"] = "@NET@.15",
            ["client_port"] = 2181,
            ["election_port"] = 3888,
            ["host"] = "@NET@.15",
            ["id"] = 5,
            ["quorum_port"] = 2888,
            ["role"] = "participant",
          },
          [3] = {
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
        ["text"] = "server.4=@NET@.14:2888:3888:participant;@NET@.14:2181\
server.5=@NET@.15:2888:3888:participant;@NET@.15:2181\
server.6=@NET@.16:2888:3888:participant;@NET@.16:2181\
version=200000000",
        ["version"] = 8589934592,
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
    [4] = {
      [1] = true,
      ["n"] = 1,
    },
  },
  ["@NET@.14:2181,@NET@.15:2181,@NET@.16:2181 get /drctl/marker"] = {
    [1] = {
      [1] = "run=20261204-080731-21416 time=1796371686404",
      [2] = {
        ["cversion"] = 0,
        ["czxid"] = 4294967500,
        ["data_length"] = 44,
        ["ephemeral_owner"] = 0,
        ["mzxid"] = 8589934671,
        ["num_children"] = 0,
        ["version"] = 1,
      },
      ["n"] = 2,
    },
  },
  ["@NET@.14:2181,@NET@.15:2181,@NET@.16:2181 lock_holder /drctl/lock"] = {
    [1] = {
      [1] = false,
      ["n"] = 1,
    },
  },
  ["@NET@.14:2181,@NET@.15:2181,@NET@.16:2181 reconfig joining server.1=@NET@.11:2888:3888:observer;@NET@.11:2181,server.2=@NET@.12:2888:3888:observer;@NET@.12:2181,server.3=@NET@.13:2888:3888:observer;@NET@.13:2181 leaving -"] = {
    [1] = {
      [1] = {
        ["members"] = {
          [1] = {
            ["client_host"] = "@NET@.14",
            ["client_port"] = 2181,
            ["election_port"] = 3888,
            ["host"] = "@NET@.14",
            ["id"] = 4,
            ["quorum_port"] = 2888,
            ["role"] = "participant",
          },
          [2] = {
            ["client_host"] = "@NET@.15",
            ["client_port"] = 2181,
            ["election_port"] = 3888,
            ["host"] = "@NET@.15",
            ["id"] = 5,
            ["quorum_port"] = 2888,
            ["role"] = "participant",
          },
          [3] = {
            ["client_host"] = "@NET@.16",
            ["client_port"] = 2181,
            ["election_port"] = 3888,
            ["host"] = "@NET@.16",
            ["id"] = 6,
            ["quorum_port"] = 2888,
            ["role"] = "participant",
          },
          [4] = {
            ["client_host"] = "@NET@.11",
            ["client_port"] = 2181,
            ["election_port"] = 3888,
            ["host"] = "@NET@.11",
            ["id"] = 1,
            ["quorum_port"] = 2888,
            ["role"] = "observer",
          },
          [5] = {
            ["client_host"] = "@NET@.12",
            ["client_port"] = 2181,
            ["election_port"] = 3888,
            ["host"] = "@NET@.12",
            ["id"] = 2,
            ["quorum_port"] = 2888,
            ["role"] = "observer",
          },
          [6] = {
            ["client_host"] = "@NET@.13",
            ["client_port"] = 2181,
            ["election_port"] = 3888,
            ["host"] = "@NET@.13",
            ["id"] = 3,
            ["quorum_port"] = 2888,
            ["role"] = "observer",
          },
        },
        ["simulated"] = true,
        ["version"] = 8589934592,
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
  ["ch query @NET@.21:8123 SELECT database, table FROM system.replicas ORDER BY database, table"] = {
    [1] = {
      [1] = {
        [1] = {
          ["database"] = "default",
          ["table"] = "events",
        },
        [2] = {
          ["database"] = "default",
          ["table"] = "heartbeat",
        },
        ["columns"] = {
          [1] = "database",
          [2] = "table",
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
  ["ch query @NET@.21:8123 SELECT p.name AS name, p.partition_id AS partition, p.min_block_number AS mn, p.max_block_number AS mx, p.path AS path, h.n AS n, h.h AS h FROM (SELECT name, partition_id, min_block_number, max_block_number, path FROM system.parts WHERE database = 'default' AND table = 'events' AND active) AS p ANY LEFT JOIN (SELECT _part AS name, count() AS n, toInt64(sum(cityHash64(*))) AS h FROM default.events GROUP BY _part) AS h USING name"] = {
    [1] = {
      [1] = {
        [1] = {
          ["h"] = "4745979057111660090",
          ["mn"] = "0",
          ["mx"] = "0",
          ["n"] = "1000",
          ["name"] = "20261204_20261204_0_0_0",
          ["partition"] = "202612",
          ["path"] = "@LAB@/hosts/ch1/data/data/default/events/20261204_20261204_0_0_0/",
        },
        ["columns"] = {
          [1] = "name",
          [2] = "partition",
          [3] = "mn",
          [4] = "mx",
          [5] = "path",
          [6] = "n",
          [7] = "h",
        },
      },
      ["n"] = 1,
    },
  },
  ["ch query @NET@.21:8123 SELECT p.name AS name, p.partition_id AS partition, p.min_block_number AS mn, p.max_block_number AS mx, p.path AS path, h.n AS n, h.h AS h FROM (SELECT name, partition_id, min_block_number, max_block_number, path FROM system.parts WHERE database = 'default' AND table = 'heartbeat' AND active) AS p ANY LEFT JOIN (SELECT _part AS name, count() AS n, toInt64(sum(cityHash64(*))) AS h FROM default.heartbeat GROUP BY _part) AS h USING name"] = {
    [1] = {
      [1] = {
        [1] = {
          ["h"] = "7421417685478221454",
          ["mn"] = "0",
          ["mx"] = "0",
          ["n"] = "1",
          ["name"] = "20261204_20261204_0_0_0",
          ["partition"] = "202612",
          ["path"] = "@LAB@/hosts/ch1/data/data/default/heartbeat/20261204_20261204_0_0_0/",
        },
        [2] = {
          ["h"] = "8036469784892094204",
          ["mn"] = "1",
          ["mx"] = "1",
          ["n"] = "1",
          ["name"] = "20261204_20261204_1_1_0",
          ["partition"] = "202612",
          ["path"] = "@LAB@/hosts/ch1/data/data/default/heartbeat/20261204_20261204_1_1_0/",
        },
        ["columns"] = {
          [1] = "name",
          [2] = "partition",
          [3] = "mn",
          [4] = "mx",
          [5] = "path",
          [6] = "n",
          [7] = "h",
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
  ["ch query @NET@.22:8123 SELECT database, table FROM system.replicas ORDER BY database, table"] = {
    [1] = {
      [1] = {
        [1] = {
          ["database"] = "default",
          ["table"] = "events",
        },
        [2] = {
          ["database"] = "default",
          ["table"] = "heartbeat",
        },
        ["columns"] = {
          [1] = "database",
          [2] = "table",
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
  ["ch query @NET@.22:8123 SELECT p.name AS name, p.partition_id AS partition, p.min_block_number AS mn, p.max_block_number AS mx, p.path AS path, h.n AS n, h.h AS h FROM (SELECT name, partition_id, min_block_number, max_block_number, path FROM system.parts WHERE database = 'default' AND table = 'events' AND active) AS p ANY LEFT JOIN (SELECT _part AS name, count() AS n, toInt64(sum(cityHash64(*))) AS h FROM default.events GROUP BY _part) AS h USING name"] = {
    [1] = {
      [1] = {
        [1] = {
          ["h"] = "4745979057111660090",
          ["mn"] = "0",
          ["mx"] = "0",
          ["n"] = "1000",
          ["name"] = "20261204_20261204_0_0_0",
          ["partition"] = "202612",
          ["path"] = "@LAB@/hosts/ch2/data/data/default/events/20261204_20261204_0_0_0/",
        },
        ["columns"] = {
          [1] = "name",
          [2] = "partition",
          [3] = "mn",
          [4] = "mx",
          [5] = "path",
          [6] = "n",
          [7] = "h",
        },
      },
      ["n"] = 1,
    },
  },
  ["ch query @NET@.22:8123 SELECT p.name AS name, p.partition_id AS partition, p.min_block_number AS mn, p.max_block_number AS mx, p.path AS path, h.n AS n, h.h AS h FROM (SELECT name, partition_id, min_block_number, max_block_number, path FROM system.parts WHERE database = 'default' AND table = 'heartbeat' AND active) AS p ANY LEFT JOIN (SELECT _part AS name, count() AS n, toInt64(sum(cityHash64(*))) AS h FROM default.heartbeat GROUP BY _part) AS h USING name"] = {
    [1] = {
      [1] = {
        [1] = {
          ["h"] = "7421417685478221454",
          ["mn"] = "0",
          ["mx"] = "0",
          ["n"] = "1",
          ["name"] = "20261204_20261204_0_0_0",
          ["partition"] = "202612",
          ["path"] = "@LAB@/hosts/ch2/data/data/default/heartbeat/20261204_20261204_0_0_0/",
        },
        [2] = {
          ["h"] = "8036469784892094204",
          ["mn"] = "1",
          ["mx"] = "1",
          ["n"] = "1",
          ["name"] = "20261204_20261204_1_1_0",
          ["partition"] = "202612",
          ["path"] = "@LAB@/hosts/ch2/data/data/default/heartbeat/20261204_20261204_1_1_0/",
        },
        ["columns"] = {
          [1] = "name",
          [2] = "partition",
          [3] = "mn",
          [4] = "mx",
          [5] = "path",
          [6] = "n",
          [7] = "h",
        },
      },
      ["n"] = 1,
    },
  },
  ["ch query @NET@.23:8123 SELECT database, table FROM system.replicas ORDER BY database, table"] = {
    [1] = {
      [1] = {
        [1] = {
          ["database"] = "default",
          ["table"] = "events",
        },
        [2] = {
          ["database"] = "default",
          ["table"] = "heartbeat",
        },
        ["columns"] = {
          [1] = "database",
          [2] = "table",
        },
      },
      ["n"] = 1,
    },
    [2] = {
      [1] = {
        [1] = {
          ["database"] = "default",
          ["table"] = "events",
        },
        [2] = {
          ["database"] = "default",
          ["table"] = "heartbeat",
        },
        ["columns"] = {
          [1] = "database",
          [2] = "table",
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
  ["ch query @NET@.23:8123 SELECT p.name AS name, p.partition_id AS partition, p.min_block_number AS mn, p.max_block_number AS mx, p.path AS path, h.n AS n, h.h AS h FROM (SELECT name, partition_id, min_block_number, max_block_number, path FROM system.parts WHERE database = 'default' AND table = 'events' AND active) AS p ANY LEFT JOIN (SELECT _part AS name, count() AS n, toInt64(sum(cityHash64(*))) AS h FROM default.events GROUP BY _part) AS h USING name"] = {
    [1] = {
      [1] = {
        [1] = {
          ["h"] = "4745979057111660090",
          ["mn"] = "0",
          ["mx"] = "0",
          ["n"] = "1000",
          ["name"] = "20261204_20261204_0_0_0",
          ["partition"] = "202612",
          ["path"] = "@LAB@/hosts/ch3/data/data/default/events/20261204_20261204_0_0_0/",
        },
        ["columns"] = {
          [1] = "name",
          [2] = "partition",
          [3] = "mn",
          [4] = "mx",
          [5] = "path",
          [6] = "n",
          [7] = "h",
        },
      },
      ["n"] = 1,
    },
    [2] = {
      [1] = {
        [1] = {
          ["h"] = "4745979057111660090",
          ["mn"] = "0",
          ["mx"] = "0",
          ["n"] = "1000",
          ["name"] = "20261204_20261204_0_0_0",
          ["partition"] = "202612",
          ["path"] = "@LAB@/hosts/ch3/data/data/default/events/20261204_20261204_0_0_0/",
        },
        ["columns"] = {
          [1] = "name",
          [2] = "partition",
          [3] = "mn",
          [4] = "mx",
          [5] = "path",
          [6] = "n",
          [7] = "h",
        },
      },
      ["n"] = 1,
    },
  },
  ["ch query @NET@.23:8123 SELECT p.name AS name, p.partition_id AS partition, p.min_block_number AS mn, p.max_block_number AS mx, p.path AS path, h.n AS n, h.h AS h FROM (SELECT name, partition_id, min_block_number, max_block_number, path FROM system.parts WHERE database = 'default' AND table = 'heartbeat' AND active) AS p ANY LEFT JOIN (SELECT _part AS name, count() AS n, toInt64(sum(cityHash64(*))) AS h FROM default.heartbeat GROUP BY _part) AS h USING name"] = {
    [1] = {
      [1] = {
        [1] = {
          ["h"] = "7421417685478221454",
          ["mn"] = "0",
          ["mx"] = "0",
          ["n"] = "1",
          ["name"] = "20261204_20261204_0_0_0",
          ["partition"] = "202612",
          ["path"] = "@LAB@/hosts/ch3/data/data/default/heartbeat/20261204_20261204_0_0_0/",
        },
        [2] = {
          ["h"] = "8036469784892094204",
          ["mn"] = "1",
          ["mx"] = "1",
          ["n"] = "1",
          ["name"] = "20261204_20261204_1_1_0",
          ["partition"] = "202612",
          ["path"] = "@LAB@/hosts/ch3/data/data/default/heartbeat/20261204_20261204_1_1_0/",
        },
        [3] = {
          ["h"] = "-1384684001226607261",
          ["mn"] = "2",
          ["mx"] = "2",
          ["n"] = "1",
          ["name"] = "20261204_20261204_2_2_0",
          ["partition"] = "202612",
          ["path"] = "@LAB@/hosts/ch3/data/data/default/heartbeat/20261204_20261204_2_2_0/",
        },
        ["columns"] = {
          [1] = "name",
          [2] = "partition",
          [3] = "mn",
          [4] = "mx",
          [5] = "path",
          [6] = "n",
          [7] = "h",
        },
      },
      ["n"] = 1,
    },
    [2] = {
      [1] = {
        [1] = {
          ["h"] = "7421417685478221454",
          ["mn"] = "0",
          ["mx"] = "0",
          ["n"] = "1",
          ["name"] = "20261204_20261204_0_0_0",
          ["partition"] = "202612",
          ["path"] = "@LAB@/hosts/ch3/data/data/default/heartbeat/20261204_20261204_0_0_0/",
        },
        [2] = {
          ["h"] = "8036469784892094204",
          ["mn"] = "1",
          ["mx"] = "1",
          ["n"] = "1",
          ["name"] = "20261204_20261204_1_1_0",
          ["partition"] = "202612",
          ["path"] = "@LAB@/hosts/ch3/data/data/default/heartbeat/20261204_20261204_1_1_0/",
        },
        [3] = {
          ["h"] = "-1384684001226607261",
          ["mn"] = "2",
          ["mx"] = "2",
          ["n"] = "1",
          ["name"] = "20261204_20261204_2_2_0",
          ["partition"] = "202612",
          ["path"] = "@LAB@/hosts/ch3/data/data/default/heartbeat/20261204_20261204_2_2_0/",
        },
        ["columns"] = {
          [1] = "name",
          [2] = "partition",
          [3] = "mn",
          [4] = "mx",
          [5] = "path",
          [6] = "n",
          [7] = "h",
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
          ["active_replicas"] = 2,
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
          ["active_replicas"] = 2,
          ["caught_up"] = true,
          ["database"] = "default",
          ["inserts_in_queue"] = 0,
          ["is_readonly"] = false,
          ["is_session_expired"] = false,
          ["log_lag"] = 0,
          ["log_max_index"] = 2,
          ["log_pointer"] = 3,
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
          ["active_replicas"] = 2,
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
          ["active_replicas"] = 2,
          ["caught_up"] = true,
          ["database"] = "default",
          ["inserts_in_queue"] = 0,
          ["is_readonly"] = false,
          ["is_session_expired"] = false,
          ["log_lag"] = 0,
          ["log_max_index"] = 2,
          ["log_pointer"] = 3,
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
  ["fourlw probe [@NET@.11:2181,@NET@.12:2181,@NET@.13:2181] srvr"] = {
    [1] = {
      [1] = {
        [1] = {
          ["answer"] = "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC\
Latency min/avg/max: 0/2.9175/34\
Received: 99\
Sent: 98\
Connections: 2\
Outstanding: 0\
Zxid: 0x20000003d\
Mode: follower\
Node count: 189\
",
          ["elapsed"] = 0.0070000000000000001,
          ["host"] = "@NET@.11",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 2,
            ["counter"] = 61,
            ["epoch"] = 2,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 2.9175,
              ["max"] = 34,
              ["min"] = 0,
            },
            ["mode"] = "follower",
            ["node_count"] = 189,
            ["outstanding"] = 0,
            ["received"] = 99,
            ["sent"] = 98,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 8589934653,
          },
        },
        [2] = {
          ["answer"] = "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC\
Latency min/avg/max: 0/3.411/25\
Received: 75\
Sent: 74\
Connections: 2\
Outstanding: 0\
Zxid: 0x20000003d\
Mode: leader\
Node count: 189\
Proposal sizes last/min/max: 251/36/372\
",
          ["elapsed"] = 0.032000000000000001,
          ["host"] = "@NET@.12",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 2,
            ["counter"] = 61,
            ["epoch"] = 2,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 3.411,
              ["max"] = 25,
              ["min"] = 0,
            },
            ["mode"] = "leader",
            ["node_count"] = 189,
            ["outstanding"] = 0,
            ["received"] = 75,
            ["sent"] = 74,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 8589934653,
          },
        },
        [3] = {
          ["answer"] = "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC\
Latency min/avg/max: 0/0.0/0\
Received: 2\
Sent: 1\
Connections: 1\
Outstanding: 0\
Zxid: 0x20000003d\
Mode: follower\
Node count: 189\
",
          ["elapsed"] = 0.0070000000000000001,
          ["host"] = "@NET@.13",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 1,
            ["counter"] = 61,
            ["epoch"] = 2,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 0,
              ["max"] = 0,
              ["min"] = 0,
            },
            ["mode"] = "follower",
            ["node_count"] = 189,
            ["outstanding"] = 0,
            ["received"] = 2,
            ["sent"] = 1,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 8589934653,
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
Latency min/avg/max: 0/2.687/22\
Received: 123\
Sent: 123\
Connections: 2\
Outstanding: 0\
Zxid: 0x200000057\
Mode: leader\
Node count: 198\
Proposal sizes last/min/max: 63/36/1293\
",
          ["elapsed"] = 0.029999999999999999,
          ["host"] = "@NET@.14",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 2,
            ["counter"] = 87,
            ["epoch"] = 2,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 2.6869999999999998,
              ["max"] = 22,
              ["min"] = 0,
            },
            ["mode"] = "leader",
            ["node_count"] = 198,
            ["outstanding"] = 0,
            ["received"] = 123,
            ["sent"] = 123,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 8589934679,
          },
        },
        [2] = {
          ["answer"] = "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC\
Latency min/avg/max: 0/4.0433/43\
Received: 239\
Sent: 239\
Connections: 2\
Outstanding: 0\
Zxid: 0x200000057\
Mode: follower\
Node count: 198\
",
          ["elapsed"] = 0.049000000000000002,
          ["host"] = "@NET@.15",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 2,
            ["counter"] = 87,
            ["epoch"] = 2,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 4.0433000000000003,
              ["max"] = 43,
              ["min"] = 0,
            },
            ["mode"] = "follower",
            ["node_count"] = 198,
            ["outstanding"] = 0,
            ["received"] = 239,
            ["sent"] = 239,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 8589934679,
          },
        },
        [3] = {
          ["answer"] = "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC\
Latency min/avg/max: 3/6.8/9\
Received: 10\
Sent: 9\
Connections: 1\
Outstanding: 0\
Zxid: 0x200000057\
Mode: follower\
Node count: 198\
",
          ["elapsed"] = 0.049000000000000002,
          ["host"] = "@NET@.16",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 1,
            ["counter"] = 87,
            ["epoch"] = 2,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 6.7999999999999998,
              ["max"] = 9,
              ["min"] = 3,
            },
            ["mode"] = "follower",
            ["node_count"] = 198,
            ["outstanding"] = 0,
            ["received"] = 10,
            ["sent"] = 9,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 8589934679,
          },
        },
      },
      ["n"] = 1,
    },
    [2] = {
      [1] = {
        [1] = {
          ["answer"] = "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC\
Latency min/avg/max: 0/2.6724/22\
Received: 125\
Sent: 125\
Connections: 2\
Outstanding: 0\
Zxid: 0x20000005c\
Mode: leader\
Node count: 198\
Proposal sizes last/min/max: 48/36/1293\
",
          ["elapsed"] = 0.0080000000000000002,
          ["host"] = "@NET@.14",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 2,
            ["counter"] = 92,
            ["epoch"] = 2,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 2.6724000000000001,
              ["max"] = 22,
              ["min"] = 0,
            },
            ["mode"] = "leader",
            ["node_count"] = 198,
            ["outstanding"] = 0,
            ["received"] = 125,
            ["sent"] = 125,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 8589934684,
          },
        },
        [2] = {
          ["answer"] = "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC\
Latency min/avg/max: 0/3.491/43\
Received: 287\
Sent: 287\
Connections: 3\
Outstanding: 0\
Zxid: 0x20000005c\
Mode: follower\
Node count: 198\
",
          ["elapsed"] = 0.0080000000000000002,
          ["host"] = "@NET@.15",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 3,
            ["counter"] = 92,
            ["epoch"] = 2,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 3.4910000000000001,
              ["max"] = 43,
              ["min"] = 0,
            },
            ["mode"] = "follower",
            ["node_count"] = 198,
            ["outstanding"] = 0,
            ["received"] = 287,
            ["sent"] = 287,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 8589934684,
          },
        },
        [3] = {
          ["answer"] = "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC\
Latency min/avg/max: 0/5.1333/14\
Received: 23\
Sent: 22\
Connections: 1\
Outstanding: 0\
Zxid: 0x20000005c\
Mode: follower\
Node count: 198\
",
          ["elapsed"] = 0.032000000000000001,
          ["host"] = "@NET@.16",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 1,
            ["counter"] = 92,
            ["epoch"] = 2,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 5.1333000000000002,
              ["max"] = 14,
              ["min"] = 0,
            },
            ["mode"] = "follower",
            ["node_count"] = 198,
            ["outstanding"] = 0,
            ["received"] = 23,
            ["sent"] = 22,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 8589934684,
          },
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
}
