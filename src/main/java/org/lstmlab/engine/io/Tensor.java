package org.lstmlab.engine.io;

import java.util.Arrays;
import java.util.Objects;

/**
 * One named tensor of a safetensors file: its element type, its shape (row-major; {@code []} is a scalar, a 0
 * anywhere makes it empty) and its values, held as {@code double[]} for floating types or {@code long[]} for
 * integer types and {@code BOOL}; the other array is {@code null}.
 *
 * <p>The canonical constructor takes ownership of the data array (the reader uses it so that large tensors are
 * not copied); the factories copy. Accessors never expose the internal arrays. An {@link DType#F32},
 * {@code F16} or {@code BF16} tensor keeps doubles in memory and is rounded to its type when written; the
 * factories round at construction so that what you hold is what a reader gets back.
 *
 * @param name      the tensor's name in the file, e.g. {@code expected.grad.weight_ih_l0}
 * @param dtype     the element type in the file
 * @param shape     the dimensions, each non-negative
 * @param floatData the values for floating types, {@code null} otherwise
 * @param intData   the values for integer types and BOOL, {@code null} otherwise
 */
public record Tensor(String name, DType dtype, int[] shape, double[] floatData, long[] intData) {

    public Tensor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dtype, "dtype");
        Objects.requireNonNull(shape, "shape");
        shape = shape.clone();
        int n = checkedNumel(name, shape);
        if (dtype.isFloating()) {
            if (floatData == null || intData != null) {
                throw new IllegalArgumentException("tensor '" + name + "': " + dtype + " data must be a double[]");
            }
            checkLength(name, shape, n, floatData.length);
        } else {
            if (intData == null || floatData != null) {
                throw new IllegalArgumentException("tensor '" + name + "': " + dtype + " data must be a long[]");
            }
            checkLength(name, shape, n, intData.length);
            for (int i = 0; i < intData.length; i++) {
                long v = intData[i];
                if (v < dtype.minValue() || v > dtype.maxValue()) {
                    throw new IllegalArgumentException("tensor '" + name + "': value " + v + " at flat index " + i
                            + " does not fit in " + dtype);
                }
            }
        }
    }

    /** A float64 tensor; copies {@code data}. */
    public static Tensor f64(String name, int[] shape, double[] data) {
        return ofDoubles(name, DType.F64, shape, data);
    }

    /** A float32 tensor; copies {@code data}, rounding each value to the nearest float. */
    public static Tensor f32(String name, int[] shape, double[] data) {
        return ofDoubles(name, DType.F32, shape, data);
    }

    /** An int64 tensor; copies {@code data}. */
    public static Tensor i64(String name, int[] shape, long[] data) {
        return ofLongs(name, DType.I64, shape, data);
    }

    /** A tensor of a floating type; copies {@code data}, rounding each value to {@code dtype}. */
    public static Tensor ofDoubles(String name, DType dtype, int[] shape, double[] data) {
        if (!dtype.isFloating()) {
            throw new IllegalArgumentException("tensor '" + name + "': " + dtype + " is not a floating type");
        }
        double[] copy = data.clone();
        for (int i = 0; i < copy.length; i++) {
            copy[i] = roundTo(dtype, copy[i]);
        }
        return new Tensor(name, dtype, shape, copy, null);
    }

    /** A tensor of an integer type or BOOL (0/1); copies {@code data}; values must fit the type. */
    public static Tensor ofLongs(String name, DType dtype, int[] shape, long[] data) {
        if (dtype.isFloating()) {
            throw new IllegalArgumentException("tensor '" + name + "': " + dtype + " is not an integer type");
        }
        return new Tensor(name, dtype, shape, null, data.clone());
    }

    /** The value {@code dtype} stores for {@code v}: exact for F64, rounded to nearest (ties to even) otherwise. */
    static double roundTo(DType dtype, double v) {
        return switch (dtype) {
            case F32 -> (float) v;
            case F16 -> HalfFloats.f16ToDouble(HalfFloats.doubleToF16(v));
            case BF16 -> HalfFloats.bf16ToDouble(HalfFloats.doubleToBf16(v));
            default -> v;
        };
    }

    /** A copy of the shape. */
    @Override
    public int[] shape() {
        return shape.clone();
    }

    /** A copy of the floating values, or {@code null} for an integer tensor. */
    @Override
    public double[] floatData() {
        return floatData == null ? null : floatData.clone();
    }

    /** A copy of the integer values, or {@code null} for a floating tensor. */
    @Override
    public long[] intData() {
        return intData == null ? null : intData.clone();
    }

    public int rank() {
        return shape.length;
    }

    /** Number of elements: the product of the shape, 1 for a scalar, 0 for an empty tensor. */
    public int numel() {
        return floatData != null ? floatData.length : intData.length;
    }

    /** The values as doubles (a new array); integer values are converted. */
    public double[] doubles() {
        if (floatData != null) {
            return floatData.clone();
        }
        double[] out = new double[intData.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = intData[i];
        }
        return out;
    }

    /** The values of an integer or BOOL tensor (a new array); a floating tensor has none. */
    public long[] longs() {
        if (intData == null) {
            throw new IllegalStateException("tensor '" + name + "' is " + dtype + ", not an integer type");
        }
        return intData.clone();
    }

    /** Element {@code i} of the row-major data, as a double. */
    public double doubleAt(int i) {
        return floatData != null ? floatData[i] : intData[i];
    }

    /** Element {@code i} of an integer or BOOL tensor. */
    public long longAt(int i) {
        if (intData == null) {
            throw new IllegalStateException("tensor '" + name + "' is " + dtype + ", not an integer type");
        }
        return intData[i];
    }

    /** The single value of a scalar (or any one-element) tensor. */
    public double item() {
        if (numel() != 1) {
            throw new IllegalStateException("tensor '" + name + "' has shape " + Arrays.toString(shape)
                    + ", not a single value");
        }
        return doubleAt(0);
    }

    static int checkedNumel(String name, int[] shape) {
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("tensor '" + name + "': negative dimension in shape "
                        + Arrays.toString(shape));
            }
            if (d == 0) {
                return 0;
            }
        }
        long n = 1;
        for (int d : shape) {
            n = Math.multiplyExact(n, d); // n < 2^31 and d < 2^31: cannot overflow a long
            if (n > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("tensor '" + name + "': shape " + Arrays.toString(shape)
                        + " has more elements than a Java array can hold");
            }
        }
        return (int) n;
    }

    private static void checkLength(String name, int[] shape, int numel, int length) {
        if (length != numel) {
            throw new IllegalArgumentException("tensor '" + name + "': shape " + Arrays.toString(shape) + " needs "
                    + numel + " values, got " + length);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tensor t && name.equals(t.name) && dtype == t.dtype && Arrays.equals(shape, t.shape)
                && Arrays.equals(floatData, t.floatData) && Arrays.equals(intData, t.intData);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, dtype, Arrays.hashCode(shape), Arrays.hashCode(floatData),
                Arrays.hashCode(intData));
    }

    @Override
    public String toString() {
        return "Tensor[" + name + " " + dtype + " " + Arrays.toString(shape) + "]";
    }
}
