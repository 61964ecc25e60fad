package org.lstmlab.engine.math.simd;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * The float32 training precision's conversions on vectors: float64 operands rounded to float32, float32 results
 * widened to float64. One double vector (L lanes) converts to or from a float vector of the same lane count and
 * half its bits, one instruction each way ({@code vcvtpd2ps}, {@code vcvtps2pd}); the plain loops these replace
 * (the default methods of {@code FloatGemmKernel}) ran 2.5 times slower and were 6-9 % of a float32 W2 or W3 step.
 * Casts round to nearest like Java's {@code (float)}, and widening is exact, so the results are the loops' bits.
 * The last {@code n mod L} values are done one by one.
 */
final class VectorConversions {
    private static final VectorSpecies<Double> D = VectorWidth.doubles(VectorConversions.class);
    private static final VectorSpecies<Float> F =
            VectorSpecies.of(float.class, VectorShape.forBitSize(D.vectorBitSize() / 2));
    private static final int L = D.length();

    private VectorConversions() {
    }

    static void narrow(double[] src, int sOff, float[] dst, int dOff, int n) {
        int i = 0;
        for (; i <= n - L; i += L) {
            ((FloatVector) DoubleVector.fromArray(D, src, sOff + i).convertShape(VectorOperators.D2F, F, 0))
                    .intoArray(dst, dOff + i);
        }
        for (; i < n; i++) {
            dst[dOff + i] = (float) src[sOff + i];
        }
    }

    static void widen(float[] src, int sOff, double[] dst, int dOff, int n, boolean accumulate) {
        int i = 0;
        if (accumulate) {
            for (; i <= n - L; i += L) {
                DoubleVector w = (DoubleVector) FloatVector.fromArray(F, src, sOff + i)
                        .convertShape(VectorOperators.F2D, D, 0);
                DoubleVector.fromArray(D, dst, dOff + i).add(w).intoArray(dst, dOff + i);
            }
            for (; i < n; i++) {
                dst[dOff + i] += src[sOff + i];
            }
        } else {
            for (; i <= n - L; i += L) {
                ((DoubleVector) FloatVector.fromArray(F, src, sOff + i).convertShape(VectorOperators.F2D, D, 0))
                        .intoArray(dst, dOff + i);
            }
            for (; i < n; i++) {
                dst[dOff + i] = src[sOff + i];
            }
        }
    }
}
