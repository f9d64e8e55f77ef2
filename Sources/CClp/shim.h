/* COIN-OR Clp's C interface (Debian coinor-libclp-dev: /usr/include/coin/Clp_C_Interface.h).
   pkg-config clp adds -I/usr/include/coin, so the header's own #include "Coin_C_defines.h" resolves. */
#ifndef ZEROPARK_CCLP_SHIM_H
#define ZEROPARK_CCLP_SHIM_H
#include <stdbool.h>
#include <coin/Clp_C_Interface.h>
#endif
