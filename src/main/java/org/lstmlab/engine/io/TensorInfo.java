package org.lstmlab.engine.io;

import java.util.Arrays;
import java.util.Objects;

/**
 * What a safetensors header says about one tensor, before its data is read: name, element type and shape. Loaders
 * check these against what they need (and against the memory budget) before any data array exists.
 *
 * @param name  the tensor's name in the file
 * @param dtype its element type
 * @param shape its dimensions (a copy is kept and returned)
 */
public record TensorInfo(String name, DType dtype, int[] shape) {
    public TensorInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dtype, "dtype");
        shape = shape.clone();
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    public int rank() {
        return shape.length;
    }

    /** Number of elements (the product of the shape; 1 for a scalar, 0 for an empty tensor). */
    public long numel() {
        long n = 1;
        for (int d : shape) {
            n *= d; // each tensor the reader accepted has fewer than 2^31 elements
        }
        return n;
    }

    /** Bytes its values take in memory once read: 8 per element ({@code double} or {@code long}). */
    public long memoryBytes() {
        return numel() * Long.BYTES;
    }

    /** Dimension {@code i}, or -1 when the tensor has fewer dimensions. */
    public int dim(int i) {
        return i < shape.length ? shape[i] : -1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TensorInfo t && name.equals(t.name) && dtype == t.dtype && Arrays.equals(shape, t.shape);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, dtype, Arrays.hashCode(shape));
    }

    @Override
    public String toString() {
        return name + " " + dtype + " " + Arrays.toString(shape);
    }
}
