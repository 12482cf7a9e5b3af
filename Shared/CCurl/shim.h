#ifndef FENLIU_CCURL_SHIM_H
#define FENLIU_CCURL_SHIM_H
// curl_easy_setopt and curl_easy_getinfo are variadic, which Swift cannot call; these typed
// wrappers are the only way Swift reaches them (as swift-corelibs-foundation does).
#include <curl/curl.h>

typedef size_t (*fenliu_curl_data_callback)(char *data, size_t size, size_t count, void *userdata);

static inline CURLcode fenliu_curl_setopt_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode fenliu_curl_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode fenliu_curl_setopt_pointer(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode fenliu_curl_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode fenliu_curl_setopt_callback(CURL *handle, CURLoption option, fenliu_curl_data_callback value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode fenliu_curl_setopt_size(CURL *handle, CURLoption option, curl_off_t value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode fenliu_curl_getinfo_long(CURL *handle, CURLINFO info, long *value) {
    return curl_easy_getinfo(handle, info, value);
}
#endif
