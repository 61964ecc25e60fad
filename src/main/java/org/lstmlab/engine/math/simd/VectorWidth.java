package org.lstmlab.engine.math.simd;

import java.util.function.IntSupplier;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * The vector width every kernel class of this package compiles for. The species must be a {@code static final}
 * constant: with a species read from a field, C2 cannot intrinsify the vector operations and the kernels run about
 * 20 times slower (measured). So each kernel class fixes its species when it is initialised: the machine's
 * preferred width ({@code MaxVectorSize}: 512 bits with AVX-512, 256 with AVX2), or, when the class was loaded by
 * a class loader that implements {@link IntSupplier}, the width in bits that loader supplies. Tests use such a
 * loader to run the very same kernel classes at 256 and at 512 bits in one JVM, so both tile layouts are checked on
 * any machine (a width the CPU lacks runs, slowly, on the Vector API's Java fallback, with the same results).
 *
 * <p>One shape per element type in production: with a second {@code FloatVector} shape in use (a 256-bit one, to
 * convert to and from 512-bit doubles) the float32 W2 step became 7 times slower, the float tiles running the
 * Vector API's generic fallbacks ({@code FloatVector.tOpTemplate} in JFR): the JIT's type profiles inside
 * {@code FloatVector} were no longer monomorphic (docs/notes/engine-bench-3-2026-11-28.md).
 */
final class VectorWidth {
    private VectorWidth() {
    }

    /** The width in bits for kernel classes loaded with {@code owner}'s class loader; 0 for the preferred one. */
    static int bits(Class<?> owner) {
        return owner.getClassLoader() instanceof IntSupplier requested ? requested.getAsInt() : 0;
    }

    static VectorSpecies<Double> doubles(Class<?> owner) {
        int bits = bits(owner);
        return bits == 0 ? DoubleVector.SPECIES_PREFERRED
                : VectorSpecies.of(double.class, VectorShape.forBitSize(bits));
    }

    static VectorSpecies<Float> floats(Class<?> owner) {
        int bits = bits(owner);
        return bits == 0 ? FloatVector.SPECIES_PREFERRED
                : VectorSpecies.of(float.class, VectorShape.forBitSize(bits));
    }
}
