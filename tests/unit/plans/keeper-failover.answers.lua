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
  ["ch query [@NET@.23:8123,@NET@.24:8123] SELECT query, elapsed FROM system.processes ORDER BY elapsed DESC"] = {
    [1] = {
      [1] = {
        [1] = {
          ["elapsed"] = 0.0070000000000000001,
          ["host"] = "@NET@.23",
          ["ok"] = true,
          ["port"] = 8123,
          ["rows"] = {
            [1] = {
              ["elapsed"] = "0.000428755",
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
          ["host"] = "@NET@.24",
          ["ok"] = true,
          ["port"] = 8123,
          ["rows"] = {
            [1] = {
              ["elapsed"] = "0.001444825",
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
          ["elapsed"] = 0.056000000000000001,
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
          ["elapsed"] = 0.056000000000000001,
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
  ["fourlw probe [@NET@.11:2181,@NET@.12:2181,@NET@.13:2181,@NET@.14:2181,@NET@.15:2181,@NET@.16:2181] srvr"] = {
    [1] = {
      [1] = {
        [1] = {
          ["answer"] = "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC\
Latency min/avg/max: 0/1.4705/44\
Received: 522\
Sent: 524\
Connections: 2\
Outstanding: 0\
Zxid: 0x1000000e1\
Mode: follower\
Node count: 197\
",
          ["elapsed"] = 0.032000000000000001,
          ["host"] = "@NET@.11",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 2,
            ["counter"] = 225,
            ["epoch"] = 1,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 1.4704999999999999,
              ["max"] = 44,
              ["min"] = 0,
            },
            ["mode"] = "follower",
            ["node_count"] = 197,
            ["outstanding"] = 0,
            ["received"] = 522,
            ["sent"] = 524,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 4294967521,
          },
        },
        [2] = {
          ["answer"] = "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC\
Latency min/avg/max: 0/2.805/64\
Received: 213\
Sent: 215\
Connections: 2\
Outstanding: 0\
Zxid: 0x1000000e1\
Mode: follower\
Node count: 197\
",
          ["elapsed"] = 0.037999999999999999,
          ["host"] = "@NET@.12",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 2,
            ["counter"] = 225,
            ["epoch"] = 1,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 2.8050000000000002,
              ["max"] = 64,
              ["min"] = 0,
            },
            ["mode"] = "follower",
            ["node_count"] = 197,
            ["outstanding"] = 0,
            ["received"] = 213,
            ["sent"] = 215,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 4294967521,
          },
        },
        [3] = {
          ["answer"] = "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC\
Latency min/avg/max: 0/2.1017/157\
Received: 480\
Sent: 485\
Connections: 3\
Outstanding: 0\
Zxid: 0x1000000e1\
Mode: leader\
Node count: 197\
Proposal sizes last/min/max: 48/36/1295\
",
          ["elapsed"] = 0.037999999999999999,
          ["host"] = "@NET@.13",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 3,
            ["counter"] = 225,
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
            ["received"] = 480,
            ["sent"] = 485,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 4294967521,
          },
        },
        [4] = {
          ["answer"] = "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC\
Latency min/avg/max: 0/5.4348/21\
Received: 42\
Sent: 41\
Connections: 1\
Outstanding: 0\
Zxid: 0x1000000e1\
Mode: observer\
Node count: 197\
",
          ["elapsed"] = 0.037999999999999999,
          ["host"] = "@NET@.14",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 1,
            ["counter"] = 225,
            ["epoch"] = 1,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 5.4348000000000001,
              ["max"] = 21,
              ["min"] = 0,
            },
            ["mode"] = "observer",
            ["node_count"] = 197,
            ["outstanding"] = 0,
            ["received"] = 42,
            ["sent"] = 41,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 4294967521,
          },
        },
        [5] = {
          ["code"] = "refused",
          ["elapsed"] = 0.032000000000000001,
          ["error"] = "@NET@.15:2181: connect: Connection refused",
          ["host"] = "@NET@.15",
          ["ok"] = false,
          ["port"] = 2181,
        },
        [6] = {
          ["code"] = "refused",
          ["elapsed"] = 0.032000000000000001,
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
Latency min/avg/max: 0/1.4395/44\
Received: 537\
Sent: 539\
Connections: 2\
Outstanding: 0\
Zxid: 0x1000000e5\
Mode: follower\
Node count: 197\
",
          ["elapsed"] = 0.0040000000000000001,
          ["host"] = "@NET@.11",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 2,
            ["counter"] = 229,
            ["epoch"] = 1,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 1.4395,
              ["max"] = 44,
              ["min"] = 0,
            },
            ["mode"] = "follower",
            ["node_count"] = 197,
            ["outstanding"] = 0,
            ["received"] = 537,
            ["sent"] = 539,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 4294967525,
          },
        },
        [2] = {
          ["answer"] = "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC\
Latency min/avg/max: 0/2.791/64\
Received: 216\
Sent: 218\
Connections: 2\
Outstanding: 0\
Zxid: 0x1000000e5\
Mode: follower\
Node count: 197\
",
          ["elapsed"] = 0.0060000000000000001,
          ["host"] = "@NET@.12",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 2,
            ["counter"] = 229,
            ["epoch"] = 1,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 2.7909999999999999,
              ["max"] = 64,
              ["min"] = 0,
            },
            ["mode"] = "follower",
            ["node_count"] = 197,
            ["outstanding"] = 0,
            ["received"] = 216,
            ["sent"] = 218,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 4294967525,
          },
        },
        [3] = {
          ["answer"] = "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC\
Latency min/avg/max: 0/2.1087/157\
Received: 490\
Sent: 495\
Connections: 3\
Outstanding: 0\
Zxid: 0x1000000e5\
Mode: leader\
Node count: 197\
Proposal sizes last/min/max: 48/36/1295\
",
          ["elapsed"] = 0.002,
          ["host"] = "@NET@.13",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 3,
            ["counter"] = 229,
            ["epoch"] = 1,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 2.1086999999999998,
              ["max"] = 157,
              ["min"] = 0,
            },
            ["mode"] = "leader",
            ["node_count"] = 197,
            ["outstanding"] = 0,
            ["received"] = 490,
            ["sent"] = 495,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 4294967525,
          },
        },
        [4] = {
          ["answer"] = "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC\
Latency min/avg/max: 0/5.0/21\
Received: 50\
Sent: 49\
Connections: 1\
Outstanding: 0\
Zxid: 0x1000000e5\
Mode: observer\
Node count: 197\
",
          ["elapsed"] = 0.001,
          ["host"] = "@NET@.14",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 1,
            ["counter"] = 229,
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
            ["received"] = 50,
            ["sent"] = 49,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 4294967525,
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
  },
  ["fourlw probe [@NET@.11:2181,@NET@.12:2181,@NET@.13:2181] srvr"] = {
    [1] = {
      [1] = {
        [1] = {
          ["answer"] = "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC\
Latency min/avg/max: 0/1.4395/44\
Received: 536\
Sent: 538\
Connections: 2\
Outstanding: 0\
Zxid: 0x1000000e3\
Mode: follower\
Node count: 197\
",
          ["elapsed"] = 0.0050000000000000001,
          ["host"] = "@NET@.11",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 2,
            ["counter"] = 227,
            ["epoch"] = 1,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 1.4395,
              ["max"] = 44,
              ["min"] = 0,
            },
            ["mode"] = "follower",
            ["node_count"] = 197,
            ["outstanding"] = 0,
            ["received"] = 536,
            ["sent"] = 538,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 4294967523,
          },
        },
        [2] = {
          ["answer"] = "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC\
Latency min/avg/max: 0/2.791/64\
Received: 215\
Sent: 217\
Connections: 2\
Outstanding: 0\
Zxid: 0x1000000e3\
Mode: follower\
Node count: 197\
",
          ["elapsed"] = 0.0050000000000000001,
          ["host"] = "@NET@.12",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 2,
            ["counter"] = 227,
            ["epoch"] = 1,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 2.7909999999999999,
              ["max"] = 64,
              ["min"] = 0,
            },
            ["mode"] = "follower",
            ["node_count"] = 197,
            ["outstanding"] = 0,
            ["received"] = 215,
            ["sent"] = 217,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 4294967523,
          },
        },
        [3] = {
          ["answer"] = "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC\
Latency min/avg/max: 0/2.1087/157\
Received: 489\
Sent: 494\
Connections: 3\
Outstanding: 0\
Zxid: 0x1000000e3\
Mode: leader\
Node count: 197\
Proposal sizes last/min/max: 48/36/1295\
",
          ["elapsed"] = 0.0050000000000000001,
          ["host"] = "@NET@.13",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 3,
            ["counter"] = 227,
            ["epoch"] = 1,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 2.1086999999999998,
              ["max"] = 157,
              ["min"] = 0,
            },
            ["mode"] = "leader",
            ["node_count"] = 197,
            ["outstanding"] = 0,
            ["received"] = 489,
            ["sent"] = 494,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 4294967523,
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
Latency min/avg/max: 0/5.4348/21\
Received: 43\
Sent: 42\
Connections: 1\
Outstanding: 0\
Zxid: 0x1000000e3\
Mode: observer\
Node count: 197\
",
          ["elapsed"] = 0.029000000000000001,
          ["host"] = "@NET@.14",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 1,
            ["counter"] = 227,
            ["epoch"] = 1,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 5.4348000000000001,
              ["max"] = 21,
              ["min"] = 0,
            },
            ["mode"] = "observer",
            ["node_count"] = 197,
            ["outstanding"] = 0,
            ["received"] = 43,
            ["sent"] = 42,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 4294967523,
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
Latency min/avg/max: 0/5.4348/21\
Received: 44\
Sent: 43\
Connections: 1\
Outstanding: 0\
Zxid: 0x1000000e3\
Mode: observer\
Node count: 197\
",
          ["elapsed"] = 0.0030000000000000001,
          ["host"] = "@NET@.14",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 1,
            ["counter"] = 227,
            ["epoch"] = 1,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 5.4348000000000001,
              ["max"] = 21,
              ["min"] = 0,
            },
            ["mode"] = "observer",
            ["node_count"] = 197,
            ["outstanding"] = 0,
            ["received"] = 44,
            ["sent"] = 43,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 4294967523,
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
