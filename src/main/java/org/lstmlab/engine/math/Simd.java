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
        return load("org.lstmlab.engine.math.simd.VectorPointwise", PointwiseKernel.class, new PlainPointwise());
    }

    /** The matrix kernel to use: the vector kernel when the Vector API is enabled, else the plain one. */
    public static GemmKernel gemmKernel() {
        return load("org.lstmlab.engine.math.simd.VectorGemm", GemmKernel.class, new PlainGemm());
    }

    /** The vector cell equations, or null without the Vector API (the layers then run their own loops). */
    static CellKernel cellKernel() {
        return load("org.lstmlab.engine.math.simd.VectorCells", CellKernel.class, null);
    }

    /** The float32 cell equations and activations on vectors, or the plain loops without the Vector API. */
    static FloatCellKernel floatCellKernel() {
        return load("org.lstmlab.engine.math.simd.VectorFloatCells", FloatCellKernel.class, new PlainFloatCells());
    }

    static FloatGemmKernel floatGemmKernel() {
        return load("org.lstmlab.engine.math.simd.VectorFloatGemm", FloatGemmKernel.class, new PlainFloatGemm());
    }

    private static <T> T load(String className, Class<T> type, T fallback) {
        if (AVAILABLE) {
            try {
                return type.cast(Class.forName(className).getDeclaredConstructor().newInstance());
            } catch (ReflectiveOperationException | LinkageError e) {
                return fallback;
            }
        }
        return fallback;
    }
}
