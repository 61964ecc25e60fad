package org.lstmlab.ui.debugger;

import java.util.List;

import org.lstmlab.engine.nn.Batch;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.nn.ModelSpec;

/**
 * Everything a worker needs to trace one run, copied so that nothing the UI later edits is shared: the cell and its
 * sizes, the parameter values in {@code RecurrentStack.parameters()} order (then the head's weight and bias when
 * there is a head), the input (T × D, one sequence), and what the loss is.
 *
 * @param head   the trained model's spec when {@code loss} is {@link LossKind#MODEL_HEAD}, else null
 * @param target the sample's targets for the head (its input is ignored), else null
 */
public record TraceRequest(CellType cell, int inputSize, int hiddenSize, int layers, int steps, List<double[]> params,
                           double[] input, LossKind loss, ModelSpec head, Batch target) {
}
