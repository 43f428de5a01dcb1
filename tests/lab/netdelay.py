#!/usr/bin/env python3
"""netdelay.py: delay (and optionally drop) the packets an iptables NFQUEUE
rule hands to userspace, for the network lab (tests/lab/lab latency) on
kernels without sch_netem.  Every packet of queue QUEUE is held DELAY_MS and
then accepted (or dropped with probability LOSS_PERCENT / 100), in arrival
order.  Speaks nfnetlink_queue directly over a netlink socket, so it needs
nothing beyond Python.

    netdelay.py QUEUE DELAY_MS [LOSS_PERCENT]

Runs until SIGTERM; it is started inside the lab's router namespace."""
import heapq
import os
import random
import select
import signal
import socket
import struct
import sys
import time

NETLINK_NETFILTER = 12
NFNL_SUBSYS_QUEUE = 3
NFQNL_MSG_PACKET, NFQNL_MSG_VERDICT, NFQNL_MSG_CONFIG = 0, 1, 2
NFQA_CFG_CMD, NFQA_CFG_PARAMS = 1, 2
NFQNL_CFG_CMD_BIND = 1
NFQNL_COPY_META = 1
NFQA_PACKET_HDR, NFQA_VERDICT_HDR = 1, 2
NLM_F_REQUEST, NLM_F_ACK = 1, 4
NLMSG_ERROR = 2
NF_DROP, NF_ACCEPT = 0, 1


def attr(kind, payload):
    n = 4 + len(payload)
    return struct.pack("=HH", n, kind) + payload + b"\0" * ((4 - n % 4) % 4)


def message(msg, queue, attrs, flags=NLM_F_REQUEST):
    body = struct.pack("=BBH", socket.AF_UNSPEC, 0, socket.htons(queue)) + b"".join(attrs)
    kind = (NFNL_SUBSYS_QUEUE << 8) | msg
    return struct.pack("=IHHII", 16 + len(body), kind, flags, 0, 0) + body


def check_ack(sock, what):
    data = sock.recv(65536)
    if len(data) >= 20:
        _, kind, _, _, _ = struct.unpack_from("=IHHII", data)
        if kind == NLMSG_ERROR:
            (code,) = struct.unpack_from("=i", data, 16)
            if code:
                sys.exit("netdelay: %s: %s" % (what, os.strerror(-code)))


def packet_ids(data):
    """The packet ids of the NFQNL_MSG_PACKET messages in one recv."""
    off = 0
    while off + 16 <= len(data):
        n, kind, _, _, _ = struct.unpack_from("=IHHII", data, off)
        if n < 16:
            break
        if kind == (NFNL_SUBSYS_QUEUE << 8) | NFQNL_MSG_PACKET:
            a = off + 20
            while a + 4 <= off + n:
                alen, akind = struct.unpack_from("=HH", data, a)
                if alen < 4:
                    break
                if (akind & 0x7FFF) == NFQA_PACKET_HDR:
                    yield struct.unpack_from("!I", data, a + 4)[0]
                a += (alen + 3) & ~3
        off += (n + 3) & ~3


def main():
    if len(sys.argv) not in (3, 4):
        sys.exit("usage: netdelay.py QUEUE DELAY_MS [LOSS_PERCENT]")
    queue, delay = int(sys.argv[1]), float(sys.argv[2]) / 1000.0
    loss = float(sys.argv[3]) / 100.0 if len(sys.argv) == 4 else 0.0
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    sock = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, NETLINK_NETFILTER)
    sock.bind((0, 0))
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4 << 20)
    cmd = struct.pack("!BBH", NFQNL_CFG_CMD_BIND, 0, 0)
    sock.send(message(NFQNL_MSG_CONFIG, queue, [attr(NFQA_CFG_CMD, cmd)], NLM_F_REQUEST | NLM_F_ACK))
    check_ack(sock, "bind queue %d" % queue)
    params = struct.pack("!IB", 0, NFQNL_COPY_META)
    sock.send(message(NFQNL_MSG_CONFIG, queue, [attr(NFQA_CFG_PARAMS, params)], NLM_F_REQUEST | NLM_F_ACK))
    check_ack(sock, "copy mode")
    print("netdelay: queue %d: holding every packet %.1f ms, loss %.1f%%" % (queue, delay * 1000, loss * 100),
          flush=True)
    held = []  # (due, seq, packet id)
    seq = 0
    while True:
        now = time.monotonic()
        while held and held[0][0] <= now:
            _, _, pid = heapq.heappop(held)
            verdict = NF_DROP if loss and random.random() < loss else NF_ACCEPT
            sock.send(message(NFQNL_MSG_VERDICT, queue, [attr(NFQA_VERDICT_HDR, struct.pack("!II", verdict, pid))]))
        timeout = max(0.0, held[0][0] - now) if held else 1.0
        ready, _, _ = select.select([sock], [], [], timeout)
        if ready:
            data = sock.recv(1 << 17)
            due = time.monotonic() + delay
            for pid in packet_ids(data):
                seq += 1
                heapq.heappush(held, (due, seq, pid))


if __name__ == "__main__":
    main()
