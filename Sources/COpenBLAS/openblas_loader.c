#define _GNU_SOURCE
#include "COpenBLAS.h"

#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define OPENBLAS_SONAME "libopenblas.so.0"

typedef void (*dgemm_fn)(enum CBLAS_ORDER, enum CBLAS_TRANSPOSE, enum CBLAS_TRANSPOSE, blasint, blasint,
                         blasint, double, const double *, blasint, const double *, blasint, double, double *,
                         blasint);
typedef void (*dgemv_fn)(enum CBLAS_ORDER, enum CBLAS_TRANSPOSE, blasint, blasint, double, const double *,
                         blasint, const double *, blasint, double, double *, blasint);
typedef char *(*name_fn)(void);
typedef int (*get_threads_fn)(void);
typedef void (*set_threads_fn)(int);

// Written once by wn_openblas_load, before any other entry point is used (the Swift side loads
// the library in a `static let` initializer, which runs exactly once), read-only afterwards.
static struct {
    dgemm_fn dgemm;
    dgemv_fn dgemv;
    name_fn corename;
    name_fn config;
    get_threads_fn get_threads;
    set_threads_fn set_threads;
    char path[4096];
} blas;

static char load_error[512];

int wn_openblas_is_mapped(void) {
    void *handle = dlopen(OPENBLAS_SONAME, RTLD_NOW | RTLD_NOLOAD);
    if (handle == NULL) return 0;
    dlclose(handle);
    return 1;
}

const char *wn_openblas_load(const char *coretype) {
    char *saved = NULL;
    const char *previous = getenv("OPENBLAS_CORETYPE");
    if (previous != NULL) saved = strdup(previous);
    if (coretype != NULL) setenv("OPENBLAS_CORETYPE", coretype, 1);
    void *handle = dlopen(OPENBLAS_SONAME, RTLD_NOW | RTLD_LOCAL);
    // The kernel is chosen in the library's constructor, which has run now: child processes and
    // the rest of the program see the environment the user gave.
    if (coretype != NULL) {
        if (saved != NULL) setenv("OPENBLAS_CORETYPE", saved, 1); else unsetenv("OPENBLAS_CORETYPE");
    }
    free(saved);
    if (handle == NULL) {
        snprintf(load_error, sizeof load_error, "cannot load %s (%s); install Debian's libopenblas0-pthread",
                 OPENBLAS_SONAME, dlerror());
        return load_error;
    }
    blas.dgemm = (dgemm_fn)dlsym(handle, "cblas_dgemm");
    blas.dgemv = (dgemv_fn)dlsym(handle, "cblas_dgemv");
    blas.corename = (name_fn)dlsym(handle, "openblas_get_corename");
    blas.config = (name_fn)dlsym(handle, "openblas_get_config");
    blas.get_threads = (get_threads_fn)dlsym(handle, "openblas_get_num_threads");
    blas.set_threads = (set_threads_fn)dlsym(handle, "openblas_set_num_threads");
    if (!blas.dgemm || !blas.dgemv || !blas.corename || !blas.config || !blas.get_threads || !blas.set_threads) {
        snprintf(load_error, sizeof load_error, "%s lacks the CBLAS/OpenBLAS entry points; it is not OpenBLAS",
                 OPENBLAS_SONAME);
        return load_error;
    }
    Dl_info info;
    if (dladdr((void *)blas.dgemm, &info) != 0 && info.dli_fname != NULL) {
        char *resolved = realpath(info.dli_fname, NULL);
        snprintf(blas.path, sizeof blas.path, "%s", resolved ? resolved : info.dli_fname);
        free(resolved);
    }
    return NULL;
}

static void require_loaded(const void *entry) {
    if (entry == NULL) {
        fputs("wnfig: internal error: OpenBLAS called before it was loaded (use OpenBLASLibrary)\n", stderr);
        abort();
    }
}

const char *wn_openblas_path(void) { return blas.path; }
const char *wn_openblas_config(void) { require_loaded((const void *)blas.config); return blas.config(); }
const char *wn_openblas_corename(void) { require_loaded((const void *)blas.corename); return blas.corename(); }
int wn_openblas_get_num_threads(void) { require_loaded((const void *)blas.get_threads); return blas.get_threads(); }
void wn_openblas_set_num_threads(int threads) { require_loaded((const void *)blas.set_threads); blas.set_threads(threads); }

int wn_cpu_has_avx2_fma(void) {
#if defined(__x86_64__)
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
#else
    return 0;
#endif
}

int wn_cpu_has_avx512f(void) {
#if defined(__x86_64__)
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx512f");
#else
    return 0;
#endif
}

void wn_cblas_dgemm(enum CBLAS_ORDER order, enum CBLAS_TRANSPOSE transa, enum CBLAS_TRANSPOSE transb,
                    blasint m, blasint n, blasint k, double alpha, const double *a, blasint lda,
                    const double *b, blasint ldb, double beta, double *c, blasint ldc) {
    require_loaded((const void *)blas.dgemm);
    blas.dgemm(order, transa, transb, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
}

void wn_cblas_dgemv(enum CBLAS_ORDER order, enum CBLAS_TRANSPOSE trans, blasint m, blasint n,
                    double alpha, const double *a, blasint lda, const double *x, blasint incx,
                    double beta, double *y, blasint incy) {
    require_loaded((const void *)blas.dgemv);
    blas.dgemv(order, trans, m, n, alpha, a, lda, x, incx, beta, y, incy);
}
