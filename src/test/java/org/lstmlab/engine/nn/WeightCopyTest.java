package org.lstmlab.engine.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.lstmlab.engine.loss.Loss;
import org.lstmlab.engine.math.Precision;

/**
 * The one way weights are copied ({@link Param#valuesOf}, {@link Param#setValues}) and what models and stacks build
 * on it: copies own their values, and a mismatch is refused before anything is overwritten.
 */
class WeightCopyTest {
    private static SequenceModel model(long seed) {
        SequenceModel m = new SequenceModel(new ModelSpec(CellType.GRU, 3, 5, 2, 2, HeadMode.LAST,
                Loss.BINARY_CROSS_ENTROPY));
        Initializers.initialize(m, Initializers.Scheme.TORCH, seed);
        return m;
    }

    private static void assertSameValues(List<double[]> a, List<double[]> b) {
        assertEquals(a.size(), b.size());
        for (int k = 0; k < a.size(); k++) {
            assertArrayEquals(a.get(k), b.get(k), "parameter " + k);
        }
    }

    @Test
    void aModelsCopyOwnsItsWeightsAndComputesInFloat64() {
        SequenceModel m = model(1);
        m.setPrecision(Precision.FLOAT32);
        SequenceModel c = m.copy();
        assertSameValues(m.weightValues(), c.weightValues());
        assertEquals(Precision.FLOAT64, c.precision(), "a copy is for the debugger and files: float64");
        double before = m.parameters().get(0).data()[0];
        c.parameters().get(0).data()[0] = before + 1;
        assertEquals(before, m.parameters().get(0).data()[0], "editing the copy leaves the model alone");
        SequenceModel other = model(2);
        other.copyWeightsFrom(m);
        assertSameValues(m.weightValues(), other.weightValues());
    }

    @Test
    void aStacksCopyAndItsValuesAreItsOwn() {
        RecurrentStack s = model(3).rnn();
        RecurrentStack c = s.copy();
        assertNotSame(s.parameters().get(0).data(), c.parameters().get(0).data());
        assertSameValues(s.weightValues(), c.weightValues());
        List<double[]> values = s.weightValues();
        values.get(1)[2] = 42;
        assertEquals(42, values.get(1)[2]);
        assertEquals(c.parameters().get(1).data()[2], s.parameters().get(1).data()[2], "values are copies");
        RecurrentStack fresh = new RecurrentStack(CellType.GRU, 3, 5, 2);
        fresh.setWeights(values);
        assertSameValues(values, fresh.weightValues());
    }

    @Test
    void aMismatchIsRefusedNamingTheParameterAndNothingIsOverwritten() {
        SequenceModel m = model(4);
        List<double[]> before = m.weightValues();
        List<double[]> wrong = new ArrayList<>(model(5).weightValues());
        wrong.set(3, new double[1]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.setWeights(wrong));
        assertEquals(m.parameters().get(3).name() + " has " + m.parameters().get(3).size() + " values, got 1",
                e.getMessage());
        assertSameValues(before, m.weightValues());
        e = assertThrows(IllegalArgumentException.class, () -> m.setWeights(before.subList(0, 2)));
        assertEquals("expected " + before.size() + " parameters, got 2", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> m.copyWeightsFrom(new SequenceModel(new ModelSpec(
                CellType.LSTM, 3, 5, 2, 2, HeadMode.LAST, Loss.BINARY_CROSS_ENTROPY))));
    }
}
