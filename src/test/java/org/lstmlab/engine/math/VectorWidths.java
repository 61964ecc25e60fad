package org.lstmlab.engine.math;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;

/**
 * The Vector API kernels at a chosen width, whatever this machine prefers: each width gets its own class loader
 * that defines the classes of {@code engine.math.simd} again from the same bytes, and tells them (through
 * {@link IntSupplier}) the width to fix as their {@code static final} species. So a test runs the 256-bit (AVX2:
 * 4 doubles, 4×3 tiles) and the 512-bit (AVX-512: 8 doubles, 4×4 tiles) kernels in one JVM. A width the CPU does
 * not have runs on the Vector API's Java fallback: slow, same results.
 */
public final class VectorWidths {
    /** The widths every fast kernel is tested at. */
    public static final List<Integer> BITS = List.of(256, 512);

    private static final Map<Integer, Loader> LOADERS = new ConcurrentHashMap<>();

    private VectorWidths() {
    }

    /** A new instance of the simd class {@code simpleName} built for {@code bits}-bit vectors. */
    public static <T> T create(int bits, String simpleName, Class<T> type, Object... args) {
        try {
            Class<?> c = LOADERS.computeIfAbsent(bits, Loader::new)
                    .loadClass("org.lstmlab.engine.math.simd." + simpleName);
            Class<?>[] types = new Class<?>[args.length];
            for (int i = 0; i < args.length; i++) {
                types[i] = args[i] instanceof Integer ? int.class : args[i].getClass();
            }
            return type.cast(c.getConstructor(types).newInstance(args));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + simpleName + " at " + bits + " bits", e);
        }
    }

    /**
     * A new instance of {@code simpleName} from a new copy of the simd classes (a class loader of its own), at the
     * machine's preferred width: {@link KernelCopyBenchMain} shows that copies after the first run slowly.
     */
    public static <T> T createInFreshCopy(String simpleName, Class<T> type) {
        try {
            return type.cast(new Loader(0).loadClass("org.lstmlab.engine.math.simd." + simpleName)
                    .getConstructor().newInstance());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + simpleName, e);
        }
    }

    public static GemmKernel gemm(int bits) {
        return create(bits, "VectorGemm", GemmKernel.class);
    }

    /** A variant of the double kernel: tiles of 4 × {@code tileVectors} vectors, packing and block as given. */
    public static GemmKernel gemm(int bits, int tileVectors, int packMinRows, int bBlockKiB) {
        return create(bits, "VectorGemm", GemmKernel.class, tileVectors, packMinRows, bBlockKiB);
    }

    /** The test-scope Strassen prototype ({@code simd.StrassenGemm}) at {@code bits} around {@code inner}. */
    public static GemmKernel strassen(int bits, GemmKernel inner, long minWork) {
        try {
            Class<?> c = LOADERS.computeIfAbsent(bits, Loader::new)
                    .loadClass("org.lstmlab.engine.math.simd.StrassenGemm");
            return (GemmKernel) c.getConstructor(GemmKernel.class, long.class).newInstance(inner, minWork);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build StrassenGemm at " + bits + " bits", e);
        }
    }

    public static FloatGemmKernel floatGemm(int bits) {
        return create(bits, "VectorFloatGemm", FloatGemmKernel.class);
    }

    public static FloatCellKernel floatCells(int bits) {
        return create(bits, "VectorFloatCells", FloatCellKernel.class);
    }

    public static PointwiseKernel pointwise(int bits) {
        return create(bits, "VectorPointwise", PointwiseKernel.class);
    }

    /** Defines the simd classes itself (child first) and delegates everything else. */
    private static final class Loader extends ClassLoader implements IntSupplier {
        private final int bits;

        Loader(int bits) {
            super(bits == 0 ? "vector-copy" : "vector-" + bits, VectorWidths.class.getClassLoader());
            this.bits = bits;
        }

        @Override
        public int getAsInt() {
            return bits;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith("org.lstmlab.engine.math.simd.")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
                        if (in == null) {
                            throw new ClassNotFoundException(name);
                        }
                        byte[] bytes = in.readAllBytes();
                        c = defineClass(name, bytes, 0, bytes.length);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                if (resolve) {
                    resolveClass(c);
                }
                return c;
            }
        }
    }
}
