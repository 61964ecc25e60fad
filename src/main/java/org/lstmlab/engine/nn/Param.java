package org.lstmlab.engine.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.ejml.data.DMatrixRMaj;

/**
 * A trainable tensor: its value and the gradient of the loss with respect to it, side by side, under the name
 * PyTorch gives it ({@code weight_ih_l0}, {@code fc.bias}, ...). Vectors are stored as {@code (n × 1)} matrices;
 * {@link #shape()} keeps the tensor's own shape for files.
 */
public final class Param {
    private final String name;
    private final int[] shape;
    private final DMatrixRMaj value;
    private final DMatrixRMaj grad;

    public Param(String name, int... shape) {
        this(name, shape, matrixFor(shape));
    }

    private Param(String name, int[] shape, DMatrixRMaj value) {
        this.name = name;
        this.shape = shape.clone();
        this.value = value;
        this.grad = new DMatrixRMaj(value.numRows, value.numCols);
    }

    private static DMatrixRMaj matrixFor(int[] shape) {
        if (shape.length == 1) {
            return new DMatrixRMaj(shape[0], 1);
        }
        if (shape.length == 2) {
            return new DMatrixRMaj(shape[0], shape[1]);
        }
        throw new IllegalArgumentException("a parameter is a vector or a matrix, got shape " + Arrays.toString(shape));
    }

    /**
     * A parameter that shares this one's value (the same array) but has its own gradient: what a data-parallel
     * worker uses so that it can accumulate gradients without touching anyone else's.
     */
    public Param withOwnGradient() {
        return new Param(name, shape, value);
    }

    public String name() {
        return name;
    }

    public int[] shape() {
        return shape.clone();
    }

    public int size() {
        return value.data.length;
    }

    /** The value, row-major; {@code value().data} is the flat array the kernels read. */
    public DMatrixRMaj value() {
        return value;
    }

    public double[] data() {
        return value.data;
    }

    public double[] gradData() {
        return grad.data;
    }

    /**
     * The values of {@code params}, each copied, in order. With {@link #setValues} the one place weights are copied:
     * models and stacks ({@link SequenceModel#copy()}, {@link RecurrentStack#weightValues()}, ...) go through them.
     */
    public static List<double[]> valuesOf(List<Param> params) {
        List<double[]> out = new ArrayList<>(params.size());
        for (Param p : params) {
            out.add(p.data().clone());
        }
        return List.copyOf(out);
    }

    /**
     * Overwrites each of {@code params} with the values at the same place in {@code values}, after checking that the
     * counts and every size match (naming the parameter that does not).
     */
    public static void setValues(List<Param> params, List<double[]> values) {
        if (params.size() != values.size()) {
            throw new IllegalArgumentException("expected " + params.size() + " parameters, got " + values.size());
        }
        for (int k = 0; k < params.size(); k++) {
            double[] dst = params.get(k).data();
            double[] src = values.get(k);
            if (src.length != dst.length) {
                throw new IllegalArgumentException(params.get(k).name() + " has " + dst.length + " values, got "
                        + src.length);
            }
        }
        for (int k = 0; k < params.size(); k++) {
            System.arraycopy(values.get(k), 0, params.get(k).data(), 0, values.get(k).length);
        }
    }

    public void zeroGrad() {
        Arrays.fill(grad.data, 0.0);
    }

    @Override
    public String toString() {
        return name + Arrays.toString(shape);
    }
}
