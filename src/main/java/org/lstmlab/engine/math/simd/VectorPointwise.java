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
        int bound = S.loopBound(n);
        boolean overlap = bound > 0 && bound < n && in != out;
        int vectors = bound / S.length() + (overlap ? 1 : 0);
        for (int v = 0; v < vectors; v++) {  // one call site: a second one made the method too large to inline
            int i = Math.min(v * S.length(), n - S.length());
            sigmoid(DoubleVector.fromArray(S, in, inOff + i)).intoArray(out, outOff + i);
        }
        for (int i = overlap ? n : bound; i < n; i++) {
            out[outOff + i] = GateMath.sigmoid(in[inOff + i]);
        }
    }

    @Override
    public void tanh(double[] in, int inOff, double[] out, int outOff, int n) {
        int bound = S.loopBound(n);
        boolean overlap = bound > 0 && bound < n && in != out;
        int vectors = bound / S.length() + (overlap ? 1 : 0);
        for (int v = 0; v < vectors; v++) {  // one call site: a second one made the method too large to inline
            int i = Math.min(v * S.length(), n - S.length());
            tanh(DoubleVector.fromArray(S, in, inOff + i)).intoArray(out, outOff + i);
        }
        for (int i = overlap ? n : bound; i < n; i++) {
            out[outOff + i] = GateMath.tanh(in[inOff + i]);
        }
    }

    /** {@link GateMath#sigmoid} lane by lane, with the same bits. */
    static DoubleVector sigmoid(DoubleVector x) {
        DoubleVector e = expNonPositive(x.abs().neg(), false);
        DoubleVector inv = DoubleVector.broadcast(S, 1.0).div(e.add(1.0));
        VectorMask<Double> negative = x.compare(VectorOperators.LT, 0.0);
        return inv.blend(e.mul(inv), negative);
    }

    /** {@link GateMath#tanh} lane by lane, with the same bits. */
    static DoubleVector tanh(DoubleVector x) {
        DoubleVector m = expNonPositive(x.abs().mul(-2.0), true);
        DoubleVector t = m.neg().div(m.add(2.0));
        return t.blend(t.neg(), x.compare(VectorOperators.LT, 0.0));
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

    /**
     * {@link GateMath#expNonPositive}, or with {@code minusOne} {@link GateMath#expm1NonPositive}, on one
     * polynomial: where y > −ln2/2 the reduction gives k = 0 and r = y exactly, so the polynomial of r is
     * expm1Small(y) itself. (Computing both polynomials for tanh, as before, made {@link VectorCells}' lstmState too
     * large for C2 to inline its last load, which then allocated a vector per call.) The flag is a constant at
     * every call site, so C2 compiles each case without the other.
     */
    private static DoubleVector expNonPositive(DoubleVector y, boolean minusOne) {
        DoubleVector v = y.max(GateMath.MIN_EXP_ARG);
        DoubleVector shifted = v.fma(DoubleVector.broadcast(S, GateMath.INV_LN2),
                DoubleVector.broadcast(S, GateMath.ROUNDER));
        DoubleVector k = shifted.sub(GateMath.ROUNDER);
        DoubleVector r = k.neg().fma(DoubleVector.broadcast(S, GateMath.LN2_HI), v);
        r = k.neg().fma(DoubleVector.broadcast(S, GateMath.LN2_LO), r);
        DoubleVector p = expm1Small(r);
        LongVector kBits = shifted.reinterpretAsLongs().sub(GateMath.ROUNDER_BITS);
        DoubleVector scale = kBits.add(1023L).lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
        DoubleVector e = p.add(1.0).mul(scale).blend(0.0, y.compare(VectorOperators.LT, GateMath.MIN_EXP_ARG));
        return minusOne ? e.sub(1.0).blend(p, y.compare(VectorOperators.GT, -GateMath.HALF_LN2)) : e;
    }

    @Override
    public String name() {
        return "vector-api (" + S.length() + " lanes)";
    }
}
