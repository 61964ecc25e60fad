package org.lstmlab.engine.math;

import java.util.SplittableRandom;

/**
 * Shows, every time, what looks like the JIT failure that makes about one JVM in five run the vector products
 * several times slower (docs/notes/engine-bench-9-2026-11-29.md; same symptom, cause not proven the same). It
 * builds the float kernel again in fresh copies of the simd classes, warms each copy on W2's recurrent product
 * (B = 32, H = 128: 32×128×512, B packed) and prints each copy's microseconds per product. The first copy runs at
 * full speed; every later copy in the same JVM runs 3 to 9 times slower. {@code -XX:+UnlockDiagnosticVMOptions
 * -XX:+PrintIntrinsics} then prints what it prints in the slow JVMs: the vector stores' intrinsics fail with
 * "missing constant: vclass=DecodeN". The cause: the Vector API's fallbacks inlined into a tile have trapped 100
 * times together, so C2 stops trusting type checks in that compilation; {@code -XX:PerMethodTrapLimit=100000}
 * (which the project's launchers pass) keeps the later copies fast (about 45–60 µs).
 *
 * <pre>java --add-modules jdk.incubator.vector -cp target/classes:target/test-classes \
 *     org.lstmlab.engine.math.KernelCopyBenchMain [copies]</pre>
 */
public final class KernelCopyBenchMain {
    private KernelCopyBenchMain() {
    }

    public static void main(String[] args) {
        int copies = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int m = 32;
        int k = 128;
        int n = 512;
        SplittableRandom r = new SplittableRandom(1);
        float[] a = new float[m * k];
        float[] b = new float[k * n];
        float[] c = new float[m * n];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) r.nextGaussian();
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = (float) r.nextGaussian();
        }
        PackedFloatMatrix packed = Gemm.pack(b, 0, k, n, null);
        StringBuilder out = new StringBuilder("microseconds per 32x128x512 packed product, copy by copy:");
        for (int copy = 0; copy < copies; copy++) {
            FloatGemmKernel g = VectorWidths.createInFreshCopy("VectorFloatGemm", FloatGemmKernel.class);
            long end = System.nanoTime() + 4_000_000_000L;
            while (System.nanoTime() < end) {  // every path a training step takes, until C2 has compiled them
                for (int i = 0; i < 50; i++) {
                    g.mmPacked(a, 0, packed, c, 0, m, true);
                    g.mm(a, 0, b, 0, c, 0, m, k, n, false);
                    g.mtm(a, 0, a, 0, c, 0, k, m, k);
                }
            }
            long t0 = System.nanoTime();
            for (int i = 0; i < 3000; i++) {
                g.mmPacked(a, 0, packed, c, 0, m, true);
            }
            out.append(String.format(" %.1f", (System.nanoTime() - t0) / 3000 / 1000.0));
        }
        System.out.println(out);
    }
}
