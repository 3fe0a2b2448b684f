#ifndef KANSLI_CZLIB_SHIM_H
#define KANSLI_CZLIB_SHIM_H
#include <zlib.h>
#endif
