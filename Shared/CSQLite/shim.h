#ifndef KANSLI_CSQLITE_SHIM_H
#define KANSLI_CSQLITE_SHIM_H
#include <sqlite3.h>
#endif
