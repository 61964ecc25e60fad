package org.lstmlab.engine.math.simd;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.lstmlab.engine.math.GateMath;
import org.lstmlab.engine.math.PointwiseKernel;

/**
 * Sigmoid and tanh on full vectors with exactly the operations of {@link GateMath}, in the same order, so every lane
 * equals the scalar result bit for bit; the tail goes through {@link GateMath} itself. Only additions,
 * multiplications, FMAs, one division and bit shifts: no lane-wise EXP or TANH, whose interpreted and compiled forms
 * differ. A row whose length is not a multiple of the lanes ends with one vector at {@code n − lanes}, which
 * overlaps the previous one and writes the same values again (unless the output is the input array: then the last
 * values go through {@link GateMath}); the scalar tail was a fifth of W1's activations. Loaded only when the
 * incubator module is enabled.
 */
public final class VectorPointwise implements PointwiseKernel {
    private static final VectorSpecies<Double> S = VectorWidth.doubles(VectorPointwise.class);

    @Override
    public void sigmoid(double[] in, int inOff, double[] out, int outOff, int n) {
        row(in, inOff, out, outOff, n, false);
    }

    @Override
    public void tanh(double[] in, int inOff, double[] out, int outOff, int n) {
        row(in, inOff, out, outOff, n, true);
    }

    /**
     * The sigmoid or the tanh of a row, with GateMath's exp written out in the loop rather than called: so the method
     * is over C2's FreqInlineSize (325 bytes of bytecode) and stays a method of its own, compiled once, as
     * VectorFloatCells' rows. Inlined into its callers (GruLayer.stepForward's gates, VectorCells' cell state and
     * candidate, RnnLayer's step), the loop was compiled again in each, and in some of those compilations its vectors
     * were boxed or reinterpretAsDoubles fell back to Java code through byte buffers: 940 KB a step of the GRU on the
     * adding problem (T = 20) in one JVM run out of two, seen with JFR allocation samples. The two functions differ
     * only in y and in the last lines.
     */
    private static void row(double[] in, int inOff, double[] out, int outOff, int n, boolean tanh) {
        int bound = S.loopBound(n);
        boolean overlap = bound > 0 && bound < n && in != out;
        int vectors = bound / S.length() + (overlap ? 1 : 0);
        for (int v = 0; v < vectors; v++) {  // one call site: a second one made the method too large to inline
            int i = Math.min(v * S.length(), n - S.length());
            DoubleVector x = DoubleVector.fromArray(S, in, inOff + i);
            DoubleVector y = tanh ? x.abs().mul(-2.0) : x.abs().neg();  // tanh: e^{-2|x|}, sigmoid: e^{-|x|}
            DoubleVector floor = y.max(GateMath.MIN_EXP_ARG);
            DoubleVector shifted = floor.fma(DoubleVector.broadcast(S, GateMath.INV_LN2),
                    DoubleVector.broadcast(S, GateMath.ROUNDER));
            DoubleVector k = shifted.sub(GateMath.ROUNDER);
            DoubleVector r = k.neg().fma(DoubleVector.broadcast(S, GateMath.LN2_HI), floor);
            r = k.neg().fma(DoubleVector.broadcast(S, GateMath.LN2_LO), r);
            DoubleVector p = expm1Small(r);
            LongVector kBits = shifted.reinterpretAsLongs().sub(GateMath.ROUNDER_BITS);
            DoubleVector scale = kBits.add(1023L).lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
            DoubleVector e = p.add(1.0).mul(scale).blend(0.0, y.compare(VectorOperators.LT, GateMath.MIN_EXP_ARG));
            VectorMask<Double> negative = x.compare(VectorOperators.LT, 0.0);
            if (tanh) {  // where y > −ln2/2, k = 0 and r = y, so p itself is e^y − 1 (GateMath.expm1NonPositive)
                DoubleVector m = e.sub(1.0).blend(p, y.compare(VectorOperators.GT, -GateMath.HALF_LN2));
                DoubleVector t = m.neg().div(m.add(2.0));
                t.blend(t.neg(), negative).intoArray(out, outOff + i);
            } else {
                DoubleVector inv = DoubleVector.broadcast(S, 1.0).div(e.add(1.0));
                inv.blend(e.mul(inv), negative).intoArray(out, outOff + i);
            }
        }
        for (int i = overlap ? n : bound; i < n; i++) {
            out[outOff + i] = tanh ? GateMath.tanh(in[inOff + i]) : GateMath.sigmoid(in[inOff + i]);
        }
    }

    private static final double C0 = GateMath.coefficient(0);
    private static final double C1 = GateMath.coefficient(1);
    private static final double C2 = GateMath.coefficient(2);
    private static final double C3 = GateMath.coefficient(3);
    private static final double C4 = GateMath.coefficient(4);
    private static final double C5 = GateMath.coefficient(5);
    private static final double C6 = GateMath.coefficient(6);
    private static final double C7 = GateMath.coefficient(7);
    private static final double C8 = GateMath.coefficient(8);
    private static final double C9 = GateMath.coefficient(9);
    private static final double C10 = GateMath.coefficient(10);
    private static final double C11 = GateMath.coefficient(11);

    /**
     * GateMath's Horner polynomial written out, not as a loop: a vector carried around a loop's back edge is one C2
     * cannot keep in a register on JDK 17, so the loop allocated a box per step (1.3 GB in 25 s of W2, seen with
     * JFR allocation samples).
     */
    private static DoubleVector expm1Small(DoubleVector r) {
        DoubleVector p = DoubleVector.broadcast(S, C0);
        p = p.fma(r, DoubleVector.broadcast(S, C1));
        p = p.fma(r, DoubleVector.broadcast(S, C2));
        p = p.fma(r, DoubleVector.broadcast(S, C3));
        p = p.fma(r, DoubleVector.broadcast(S, C4));
        p = p.fma(r, DoubleVector.broadcast(S, C5));
        p = p.fma(r, DoubleVector.broadcast(S, C6));
        p = p.fma(r, DoubleVector.broadcast(S, C7));
        p = p.fma(r, DoubleVector.broadcast(S, C8));
        p = p.fma(r, DoubleVector.broadcast(S, C9));
        p = p.fma(r, DoubleVector.broadcast(S, C10));
        p = p.fma(r, DoubleVector.broadcast(S, C11));
        return p.fma(r.mul(r), r);
    }

    @Override
    public String name() {
        return "vector-api (" + S.length() + " lanes)";
    }
}
