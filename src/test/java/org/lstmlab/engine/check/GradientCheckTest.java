package org.lstmlab.engine.check;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.nn.Param;

/** Finite differences against backpropagation through time for every cell with 1 to 3 layers. */
class GradientCheckTest {

    @ParameterizedTest(name = "{0} with {1} layers")
    @CsvSource({"lstm,1", "lstm,2", "lstm,3", "gru,1", "gru,2", "gru,3", "rnn_tanh,1", "rnn_tanh,2", "rnn_tanh,3",
            "rnn_relu,1", "rnn_relu,2", "gru-reset-before,1", "gru-reset-before,2", "gru-reset-before,3"})
    void backwardMatchesFiniteDifferences(String cell, int layers) {
        GradientCheckCase c = new GradientCheckCase(CellType.parse(cell), 3, 4, layers, 5, 2, 11 + layers);
        GradientCheck.Report r = c.run();
        assertTrue(r.passed(), () -> cell + " failed: " + r);
        assertTrue(r.worstRelativeError() < 1e-5, () -> "worst relative error " + r);
    }

    /**
     * The tutorial's wrong cells, as {@code gradcheck --cell NAME} runs them. The squashed cell's gradients through
     * time are small (that is its defect: every step multiplies them by 1 − c_t²), so the finite differences, whose
     * absolute noise is about 1e-10, leave a larger relative error on them.
     */
    @ParameterizedTest(name = "{0} with {1} layers")
    @CsvSource({"lstm-squashed-cell,1", "lstm-squashed-cell,2", "lstm-tanh-input,1", "lstm-tanh-input,2"})
    void theTutorialsWrongCellsPassTheGradientCheck(String cell, int layers) {
        GradientCheckCase c = new GradientCheckCase(CellType.parse(cell), 3, 4, layers, 5, 2, 11 + layers);
        GradientCheck.Report r = c.run();
        assertTrue(r.passed(), () -> cell + " failed: " + r);
        assertTrue(r.worstRelativeError() < 1e-4, () -> "worst relative error " + r);
    }

    @ParameterizedTest(name = "{0}: a broken derivative is caught")
    @CsvSource({"lstm", "gru", "gru-reset-before", "rnn_tanh", "lstm-squashed-cell", "lstm-tanh-input"})
    void brokenDerivativeFailsTheCheck(String cell) {
        GradientCheckCase c = new GradientCheckCase(CellType.parse(cell), 3, 4, 2, 5, 2, 5);
        Param hidden = c.stack().layer(1).weightHh();
        // Backward with a deliberately wrong derivative: the recurrent weights' gradient is off by 1%.
        GradientCheck.Report r = GradientCheck.check(c.checkedParams(), c::loss, () -> {
            c.lossAndGradients();
            double[] g = hidden.gradData();
            for (int i = 0; i < g.length; i++) {
                g[i] *= 1.01;
            }
        }, GradientCheck.DEFAULT_EPSILON);
        assertFalse(r.passed(), "a 1% error in dL/dW_hh must be caught");
        assertTrue(r.worstParam().equals(hidden.name()), r.worstParam());
    }
}
