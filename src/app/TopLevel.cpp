#include "app/TopLevel.h"

#include <exception>
#include <new>

namespace spineviz {

int runGuarded(const std::function<int()>& body, std::FILE* err) {
    try {
        return body();
    } catch (const std::bad_alloc&) {
        std::fputs("spineviz: out of memory\n", err);
    } catch (const std::exception& e) {
        std::fprintf(err, "spineviz: internal error: %s\n", e.what());
    } catch (...) {
        std::fputs("spineviz: internal error: unknown exception\n", err);
    }
    std::fflush(err);
    return 1;
}

} // namespace spineviz
