package org.lstmlab.engine.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmlab.engine.data.ClassRows;
import org.lstmlab.engine.data.Dataset;
import org.lstmlab.engine.tasks.Task;
import org.lstmlab.engine.tasks.TaskScore;
import org.lstmlab.engine.tasks.UserData;

/**
 * A comparison on the user's CSV file: at its one length, the window, every cell trains on the same windows of the
 * one reading, and a forecast's best epoch is the one of lowest validation MSE (it has no accuracy).
 */
class ComparisonOnFileTest {
    @TempDir Path dir;

    private Task forecast(int window) throws Exception {
        Path csv = dir.resolve("activity.csv");
        Files.writeString(csv, ClassRows.csv(160, 4));
        return UserData.read(new UserData.Request(csv, false, List.of("a", "b"), List.of("a"), window, 1, 0.2,
                null)).task();
    }

    @Test
    void aFileIsComparedAtItsWindowOnly() throws Exception {
        Task t = forecast(5);
        assertTrue(Comparison.comparable(t));
        assertFalse(Comparison.comparableTasks().contains(t), "the built-in list stays the built-in tasks");
        assertEquals(List.of(5), Comparison.defaults(t, 1).lengths());
        assertEquals(t.generate(0, 1).train().size(), Comparison.maxSamples(t), "all its training windows");
        var e = assertThrows(IllegalArgumentException.class,
                () -> new Comparison.Settings(t, List.of(5, 10), 1, 50, 1, 1));
        assertTrue(e.getMessage().contains("10"), e.getMessage());
    }

    @Test
    void everyCellTrainsOnTheSameWindowsAndKeepsItsLowestMse() throws Exception {
        Task t = forecast(5);
        Comparison c = new Comparison(new Comparison.Settings(t, List.of(5), 3, 60, 7, 1));
        Dataset first;
        try (TrainingSession a = c.session(Comparison.CELLS.get(0), 5).build();
             TrainingSession b = c.session(Comparison.CELLS.get(2), 5).build()) {
            first = a.data();
            assertSame(first.validation().get(0), b.data().validation().get(0), "one reading, the same windows");
            assertEquals(60, a.data().train().size());
        }
        List<String> told = new java.util.ArrayList<>();
        List<Comparison.Point> points = c.run(new Comparison.Listener() {
            @Override
            public void started(org.lstmlab.engine.nn.CellType cell, int seqLen) {
                told.add("start " + cell);
            }

            @Override
            public void epoch(org.lstmlab.engine.nn.CellType cell, int seqLen, EpochReport report) {
                told.add(cell + " epoch " + report.epoch());
            }

            @Override
            public void finished(Comparison.Point point) {
                told.add("end " + point.cell());
            }
        });
        assertEquals(3, points.size());
        List<String> expected = new java.util.ArrayList<>();
        for (var cell : Comparison.CELLS) {
            expected.add("start " + cell);
            for (int e = 1; e <= 3; e++) {
                expected.add(cell + " epoch " + e);
            }
            expected.add("end " + cell);
        }
        assertEquals(expected, told, "each epoch is told as it ends, so that the tab draws it then");
        for (Comparison.Point p : points) {
            assertEquals(TaskScore.Metric.MSE, p.best().score().metric());
            double lowest = p.epochs().stream().mapToDouble(r -> r.score().value()).min().orElseThrow();
            assertEquals(lowest, p.value(), 0.0, p.cell() + ": the best epoch is that of the lowest MSE");
            assertEquals(points.get(0).best().score().baselineValue(), p.best().score().baselineValue(), 0.0);
        }
    }
}
