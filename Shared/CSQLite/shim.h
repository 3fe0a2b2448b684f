#ifndef KANSLI_CSQLITE_SHIM_H
#define KANSLI_CSQLITE_SHIM_H
#include <sqlite3.h>

/// `sqlite3_db_config` is variadic, which Swift cannot call. This wrapper covers the options that
/// take an `int` and report the resulting setting through an `int *` (e.g. SQLITE_DBCONFIG_DQS_DML,
/// SQLITE_DBCONFIG_DEFENSIVE). Returns SQLite's result code.
static inline int kansli_sqlite3_db_config_int(sqlite3 *db, int op, int value, int *result) {
    return sqlite3_db_config(db, op, value, result);
}

#endif
