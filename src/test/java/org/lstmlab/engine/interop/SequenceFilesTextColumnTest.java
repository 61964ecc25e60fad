package org.lstmlab.engine.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CSV file given to {@code predict} for a model that does not name its columns (a PyTorch state_dict, a Keras
 * file) is read as training reads one: a column of text, a date say, is left out, not refused once a row.
 */
class SequenceFilesTextColumnTest {
    @TempDir Path dir;

    @Test
    void aDateColumnIsLeftOutOfATimeSeriesAndOfSequencesOfARow() throws IOException {
        Path series = dir.resolve("series.csv");
        Files.writeString(series, "date,a,b\n2024-01-01,1,2\n2024-01-02,3,4\n2024-01-03,5,6\n");
        SequenceFiles.Sequences x = SequenceFiles.read(series, 2, OptionalInt.of(2), List.of());
        assertEquals(2, x.batch());
        assertArrayEquals(new double[] {1, 2, 3, 4, 3, 4, 5, 6}, x.x());
        Path rows = dir.resolve("rows.csv");
        Files.writeString(rows, "id,x0,x1,x2,x3\nfirst,1,2,3,4\nsecond,5,6,7,8\n");
        SequenceFiles.Sequences s = SequenceFiles.read(rows, 2, OptionalInt.empty(), List.of());
        assertEquals(2, s.steps());
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6, 7, 8}, s.x());
    }
}
