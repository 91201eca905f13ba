#if canImport(Glibc)
import Glibc
#endif

/// glibc's exp without its errno wrapper. Since glibc 2.29 `exp` is a wrapper that calls the
/// ifunc-selected kernel (`__exp_finite`, e.g. __ieee754_exp_fma) and then only inspects the
/// result to set errno on overflow/underflow; the value it returns is the kernel's, untouched.
/// The g-steps and pointwise passes take ~11 exponentials per sample an iteration, where the
/// wrapper's call and checks cost about as much as the kernel. Where the kernel is not exported
/// (another libc), this is `exp` itself — bit-identical either way (LibmExpTests).
public enum LibmExp {
    public typealias Function = @convention(c) (Double) -> Double

    /// The kernel, or `exp` where it cannot be found.
    public static let function: Function = kernel ?? { Foundation_exp($0) }

    /// Whether `function` is glibc's kernel rather than `exp`.
    public static var usesKernel: Bool { kernel != nil }

    private static let kernel: Function? = {
        #if canImport(Glibc)
        // A compat symbol (no default version), so only a versioned lookup finds it; dlvsym is a
        // GNU extension that Swift's Glibc module does not import.
        typealias VersionedLookup = @convention(c) (UnsafeMutableRawPointer?, UnsafePointer<CChar>, UnsafePointer<CChar>) -> UnsafeMutableRawPointer?
        guard let lookup = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "dlvsym"),
              let library = dlopen("libm.so.6", RTLD_NOW | RTLD_NOLOAD),
              let symbol = unsafeBitCast(lookup, to: VersionedLookup.self)(library, "__exp_finite", "GLIBC_2.15")
        else { return nil }
        return unsafeBitCast(symbol, to: Function.self)
        #else
        return nil
        #endif
    }()
}

@inline(never)
private func Foundation_exp(_ x: Double) -> Double { exp(x) }
