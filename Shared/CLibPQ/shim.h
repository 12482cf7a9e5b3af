#ifndef FENLIU_CLIBPQ_SHIM_H
#define FENLIU_CLIBPQ_SHIM_H
// Debian installs libpq's headers under /usr/include/postgresql (package libpq-dev).
#include <postgresql/libpq-fe.h>
#endif
