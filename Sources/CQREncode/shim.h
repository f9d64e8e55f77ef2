/* libqrencode (Debian libqrencode-dev: /usr/include/qrencode.h), found with pkg-config libqrencode. */
#ifndef ZEROPARK_CQRENCODE_SHIM_H
#define ZEROPARK_CQRENCODE_SHIM_H
#include <qrencode.h>
#endif
