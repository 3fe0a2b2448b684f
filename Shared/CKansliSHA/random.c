// getrandom(2) for Swift: Glibc's Swift module does not import <sys/random.h>.
#include "CKansliSHA.h"

#include <errno.h>

#if defined(__linux__)
#include <sys/random.h>
#endif

long kansli_getrandom(void *buffer, size_t count) {
#if defined(__linux__)
    return (long)getrandom(buffer, count, 0);
#else
    (void)buffer;
    (void)count;
    errno = ENOSYS;
    return -1;
#endif
}
