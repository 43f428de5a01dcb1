/* bind_src: an LD_PRELOAD shim for the lab's bastion sshd.  On loopback
 * every connection comes from 127.0.0.1 whatever address it goes to, so a
 * host cannot tell the bastion's forwarded connections from direct ones.
 * With DRCTL_BIND_SRC=ADDR, IPv4 connections to 127.0.0.0/8 are bound to
 * ADDR first: the dallas sshds of the jump test then admit only ADDR. */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <dlfcn.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

int connect(int fd, const struct sockaddr *sa, socklen_t len)
{
    static int (*real_connect)(int, const struct sockaddr *, socklen_t);
    if (!real_connect)
        real_connect =
            (int (*)(int, const struct sockaddr *, socklen_t))dlsym(RTLD_NEXT, "connect");
    const char *src = getenv("DRCTL_BIND_SRC");
    if (src && sa && sa->sa_family == AF_INET && len >= (socklen_t)sizeof(struct sockaddr_in)) {
        const struct sockaddr_in *in = (const struct sockaddr_in *)sa;
        if ((ntohl(in->sin_addr.s_addr) >> 24) == 127) {
            struct sockaddr_in me;
            memset(&me, 0, sizeof me);
            me.sin_family = AF_INET;
            if (inet_pton(AF_INET, src, &me.sin_addr) == 1)
                bind(fd, (struct sockaddr *)&me, sizeof me); /* best effort */
        }
    }
    return real_connect(fd, sa, len);
}
