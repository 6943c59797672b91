// Linux test builds only. Debian 13's Swift 6.0.3 runtime leaves the C++ function
// swift::threading::fatal(const char *, ...) undefined, yet libswiftObservation calls it, so
// nothing using Observation links. This stands in for it: print and abort, as the runtime's
// own does. Apple platforms never build this target.
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "shim.h"

void mend_swift_threading_fatal(const char *format, ...) __asm__("_ZN5swift9threading5fatalEPKcz");

void mend_swift_threading_fatal(const char *format, ...) {
    va_list args;
    va_start(args, format);
    vfprintf(stderr, format, args);
    va_end(args);
    abort();
}
