// See shim.c: a stand-in for a runtime function Debian's Swift leaves undefined.
#ifndef MEND_LINUX_RUNTIME_SHIM_H
#define MEND_LINUX_RUNTIME_SHIM_H
#endif
