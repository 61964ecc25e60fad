package org.lstmlab.engine.math.simd;

import java.util.function.ToDoubleBiFunction;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.lstmlab.engine.math.Precision;

/**
 * The machine's measured fused multiply-add peak on one core: 12 independent chains of vector FMAs that touch no
 * memory (enough chains to cover the FMA latency times the FMA units on current x86 cores), GFLOP/s counted as 2
 * per lane per FMA. Applied as {@code gflops(precision, nanosOfCpuTime)}.
 */
public final class VectorPeak implements ToDoubleBiFunction<Precision, Long> {
    private static final VectorSpecies<Double> D = VectorWidth.doubles(VectorPeak.class);
    private static final VectorSpecies<Float> F = VectorWidth.floats(VectorPeak.class);
    private static final int ROUNDS = 2_000;

    @Override
    public double applyAsDouble(Precision precision, Long nanos) {
        int lanes = precision == Precision.FLOAT32 ? F.length() : D.length();
        // floor: one vector FMA per 2 ns, an eighth of two FMA units at 2 GHz; C1's boxed vectors stay far below
        return Peak.measure(nanos, precision == Precision.FLOAT32 ? VectorPeak::floats : VectorPeak::doubles,
                12.0 * ROUNDS * 2 * lanes, lanes);
    }

    /** 12 chains × ROUNDS FMAs; returns a value that depends on all of them, so none is optimised away. */
    static double doubles() {
        DoubleVector x = DoubleVector.broadcast(D, 0.999999);
        DoubleVector y = DoubleVector.broadcast(D, 1e-7);
        DoubleVector a0 = DoubleVector.broadcast(D, 1.0);
        DoubleVector a1 = DoubleVector.broadcast(D, 1.1);
        DoubleVector a2 = DoubleVector.broadcast(D, 1.2);
        DoubleVector a3 = DoubleVector.broadcast(D, 1.3);
        DoubleVector a4 = DoubleVector.broadcast(D, 1.4);
        DoubleVector a5 = DoubleVector.broadcast(D, 1.5);
        DoubleVector a6 = DoubleVector.broadcast(D, 1.6);
        DoubleVector a7 = DoubleVector.broadcast(D, 1.7);
        DoubleVector a8 = DoubleVector.broadcast(D, 1.8);
        DoubleVector a9 = DoubleVector.broadcast(D, 1.9);
        DoubleVector a10 = DoubleVector.broadcast(D, 2.0);
        DoubleVector a11 = DoubleVector.broadcast(D, 2.1);
        for (int i = 0; i < ROUNDS; i++) {
            a0 = a0.fma(x, y);
            a1 = a1.fma(x, y);
            a2 = a2.fma(x, y);
            a3 = a3.fma(x, y);
            a4 = a4.fma(x, y);
            a5 = a5.fma(x, y);
            a6 = a6.fma(x, y);
            a7 = a7.fma(x, y);
            a8 = a8.fma(x, y);
            a9 = a9.fma(x, y);
            a10 = a10.fma(x, y);
            a11 = a11.fma(x, y);
        }
        return a0.add(a1).add(a2).add(a3).add(a4).add(a5).add(a6).add(a7).add(a8).add(a9).add(a10).add(a11)
                .reduceLanes(jdk.incubator.vector.VectorOperators.ADD);
    }

    static double floats() {
        FloatVector x = FloatVector.broadcast(F, 0.9999f);
        FloatVector y = FloatVector.broadcast(F, 1e-5f);
        FloatVector a0 = FloatVector.broadcast(F, 1.0f);
        FloatVector a1 = FloatVector.broadcast(F, 1.1f);
        FloatVector a2 = FloatVector.broadcast(F, 1.2f);
        FloatVector a3 = FloatVector.broadcast(F, 1.3f);
        FloatVector a4 = FloatVector.broadcast(F, 1.4f);
        FloatVector a5 = FloatVector.broadcast(F, 1.5f);
        FloatVector a6 = FloatVector.broadcast(F, 1.6f);
        FloatVector a7 = FloatVector.broadcast(F, 1.7f);
        FloatVector a8 = FloatVector.broadcast(F, 1.8f);
        FloatVector a9 = FloatVector.broadcast(F, 1.9f);
        FloatVector a10 = FloatVector.broadcast(F, 2.0f);
        FloatVector a11 = FloatVector.broadcast(F, 2.1f);
        for (int i = 0; i < ROUNDS; i++) {
            a0 = a0.fma(x, y);
            a1 = a1.fma(x, y);
            a2 = a2.fma(x, y);
            a3 = a3.fma(x, y);
            a4 = a4.fma(x, y);
            a5 = a5.fma(x, y);
            a6 = a6.fma(x, y);
            a7 = a7.fma(x, y);
            a8 = a8.fma(x, y);
            a9 = a9.fma(x, y);
            a10 = a10.fma(x, y);
            a11 = a11.fma(x, y);
        }
        return a0.add(a1).add(a2).add(a3).add(a4).add(a5).add(a6).add(a7).add(a8).add(a9).add(a10).add(a11)
                .reduceLanes(jdk.incubator.vector.VectorOperators.ADD);
    }
}
