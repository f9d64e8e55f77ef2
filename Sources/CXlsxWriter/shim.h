/* libxlsxwriter (Debian libxlsxwriter-dev: /usr/include/xlsxwriter.h), found with pkg-config xlsxwriter. */
#ifndef ZEROPARK_CXLSXWRITER_SHIM_H
#define ZEROPARK_CXLSXWRITER_SHIM_H
#include <xlsxwriter.h>
#endif
