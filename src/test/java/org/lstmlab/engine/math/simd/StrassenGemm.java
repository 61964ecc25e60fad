package org.lstmlab.engine.math.simd;

import java.util.Arrays;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

import org.lstmlab.engine.math.GemmKernel;

/**
 * A measured prototype, not on the engine's dispatch path (docs/notes/strassen-2026-12-01.md): one level of
 * Strassen's algorithm in Winograd's form (7 half-size products, 15 additions) around another {@link GemmKernel},
 * for products of at least {@code minWork} multiply-adds whose M, K and N are multiples of two vectors; the others
 * go to the inner kernel as they are. The quarters and their sums are copied into per-thread workspaces (which
 * only grow), the seven products run on the inner kernel, and their sums are added into C, with vector additions of
 * this package's width.
 * The results round differently from the plain product (each element is a sum of seven products of sums), but
 * identically on every inner kernel that agrees bit for bit with the plain loops ({@code StrassenGemmTest}).
 * {@code -Dstrassen.skipB=true} (benchmarks only, wrong results) leaves out the B side's sums, to time the case of a
 * B prepared once per pass.
 */
public final class StrassenGemm implements GemmKernel {
    private static final VectorSpecies<Double> S = VectorWidth.doubles(StrassenGemm.class);
    private static final int L = S.length();
    private static final ThreadLocal<double[][]> WORK = ThreadLocal.withInitial(() -> new double[3][0]);

    private static final boolean SKIP_B = Boolean.getBoolean("strassen.skipB");
    private final GemmKernel inner;
    private final long minWork;

    public StrassenGemm(GemmKernel inner, long minWork) {
        this.inner = inner;
        this.minWork = minWork;
    }

    private boolean split(int m, int k, int n) {
        return (m | k | n) % (2 * L) == 0 && (long) m * k * n >= minWork;
    }

    @Override
    public String name() {
        return "strassen(" + inner.name() + ")";
    }

    @Override
    public void mm(double[] a, int aOff, double[] b, int bOff, double[] c, int cOff, int m, int k, int n,
                   boolean accumulate) {
        if (!split(m, k, n)) {
            inner.mm(a, aOff, b, bOff, c, cOff, m, k, n, accumulate);
            return;
        }
        run(false, a, aOff, b, bOff, c, cOff, m, k, n, accumulate);
    }

    @Override
    public void mtm(double[] a, int aOff, double[] b, int bOff, double[] c, int cOff, int m, int k, int n) {
        if (!split(m, k, n)) {
            inner.mtm(a, aOff, b, bOff, c, cOff, m, k, n);
            return;
        }
        run(true, a, aOff, b, bOff, c, cOff, m, k, n, true);
    }

    private static double[] grow(double[][] work, int i, int size) {
        if (work[i].length < size) {
            work[i] = new double[size];
        }
        return work[i];
    }

    /**
     * The Winograd schedule. A side (7 blocks of M/2 × K/2, or K/2 × M/2 for {@code mtm}): A11, A12, A22, S1 = A21 +
     * A22, S2 = S1 − A11, S3 = A11 − A21, S4 = A12 − S2. B side (7 blocks of K/2 × N/2): B11, B21, B22, T1 = B12 −
     * B11, T2 = B22 − T1, T3 = B22 − B12, T4' = B21 − T2. Products P1 = A11·B11, P2 = A12·B21, P3 = S4·B22,
     * P4' = A22·T4', P5 = S1·T1, P6 = S2·T2, P7 = S3·T3; then C11 += P1 + P2, C12 += P1 + P6 + P5 + P3,
     * C21 += P1 + P6 + P7 + P4', C22 += P1 + P6 + P7 + P5, in three quarter-size temporaries X, Y, Z.
     */
    private void run(boolean transposedA, double[] a, int aOff, double[] b, int bOff, double[] c, int cOff,
                     int m, int k, int n, boolean accumulate) {
        int m2 = m / 2;
        int k2 = k / 2;
        int n2 = n / 2;
        int aq = m2 * k2;
        int bq = k2 * n2;
        int cq = m2 * n2;
        double[][] work = WORK.get();
        double[] as = grow(work, 0, 7 * aq);
        double[] bs = grow(work, 1, 7 * bq);
        double[] xyz = grow(work, 2, 3 * cq);
        if (transposedA) {
            quarterSums(a, aOff, m, k2, m2, as, aq, true, false);  // A is K×M: (Aᵀ)12 = A21ᵀ, (Aᵀ)21 = A12ᵀ
        } else {
            quarterSums(a, aOff, k, m2, k2, as, aq, false, false);
        }
        if (!SKIP_B) {
            quarterSums(b, bOff, n, k2, n2, bs, bq, false, true);
        }
        int x = 0;
        int y = cq;
        int z = 2 * cq;
        product(transposedA, as, 0, bs, 0, xyz, x, m2, k2, n2, false);            // X = P1
        product(transposedA, as, aq, bs, bq, xyz, y, m2, k2, n2, false);          // Y = P2
        addInto(c, cOff, n, 0, 0, m2, n2, xyz, x, y, -1, accumulate);             // C11
        product(transposedA, as, 4 * aq, bs, 4 * bq, xyz, x, m2, k2, n2, true);   // X = P1 + P6
        product(transposedA, as, 5 * aq, bs, 5 * bq, xyz, y, m2, k2, n2, false);  // Y = P7
        product(transposedA, as, 3 * aq, bs, 3 * bq, xyz, z, m2, k2, n2, false);  // Z = P5
        addInto(c, cOff, n, m2, n2, m2, n2, xyz, x, y, z, accumulate);            // C22
        product(transposedA, as, 6 * aq, bs, 2 * bq, xyz, z, m2, k2, n2, true);   // Z = P5 + P3
        addInto(c, cOff, n, 0, n2, m2, n2, xyz, x, z, -1, accumulate);            // C12
        product(transposedA, as, 2 * aq, bs, 6 * bq, xyz, y, m2, k2, n2, true);   // Y = P7 + P4'
        addInto(c, cOff, n, m2, 0, m2, n2, xyz, x, y, -1, accumulate);            // C21
    }

    private void product(boolean transposedA, double[] as, int aOff, double[] bs, int bOff, double[] t, int tOff,
                         int m2, int k2, int n2, boolean accumulate) {
        if (transposedA) {
            if (!accumulate) {
                Arrays.fill(t, tOff, tOff + m2 * n2, 0.0);
            }
            inner.mtm(as, aOff, bs, bOff, t, tOff, m2, k2, n2);
        } else {
            inner.mm(as, aOff, bs, bOff, t, tOff, m2, k2, n2, accumulate);
        }
    }

    /**
     * Seven blocks (rows × cols each, contiguous, {@code q} apart in {@code out}) from the quarters of a matrix of
     * row stride {@code stride}, quarter (r, s) at row r·rows, column s·cols. The A side (X = A): X11, X12, X22,
     * S1 = X21 + X22, S2 = S1 − X11, S3 = X11 − X21, S4 = X12 − S2, with X12 and X21 traded when {@code swap} (A
     * stored transposed). The B side (X = B, {@code bSide}): X11, X21, X22, T1 = X12 − X11, T2 = X22 − T1,
     * T3 = X22 − X12, T4' = X21 − T2.
     */
    private static void quarterSums(double[] x, int off, int stride, int rows, int cols, double[] out, int q,
                                    boolean swap, boolean bSide) {
        int o12 = swap ? rows * stride : cols;
        int o21 = swap ? cols : rows * stride;
        int o22 = rows * stride + cols;
        for (int r = 0; r < rows; r++) {
            int src = off + r * stride;
            int dst = r * cols;
            for (int j = 0; j < cols; j += L) {
                DoubleVector x11 = DoubleVector.fromArray(S, x, src + j);
                DoubleVector x12 = DoubleVector.fromArray(S, x, src + o12 + j);
                DoubleVector x21 = DoubleVector.fromArray(S, x, src + o21 + j);
                DoubleVector x22 = DoubleVector.fromArray(S, x, src + o22 + j);
                DoubleVector u = bSide ? x12.sub(x11) : x21.add(x22);  // T1 or S1
                DoubleVector v = bSide ? x22.sub(u) : u.sub(x11);       // T2 or S2
                x11.intoArray(out, dst + j);
                (bSide ? x21 : x12).intoArray(out, q + dst + j);
                x22.intoArray(out, 2 * q + dst + j);
                u.intoArray(out, 3 * q + dst + j);
                v.intoArray(out, 4 * q + dst + j);
                (bSide ? x22.sub(x12) : x11.sub(x21)).intoArray(out, 5 * q + dst + j);
                (bSide ? x21 : x12).sub(v).intoArray(out, 6 * q + dst + j);
            }
        }
    }

    /** C's quarter at (row0, col0) (+)= t[u] + t[v] (+ t[w] when w ≥ 0), rows × cols, temporaries contiguous. */
    private static void addInto(double[] c, int cOff, int stride, int row0, int col0, int rows, int cols,
                                double[] t, int u, int v, int w, boolean accumulate) {
        for (int r = 0; r < rows; r++) {
            int ci = cOff + (row0 + r) * stride + col0;
            int ti = r * cols;
            for (int j = 0; j < cols; j += L) {
                DoubleVector sum = DoubleVector.fromArray(S, t, u + ti + j)
                        .add(DoubleVector.fromArray(S, t, v + ti + j));
                if (w >= 0) {
                    sum = sum.add(DoubleVector.fromArray(S, t, w + ti + j));
                }
                if (accumulate) {
                    sum = DoubleVector.fromArray(S, c, ci + j).add(sum);
                }
                sum.intoArray(c, ci + j);
            }
        }
    }
}
