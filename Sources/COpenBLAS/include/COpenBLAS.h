#ifndef WNFIGURES_COPENBLAS_H
#define WNFIGURES_COPENBLAS_H
// OpenBLAS's CBLAS interface, loaded at run time instead of at link time.
//
// OpenBLAS picks its compute kernel from the CPU (or from OPENBLAS_CORETYPE) in the constructor
// that runs when the library is loaded, and different kernels round differently. Linked the usual
// way it loads before main, too early for the program to choose. Loading it with dlopen, after
// the kernel is fixed, makes every process that does linear algebra (wnfig, wnbench, the tests)
// use the same kernel, however it was started. The types and enums still come from <cblas.h>.
#include <cblas.h>

/// 1 when OpenBLAS is already mapped into this process (loaded by someone else, with a kernel
/// this program did not choose).
int wn_openblas_is_mapped(void);

/// Loads libopenblas.so.0 with OPENBLAS_CORETYPE set to `coretype` (NULL: OpenBLAS chooses),
/// restoring the caller's environment afterwards. Returns NULL on success, else an error message.
/// Call once; the Swift side guarantees that.
const char *wn_openblas_load(const char *coretype);

/// The loaded library's file, its configuration string and the kernel it runs ("Haswell", ...).
const char *wn_openblas_path(void);
const char *wn_openblas_config(void);
const char *wn_openblas_corename(void);
int wn_openblas_get_num_threads(void);
void wn_openblas_set_num_threads(int threads);

/// 1 on an x86-64 CPU with AVX2 and FMA (what OpenBLAS's Haswell kernel executes).
int wn_cpu_has_avx2_fma(void);
/// 1 on an x86-64 CPU with AVX-512F (what the SkylakeX and Cooperlake kernels execute).
int wn_cpu_has_avx512f(void);

void wn_cblas_dgemm(enum CBLAS_ORDER order, enum CBLAS_TRANSPOSE transa, enum CBLAS_TRANSPOSE transb,
                    blasint m, blasint n, blasint k, double alpha, const double *a, blasint lda,
                    const double *b, blasint ldb, double beta, double *c, blasint ldc);
void wn_cblas_dgemv(enum CBLAS_ORDER order, enum CBLAS_TRANSPOSE trans, blasint m, blasint n,
                    double alpha, const double *a, blasint lda, const double *x, blasint incx,
                    double beta, double *y, blasint incy);

#endif
