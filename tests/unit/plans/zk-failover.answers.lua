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
  ["ch query [@NET@.23:8123,@NET@.24:8123] SELECT query, elapsed FROM system.processes ORDER BY elapsed DESC"] = {
    [1] = {
      [1] = {
        [1] = {
          ["elapsed"] = 0.035999999999999997,
          ["host"] = "@NET@.23",
          ["ok"] = true,
          ["port"] = 8123,
          ["rows"] = {
            [1] = {
              ["elapsed"] = "0.000928343",
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
          ["elapsed"] = 0.035999999999999997,
          ["host"] = "@NET@.24",
          ["ok"] = true,
          ["port"] = 8123,
          ["rows"] = {
            [1] = {
              ["elapsed"] = "0.002136289",
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
  ["fourlw probe [@NET@.11:2181,@NET@.12:2181,@NET@.13:2181,@NET@.14:2181,@NET@.15:2181,@NET@.16:2181] srvr"] = {
    [1] = {
      [1] = {
        [1] = {
          ["answer"] = "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC\
Latency min/avg/max: 0/1.6256/44\
Received: 460\
Sent: 462\
Connections: 2\
Outstanding: 0\
Zxid: 0x1000000cf\
Mode: follower\
Node count: 197\
",
          ["elapsed"] = 0.021000000000000001,
          ["host"] = "@NET@.11",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 2,
            ["counter"] = 207,
            ["epoch"] = 1,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 1.6255999999999999,
              ["max"] = 44,
              ["min"] = 0,
            },
            ["mode"] = "follower",
            ["node_count"] = 197,
            ["outstanding"] = 0,
            ["received"] = 460,
            ["sent"] = 462,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 4294967503,
          },
        },
        [2] = {
          ["answer"] = "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC\
Latency min/avg/max: 0/2.8866/64\
Received: 199\
Sent: 201\
Connections: 2\
Outstanding: 0\
Zxid: 0x1000000cf\
Mode: follower\
Node count: 197\
",
          ["elapsed"] = 0.021000000000000001,
          ["host"] = "@NET@.12",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 2,
            ["counter"] = 207,
            ["epoch"] = 1,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 2.8866000000000001,
              ["max"] = 64,
              ["min"] = 0,
            },
            ["mode"] = "follower",
            ["node_count"] = 197,
            ["outstanding"] = 0,
            ["received"] = 199,
            ["sent"] = 201,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 4294967503,
          },
        },
        [3] = {
          ["answer"] = "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC\
Latency min/avg/max: 0/2.2399/157\
Received: 401\
Sent: 406\
Connections: 3\
Outstanding: 0\
Zxid: 0x1000000cf\
Mode: leader\
Node count: 197\
Proposal sizes last/min/max: 48/36/1295\
",
          ["elapsed"] = 0.021000000000000001,
          ["host"] = "@NET@.13",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 3,
            ["counter"] = 207,
            ["epoch"] = 1,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 2.2399,
              ["max"] = 157,
              ["min"] = 0,
            },
            ["mode"] = "leader",
            ["node_count"] = 197,
            ["outstanding"] = 0,
            ["received"] = 401,
            ["sent"] = 406,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 4294967503,
          },
        },
        [4] = {
          ["answer"] = "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC\
Latency min/avg/max: 1/10.0/21\
Received: 10\
Sent: 9\
Connections: 1\
Outstanding: 0\
Zxid: 0x1000000cf\
Mode: observer\
Node count: 197\
",
          ["elapsed"] = 0.063,
          ["host"] = "@NET@.14",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 1,
            ["counter"] = 207,
            ["epoch"] = 1,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 10,
              ["max"] = 21,
              ["min"] = 1,
            },
            ["mode"] = "observer",
            ["node_count"] = 197,
            ["outstanding"] = 0,
            ["received"] = 10,
            ["sent"] = 9,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 4294967503,
          },
        },
        [5] = {
          ["code"] = "refused",
          ["elapsed"] = 0.021000000000000001,
          ["error"] = "@NET@.15:2181: connect: Connection refused",
          ["host"] = "@NET@.15",
          ["ok"] = false,
          ["port"] = 2181,
        },
        [6] = {
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
    [2] = {
      [1] = {
        [1] = {
          ["answer"] = "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC\
Latency min/avg/max: 0/1.5708/44\
Received: 481\
Sent: 483\
Connections: 2\
Outstanding: 0\
Zxid: 0x1000000d3\
Mode: follower\
Node count: 197\
",
          ["elapsed"] = 0.025999999999999999,
          ["host"] = "@NET@.11",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 2,
            ["counter"] = 211,
            ["epoch"] = 1,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 1.5708,
              ["max"] = 44,
              ["min"] = 0,
            },
            ["mode"] = "follower",
            ["node_count"] = 197,
            ["outstanding"] = 0,
            ["received"] = 481,
            ["sent"] = 483,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 4294967507,
          },
        },
        [2] = {
          ["answer"] = "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC\
Latency min/avg/max: 0/2.8718/64\
Received: 202\
Sent: 204\
Connections: 2\
Outstanding: 0\
Zxid: 0x1000000d3\
Mode: follower\
Node count: 197\
",
          ["elapsed"] = 0.032000000000000001,
          ["host"] = "@NET@.12",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 2,
            ["counter"] = 211,
            ["epoch"] = 1,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 2.8717999999999999,
              ["max"] = 64,
              ["min"] = 0,
            },
            ["mode"] = "follower",
            ["node_count"] = 197,
            ["outstanding"] = 0,
            ["received"] = 202,
            ["sent"] = 204,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 4294967507,
          },
        },
        [3] = {
          ["answer"] = "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC\
Latency min/avg/max: 0/2.2153/157\
Received: 412\
Sent: 417\
Connections: 3\
Outstanding: 0\
Zxid: 0x1000000d3\
Mode: leader\
Node count: 197\
Proposal sizes last/min/max: 48/36/1295\
",
          ["elapsed"] = 0.029000000000000001,
          ["host"] = "@NET@.13",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 3,
            ["counter"] = 211,
            ["epoch"] = 1,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 2.2153,
              ["max"] = 157,
              ["min"] = 0,
            },
            ["mode"] = "leader",
            ["node_count"] = 197,
            ["outstanding"] = 0,
            ["received"] = 412,
            ["sent"] = 417,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 4294967507,
          },
        },
        [4] = {
          ["answer"] = "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC\
Latency min/avg/max: 1/7.7778/21\
Received: 18\
Sent: 17\
Connections: 1\
Outstanding: 0\
Zxid: 0x1000000d3\
Mode: observer\
Node count: 197\
",
          ["elapsed"] = 0.029000000000000001,
          ["host"] = "@NET@.14",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 1,
            ["counter"] = 211,
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
            ["received"] = 18,
            ["sent"] = 17,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 4294967507,
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
  },
  ["fourlw probe [@NET@.11:2181,@NET@.12:2181,@NET@.13:2181] srvr"] = {
    [1] = {
      [1] = {
        [1] = {
          ["answer"] = "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC\
Latency min/avg/max: 0/1.5901/44\
Received: 473\
Sent: 475\
Connections: 2\
Outstanding: 0\
Zxid: 0x1000000d1\
Mode: follower\
Node count: 197\
",
          ["elapsed"] = 0.010999999999999999,
          ["host"] = "@NET@.11",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 2,
            ["counter"] = 209,
            ["epoch"] = 1,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 1.5901000000000001,
              ["max"] = 44,
              ["min"] = 0,
            },
            ["mode"] = "follower",
            ["node_count"] = 197,
            ["outstanding"] = 0,
            ["received"] = 473,
            ["sent"] = 475,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 4294967505,
          },
        },
        [2] = {
          ["answer"] = "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC\
Latency min/avg/max: 0/2.8866/64\
Received: 200\
Sent: 202\
Connections: 2\
Outstanding: 0\
Zxid: 0x1000000d1\
Mode: follower\
Node count: 197\
",
          ["elapsed"] = 0.010999999999999999,
          ["host"] = "@NET@.12",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 2,
            ["counter"] = 209,
            ["epoch"] = 1,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 2.8866000000000001,
              ["max"] = 64,
              ["min"] = 0,
            },
            ["mode"] = "follower",
            ["node_count"] = 197,
            ["outstanding"] = 0,
            ["received"] = 200,
            ["sent"] = 202,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 4294967505,
          },
        },
        [3] = {
          ["answer"] = "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC\
Latency min/avg/max: 0/2.2264/157\
Received: 409\
Sent: 414\
Connections: 3\
Outstanding: 0\
Zxid: 0x1000000d1\
Mode: leader\
Node count: 197\
Proposal sizes last/min/max: 48/36/1295\
",
          ["elapsed"] = 0.010999999999999999,
          ["host"] = "@NET@.13",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 3,
            ["counter"] = 209,
            ["epoch"] = 1,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 2.2263999999999999,
              ["max"] = 157,
              ["min"] = 0,
            },
            ["mode"] = "leader",
            ["node_count"] = 197,
            ["outstanding"] = 0,
            ["received"] = 409,
            ["sent"] = 414,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 4294967505,
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
Latency min/avg/max: 1/10.0/21\
Received: 11\
Sent: 10\
Connections: 1\
Outstanding: 0\
Zxid: 0x1000000d1\
Mode: observer\
Node count: 197\
",
          ["elapsed"] = 0.0030000000000000001,
          ["host"] = "@NET@.14",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 1,
            ["counter"] = 209,
            ["epoch"] = 1,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 10,
              ["max"] = 21,
              ["min"] = 1,
            },
            ["mode"] = "observer",
            ["node_count"] = 197,
            ["outstanding"] = 0,
            ["received"] = 11,
            ["sent"] = 10,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 4294967505,
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
Latency min/avg/max: 1/10.0/21\
Received: 12\
Sent: 11\
Connections: 1\
Outstanding: 0\
Zxid: 0x1000000d1\
Mode: observer\
Node count: 197\
",
          ["elapsed"] = 0.012,
          ["host"] = "@NET@.14",
          ["ok"] = true,
          ["port"] = 2181,
          ["result"] = {
            ["connections"] = 1,
            ["counter"] = 209,
            ["epoch"] = 1,
            ["flavor"] = "zookeeper",
            ["latency"] = {
              ["avg"] = 10,
              ["max"] = 21,
              ["min"] = 1,
            },
            ["mode"] = "observer",
            ["node_count"] = 197,
            ["outstanding"] = 0,
            ["received"] = 12,
            ["sent"] = 11,
            ["serving"] = true,
            ["version"] = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC",
            ["zxid"] = 4294967505,
          },
        },
        [2] = {
          ["code"] = "refused",
          ["elapsed"] = 0.01,
          ["error"] = "@NET@.15:2181: connect: Connection refused",
          ["host"] = "@NET@.15",
          ["ok"] = false,
          ["port"] = 2181,
        },
        [3] = {
          ["code"] = "refused",
          ["elapsed"] = 0.01,
          ["error"] = "@NET@.16:2181: connect: Connection refused",
          ["host"] = "@NET@.16",
          ["ok"] = false,
          ["port"] = 2181,
        },
      },
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
