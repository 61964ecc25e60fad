package org.lstmlab.ui.training;

import java.util.Arrays;

/**
 * Per-step training metrics in bounded memory: when full, every other point is dropped and from then on only
 * every second step (then every fourth, ...) is kept, so the whole run stays visible at a resolution that fits
 * a chart. Written by the training worker only; {@link #copy()} gives the UI immutable arrays.
 */
final class MetricsHistory {
    private final int capacity;
    private final double[] step;
    private final double[] loss;
    private final double[] gradNorm;
    private int size;
    private long stride = 1;

    MetricsHistory(int capacity) {
        if (capacity < 2 || capacity % 2 != 0) {
            throw new IllegalArgumentException("capacity must be even and at least 2, got " + capacity);
        }
        this.capacity = capacity;
        step = new double[capacity];
        loss = new double[capacity];
        gradNorm = new double[capacity];
    }

    /** Records step {@code n} (0-based count of steps trained) if it falls on the current stride. */
    void add(long n, double l, double g) {
        if (n % stride != 0) {
            return;
        }
        if (size == capacity) {
            for (int i = 0; i < capacity / 2; i++) {
                step[i] = step[2 * i];
                loss[i] = loss[2 * i];
                gradNorm[i] = gradNorm[2 * i];
            }
            size = capacity / 2;
            stride *= 2;
            if (n % stride != 0) {
                return;
            }
        }
        step[size] = n;
        loss[size] = l;
        gradNorm[size] = g;
        size++;
    }

    long stride() {
        return stride;
    }

    /** Steps, losses and gradient norms, copies. */
    double[][] copy() {
        return new double[][] {Arrays.copyOf(step, size), Arrays.copyOf(loss, size), Arrays.copyOf(gradNorm, size)};
    }
}
