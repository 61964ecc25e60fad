package org.lstmlab.engine.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.nn.ModelSpec;
import org.lstmlab.engine.tasks.Task;
import org.lstmlab.engine.tasks.Tasks;

/**
 * Cells made alike in parameters ({@link Comparison.Sizing#PARAMETERS}): the LSTM keeps the task's units and the
 * GRU and the simple RNN get the units whose parameter count, as the engine counts a built model's, comes closest to
 * the LSTM's; made alike in units (the default), every cell has the task's units.
 */
class ComparisonSizingTest {
    private static final Task ADDING = Tasks.byName("adding");

    /** The parameters of a model the engine builds for the adding problem: {@code cell} of {@code h} units. */
    private static long built(CellType cell, int h) {
        try (TrainingSession s = TrainingSession.builder(ADDING).seqLen(10).cell(cell).hidden(h).trainLimit(20)
                .build()) {
            return s.model().spec().parameterCount();
        }
    }

    @Test
    void theMatchedUnitsAreThoseWhoseBuiltModelComesClosestToTheLstm() {
        long lstm = built(CellType.LSTM, 32);
        assertEquals(4641, lstm, "2 inputs, 32 units, a Dense(1) head");
        ModelSpec spec;
        try (TrainingSession s = TrainingSession.builder(ADDING).seqLen(10).trainLimit(20).build()) {
            spec = s.model().spec();
        }
        assertEquals(2, spec.inputSize());
        assertEquals(1, spec.outputSize());
        assertEquals(37, Comparison.matchedUnits(spec, CellType.GRU));
        assertEquals(66, Comparison.matchedUnits(spec, CellType.RNN_TANH));
        assertEquals(32, Comparison.matchedUnits(spec, CellType.LSTM), "an LSTM matched to itself");
        for (CellType cell : List.of(CellType.GRU, CellType.RNN_TANH)) {
            int h = Comparison.matchedUnits(spec, cell);
            long gap = Math.abs(built(cell, h) - lstm);
            assertTrue(gap < Math.abs(built(cell, h - 1) - lstm), cell + ": fewer units are further");
            assertTrue(gap < Math.abs(built(cell, h + 1) - lstm), cell + ": more units are further");
        }
        assertEquals(4589, built(CellType.GRU, 37));
        assertEquals(4687, built(CellType.RNN_TANH, 66));
    }

    @Test
    void aComparisonOfEqualParametersTrainsEachCellAtItsMatchedUnits() {
        var settings = new Comparison.Settings(ADDING, List.of(10), 1, 100, 42, 1, Comparison.Sizing.PARAMETERS);
        Comparison c = new Comparison(settings);
        List<Comparison.Point> points = c.run(new Comparison.Listener() {
        });
        assertEquals(List.of(CellType.RNN_TANH, CellType.GRU, CellType.LSTM),
                points.stream().map(Comparison.Point::cell).toList());
        assertEquals(List.of(66, 37, 32), points.stream().map(Comparison.Point::units).toList());
        assertEquals(List.of(4687L, 4589L, 4641L), points.stream().map(Comparison.Point::parameters).toList());
        for (Comparison.Point p : points) {
            assertEquals(p.units(), c.units(p.cell(), 10), "the session the comparison builds: " + p.cell());
        }
    }

    @Test
    void byDefaultEveryCellHasTheTasksUnits() {
        var settings = new Comparison.Settings(ADDING, List.of(10), 1, 100, 42, 1);
        assertEquals(Comparison.Sizing.UNITS, settings.sizing());
        Comparison c = new Comparison(settings);
        for (CellType cell : Comparison.CELLS) {
            assertEquals(32, c.units(cell, 10), cell.toString());
        }
    }
}
