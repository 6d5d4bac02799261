/* Preloaded under the sanitizer preset. SDL unloads Mesa at exit, after which LeakSanitizer can
 * only report Mesa's allocations as "<unknown module>"; keeping libraries loaded lets it name them
 * (and lets the suppressions file match them). */
int dlclose(void* handle) {
    (void)handle;
    return 0;
}
