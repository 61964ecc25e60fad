package org.lstmlab.engine.math;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * EJML, an independent and widely used library, as the trusted reference for every float64 product kernel (the plain
 * loops and the Vector API kernels at every width and tile layout, as {@link GemmKernelsTest} lists them): the
 * products a recurrent layer computes, {@code X·W_ihᵀ} and {@code h·W_hhᵀ} ({@link Gemm#mm} with the transposed
 * weights, against {@code CommonOps_DDRM.multTransB}), {@code A·B} ({@code mult}, also accumulating) and the weight
 * gradients {@code dGᵀ·X} ({@link Gemm#mtm}, against {@code multTransA}). Agreement is to 1e-12 of Σ|a·b|: the
 * summation orders differ.
 */
class EjmlReferenceGemmTest {
    private static final int[][] SHAPES = {{1, 1, 1}, {3, 5, 7}, {4, 4, 4}, {9, 17, 33}, {32, 2, 128},
        {32, 64, 256}, {17, 130, 9}, {50, 33, 65}, {128, 256, 64}, {7, 600, 3}};
    private static final double RELATIVE = 1e-12;

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> kernels() {
        return GemmKernelsTest.kernels();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kernels")
    void aTimesBIsEjmlsMult(GemmKernel kernel) {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int[] s : SHAPES) {
            DMatrixRMaj a = random(s[0], s[1], rnd);
            DMatrixRMaj b = random(s[1], s[2], rnd);
            DMatrixRMaj c0 = random(s[0], s[2], rnd);
            DMatrixRMaj want = new DMatrixRMaj(s[0], s[2]);
            CommonOps_DDRM.mult(a, b, want);
            double[] got = new double[s[0] * s[2]];
            kernel.mm(a.data, 0, b.data, 0, got, 0, s[0], s[1], s[2], false);
            check(kernel, "mm", s, want.data, got, scale(a, b, false, false));
            DMatrixRMaj wantAcc = c0.copy();
            CommonOps_DDRM.multAdd(a, b, wantAcc);
            double[] acc = c0.data.clone();
            kernel.mm(a.data, 0, b.data, 0, acc, 0, s[0], s[1], s[2], true);
            check(kernel, "mm accumulate", s, wantAcc.data, acc, scale(a, b, false, false));
        }
    }

    /** The layer's projections: X (M×K) times W (N×K) transposed, W handed to the kernel as its transpose. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("kernels")
    void xTimesWTransposedIsEjmlsMultTransB(GemmKernel kernel) {
        SplittableRandom rnd = new SplittableRandom(11);
        for (int[] s : SHAPES) {
            DMatrixRMaj x = random(s[0], s[1], rnd);
            DMatrixRMaj w = random(s[2], s[1], rnd);
            DMatrixRMaj want = new DMatrixRMaj(s[0], s[2]);
            CommonOps_DDRM.multTransB(x, w, want);
            DMatrixRMaj wt = CommonOps_DDRM.transpose(w, null);
            double[] got = new double[s[0] * s[2]];
            kernel.mm(x.data, 0, wt.data, 0, got, 0, s[0], s[1], s[2], false);
            check(kernel, "mm with Wᵀ", s, want.data, got, scale(x, w, false, true));
        }
    }

    /** The weight gradients: C += Aᵀ·B with A (K×M), B (K×N). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("kernels")
    void aTransposedTimesBIsEjmlsMultTransA(GemmKernel kernel) {
        SplittableRandom rnd = new SplittableRandom(13);
        for (int[] s : SHAPES) {
            int m = s[0];
            int k = s[1];
            int n = s[2];
            DMatrixRMaj a = random(k, m, rnd);
            DMatrixRMaj b = random(k, n, rnd);
            DMatrixRMaj c0 = random(m, n, rnd);
            DMatrixRMaj want = c0.copy();
            CommonOps_DDRM.multAddTransA(a, b, want);
            double[] got = c0.data.clone();
            kernel.mtm(a.data, 0, b.data, 0, got, 0, m, k, n);
            check(kernel, "mtm", s, want.data, got, scale(a, b, true, false));
        }
    }

    private static DMatrixRMaj random(int rows, int cols, SplittableRandom rnd) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = rnd.nextDouble(-1, 1);
        }
        return m;
    }

    /** Σ_k |a_ik·b_kj| for every (i, j), plus 1 for the accumulated C: the size of the rounding to expect. */
    private static double[] scale(DMatrixRMaj a, DMatrixRMaj b, boolean transA, boolean transB) {
        DMatrixRMaj absA = a.copy();
        DMatrixRMaj absB = b.copy();
        CommonOps_DDRM.abs(absA);
        CommonOps_DDRM.abs(absB);
        int rows = transA ? a.numCols : a.numRows;
        int cols = transB ? b.numRows : b.numCols;
        DMatrixRMaj out = new DMatrixRMaj(rows, cols);
        if (transA) {
            CommonOps_DDRM.multTransA(absA, absB, out);
        } else if (transB) {
            CommonOps_DDRM.multTransB(absA, absB, out);
        } else {
            CommonOps_DDRM.mult(absA, absB, out);
        }
        CommonOps_DDRM.add(out, 1.0);
        return out.data;
    }

    private static void check(GemmKernel kernel, String what, int[] s, double[] want, double[] got, double[] scale) {
        for (int i = 0; i < want.length; i++) {
            double err = Math.abs(want[i] - got[i]);
            int at = i;
            assertTrue(err <= RELATIVE * scale[i], () -> kernel.name() + " " + what + " " + s[0] + "×" + s[1] + "×"
                    + s[2] + " element " + at + ": " + got[at] + " vs EJML " + want[at]);
        }
    }
}
