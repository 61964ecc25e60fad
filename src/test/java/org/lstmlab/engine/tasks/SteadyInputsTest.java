package org.lstmlab.engine.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmlab.engine.data.CsvSeries;

/**
 * {@link SeriesTask#steadyInputs()} reads the file's rows two at a time from the windows (the first row of each,
 * then the last window's other rows), as it read them from a copy of every row: a column that rises or falls by the
 * same step in every row is found, and one that breaks its step only in the first step, in the validation part or
 * in the last row of the last window (the rows only that window holds) is not; a steady target is not an input
 * to leave out.
 */
class SteadyInputsTest {
    @TempDir Path dir;

    private static final int ROWS = 50;

    /** The columns' value in row r. */
    private static String row(int r) {
        double row = r;                                   // a row number
        double clock = 90 - 2.5 * r;                      // a clock counting down
        double noise = Math.sin(r * 1.7) * 3;
        double lateBreak = r == ROWS - 2 ? 1000 : 3 * r;  // steady but in the last row a window holds
        double earlyBreak = r == 0 ? -7 : 4 * r;          // its first step differs from the rest
        double validBreak = r >= 45 ? 0.5 * r : r;        // changes its step in the validation rows
        double load = 0.25 * r + 1;                       // the target, steady too
        return row + "," + clock + "," + noise + "," + lateBreak + "," + earlyBreak + "," + validBreak
                + "," + load;
    }

    private SeriesTask task(int window) throws Exception {
        StringBuilder sb = new StringBuilder("row,clock,noise,late,early,valid,load\n");
        for (int r = 0; r < ROWS; r++) {
            sb.append(row(r)).append('\n');
        }
        Path f = dir.resolve("steady.csv");
        Files.writeString(f, sb.toString());
        return new SeriesTask(CsvSeries.load(f, new CsvSeries.Options(List.of(), List.of("load"), window, 1, 0.2,
                null)));
    }

    @Test
    void theRowNumberAndTheClockAreFoundAtEveryWindow() throws Exception {
        for (int window : new int[] {1, 4, 24}) {
            assertEquals(List.of("row", "clock"), task(window).steadyInputs(), "window " + window);
        }
    }
}
