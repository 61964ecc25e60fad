package org.lstmlab.engine.math.simd;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;
import org.lstmlab.engine.math.PlainUpdates;
import org.lstmlab.engine.math.UpdateKernel;

/**
 * {@link UpdateKernel}'s operations on whole vectors, in the order {@link PlainUpdates} does them; the lane-wise
 * division and square root are correctly rounded like the scalar ones, so every lane has the scalar bits. The last
 * {@code n mod lanes} elements take the same operations one at a time.
 */
public final class VectorUpdates implements UpdateKernel {
    private static final VectorSpecies<Double> S = VectorWidth.doubles(VectorUpdates.class);
    private static final int L = S.length();

    @Override
    public void adamTorch(double[] p, double[] g, double[] m, double[] v, int n, double beta1, double beta2,
                          double stepSize, double bc2Sqrt, double eps) {
        int bound = S.loopBound(n);
        double keep1 = 1 - beta1;
        double keep2 = 1 - beta2;
        for (int j = 0; j < bound; j += L) {
            DoubleVector gj = DoubleVector.fromArray(S, g, j);
            DoubleVector mj = DoubleVector.fromArray(S, m, j).mul(beta1).add(gj.mul(keep1));
            DoubleVector vj = DoubleVector.fromArray(S, v, j).mul(beta2).add(gj.mul(keep2).mul(gj));
            mj.intoArray(m, j);
            vj.intoArray(v, j);
            DoubleVector denominator = vj.sqrt().div(bc2Sqrt).add(eps);
            DoubleVector.fromArray(S, p, j).sub(mj.mul(stepSize).div(denominator)).intoArray(p, j);
        }
        for (int j = bound; j < n; j++) {
            m[j] = beta1 * m[j] + keep1 * g[j];
            v[j] = beta2 * v[j] + keep2 * g[j] * g[j];
            p[j] -= stepSize * m[j] / (Math.sqrt(v[j]) / bc2Sqrt + eps);
        }
    }

    @Override
    public void adamKeras(double[] p, double[] g, double[] m, double[] v, int n, double beta1, double beta2,
                          double alpha, double eps) {
        int bound = S.loopBound(n);
        double keep1 = 1 - beta1;
        double keep2 = 1 - beta2;
        for (int j = 0; j < bound; j += L) {
            DoubleVector gj = DoubleVector.fromArray(S, g, j);
            DoubleVector mj = DoubleVector.fromArray(S, m, j);
            mj = mj.add(gj.sub(mj).mul(keep1));
            DoubleVector vj = DoubleVector.fromArray(S, v, j);
            vj = vj.add(gj.mul(gj).sub(vj).mul(keep2));
            mj.intoArray(m, j);
            vj.intoArray(v, j);
            DoubleVector.fromArray(S, p, j).sub(mj.mul(alpha).div(vj.sqrt().add(eps))).intoArray(p, j);
        }
        for (int j = bound; j < n; j++) {
            m[j] += (g[j] - m[j]) * keep1;
            v[j] += (g[j] * g[j] - v[j]) * keep2;
            p[j] -= alpha * m[j] / (Math.sqrt(v[j]) + eps);
        }
    }

    @Override
    public void addScaled(double[] sum, double[] g, double w, int n) {
        int bound = S.loopBound(n);
        for (int j = 0; j < bound; j += L) {
            DoubleVector.fromArray(S, sum, j).add(DoubleVector.fromArray(S, g, j).mul(w)).intoArray(sum, j);
        }
        for (int j = bound; j < n; j++) {
            sum[j] += w * g[j];
        }
    }

    @Override
    public String name() {
        return "vector-api (" + L + " lanes)";
    }
}
