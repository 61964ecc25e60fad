package org.lstmlab.engine.math;

/**
 * Decides once whether the Vector API kernels can be used: only when the {@code jdk.incubator.vector} module is
 * in the boot layer (started with {@code --add-modules jdk.incubator.vector}) and not switched off with
 * {@code -Dlstmlab.simd=false}. The vector classes live in {@code engine.math.simd} and are loaded only then.
 */
public final class Simd {
    private static final boolean AVAILABLE = detect();

    private Simd() {
    }

    private static boolean detect() {
        if ("false".equalsIgnoreCase(System.getProperty("lstmlab.simd", "true"))) {
            return false;
        }
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }

    /** True when the Vector API kernels are in use. */
    public static boolean enabled() {
        return AVAILABLE;
    }

    static PointwiseKernel pointwiseKernel() {
        if (AVAILABLE) {
            try {
                return (PointwiseKernel) Class.forName("org.lstmlab.engine.math.simd.VectorPointwise")
                        .getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException | LinkageError e) {
                return new PlainPointwise();
            }
        }
        return new PlainPointwise();
    }

    static GemmKernel gemmKernel() {
        if (AVAILABLE) {
            try {
                return (GemmKernel) Class.forName("org.lstmlab.engine.math.simd.VectorGemm")
                        .getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException | LinkageError e) {
                return new PlainGemm();
            }
        }
        return new PlainGemm();
    }
}
