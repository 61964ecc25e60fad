package org.lstmlab.engine.nn;

import static org.lstmlab.engine.GoldenCase.toBatchFirst;
import static org.lstmlab.engine.GoldenCase.toTimeMajor;
import static org.lstmlab.engine.Tolerance.assertClose;

import java.util.Arrays;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lstmlab.engine.GoldenCase;

/**
 * Forward and backward of every recurrent golden case against PyTorch 1.13 float64, to 1e-9 (the reset-before GRU,
 * which torch.nn lacks, against its equations written in torch operations and differentiated by autograd).
 */
class RecurrentGoldenTest {

    @ParameterizedTest
    @ValueSource(strings = {"lstm_l1_small", "lstm_l2", "lstm_l1_zero_state", "gru_l1", "rnn_tanh_l1",
        "gru_reset_before_l2"})
    void matchesPyTorch(String name) {
        GoldenCase gc = GoldenCase.load(name);
        CellType cell = CellType.parse(gc.meta.get("cell"));
        int layers = gc.metaInt("num_layers");
        int d = gc.metaInt("input_size");
        int h = gc.metaInt("hidden_size");
        int steps = gc.metaInt("seq_len");
        int batch = gc.metaInt("batch");

        RecurrentStack stack = new RecurrentStack(cell, d, h, layers);
        for (Param p : stack.parameters()) {
            double[] v = gc.get(p.name());
            System.arraycopy(v, 0, p.data(), 0, v.length);
        }
        double[] x = toTimeMajor(gc.get("input"), batch, steps, d);
        double[] c0 = gc.has("c0") ? gc.get("c0") : null;
        stack.forward(SequenceInput.dense(x, steps, batch, d), gc.get("h0"), c0);

        int bh = batch * h;
        for (int k = 0; k < layers; k++) {
            LayerTrace tr = stack.trace(k);
            if (gc.has("expected.outputs_l" + k)) {
                assertClose("outputs_l" + k, gc.get("expected.outputs_l" + k),
                        toBatchFirst(tr.outputs(), batch, steps, h));
            }
            if (gc.has("expected.gates_l" + k)) {
                int g = cell.gateCount() * h;
                assertClose("gates_l" + k, gc.get("expected.gates_l" + k),
                        toBatchFirst(Arrays.copyOf(tr.gates(), steps * batch * g), batch, steps, g));
            }
            if (gc.has("expected.cells_l" + k)) {
                double[] cells = Arrays.copyOfRange(tr.cellState(), bh, bh + steps * bh);
                assertClose("cells_l" + k, gc.get("expected.cells_l" + k), toBatchFirst(cells, batch, steps, h));
            }
        }
        LayerTrace top = stack.trace(layers - 1);
        assertClose("output", gc.get("expected.output"), toBatchFirst(top.outputs(), batch, steps, h));

        assertClose("h_n", gc.get("expected.h_n"), stack.finalHidden());
        if (gc.has("expected.c_n")) {
            assertClose("c_n", gc.get("expected.c_n"), stack.finalCell());
        }

        double[] dy = toTimeMajor(gc.get("grad_output"), batch, steps, h);
        stack.backward(dy, null, null, true);
        for (Param p : stack.parameters()) {
            assertClose("grad." + p.name(), gc.get("expected.grad." + p.name()), p.gradData());
        }
        assertClose("grad.input", gc.get("expected.grad.input"),
                toBatchFirst(Arrays.copyOf(stack.grads(0).dx(), steps * batch * d), batch, steps, d));
        double[] dh0 = new double[layers * bh];
        double[] dc0 = new double[layers * bh];
        for (int k = 0; k < layers; k++) {
            System.arraycopy(stack.initialHiddenGrad(k), 0, dh0, k * bh, bh);
            if (cell.hasCellState()) {
                System.arraycopy(stack.initialCellGrad(k), 0, dc0, k * bh, bh);
            }
        }
        assertClose("grad.h0", gc.get("expected.grad.h0"), dh0);
        if (gc.has("expected.grad.c0")) {
            assertClose("grad.c0", gc.get("expected.grad.c0"), dc0);
        }
    }
}
