package org.lstmlab.engine.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.tasks.Tasks;

/**
 * Each model of a comparison says how many parameters it has, which the Compare tab shows beside its training
 * time. Checked against the count by hand: a layer of H units on D inputs has k·(H·D + H·H + 2·H) parameters in
 * PyTorch's layout (two biases), with k = 4 for an LSTM, 3 for a GRU and 1 for a simple RNN, and the Dense head
 * H·O + O; the sequence length changes none of it.
 */
class ComparisonParametersTest {
    @Test
    void eachModelCountsItsWeightsAsPyTorchWouldWhateverTheLength() {
        var settings = new Comparison.Settings(Tasks.byName("adding"), List.of(10, 12), 1, 200, 42, 1);
        List<Comparison.Point> points = new Comparison(settings).run(new Comparison.Listener() {
        });
        assertEquals(6, points.size());
        for (Comparison.Point p : points) {
            long h;
            long d;
            long o;
            try (TrainingSession s = new Comparison(settings).session(p.cell(), p.seqLen()).build()) {
                h = s.model().spec().hiddenSize();
                d = s.model().spec().inputSize();
                o = s.model().spec().outputSize();
            }
            int k = p.cell() == CellType.LSTM ? 4 : p.cell() == CellType.GRU ? 3 : 1;
            assertEquals(2, d, "the adding problem's two inputs");
            assertEquals(k * (h * d + h * h + 2 * h) + h * o + o, p.parameters(), p.cell() + " at T = " + p.seqLen());
            assertTrue(p.seconds() > 0, "it took time: " + p);
        }
        assertEquals(points.get(0).parameters(), points.get(3).parameters(), "the same cell at T = 10 and T = 12");
    }
}
