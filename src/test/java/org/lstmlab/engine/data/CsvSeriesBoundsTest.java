package org.lstmlab.engine.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmlab.engine.bounds.MemoryBudget;

/**
 * The sizes of a CSV series' windows are computed without int overflow and checked before anything is allocated:
 * tables far larger than any file can hold are refused from their counts alone, naming the file and the columns.
 */
class CsvSeriesBoundsTest {
    @TempDir
    Path dir;

    private static CsvSeries.Options options(int window, int horizon, double split) {
        return new CsvSeries.Options(List.of(), List.of(), window, horizon, split, null);
    }

    private static List<String> columns(int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> "c" + i).toList();
    }

    @Test
    void rowsTimesInputColumnsPastOneArrayAreRefusedNamingTheFileAndTheColumns() {
        // 5,000,000 × 1,024 = 5,120,000,000 values: an int product would wrap to 825,032,704
        DataFileException e = assertThrows(DataFileException.class, () -> CsvSeries.windows("big.csv",
                CsvTable.MAX_ROWS, 1024, columns(1024), 1, options(24, 1, 0.2), 1));
        assertEquals("big.csv: its 5000000 data rows × 1024 input columns (c1, c2, c3, c4, c5, … (1024 in all)) are "
                + "5120000000 values, more than one Java array holds (" + MemoryBudget.MAX_ARRAY + "); choose fewer "
                + "input columns or fewer rows", e.getMessage());
    }

    @Test
    void aTableThatFitsOneArrayButNotTheMemoryLimitIsRefusedWithBothSizes() {
        DataFileException e = assertThrows(DataFileException.class, () -> CsvSeries.windows("wide.csv",
                CsvTable.MAX_ROWS, 400, columns(400), 1, options(24, 1, 0.2), 1));
        assertTrue(e.getMessage().startsWith("wide.csv: 4999976 windows of 24 rows × 400 columns would need "),
                e.getMessage());
        assertTrue(e.getMessage().contains("more than the memory limit of " + MemoryBudget.bytes(MemoryBudget.limit())),
                e.getMessage());
    }

    @Test
    void theLargestWindowAndHorizonGiveAPositiveCountOfRowsNeeded() {
        // window + horizon = 10,000,000 and the rows needed 10,000,001: counted in longs, never negative
        DataFileException e = assertThrows(DataFileException.class, () -> CsvSeries.windows("s.csv",
                CsvTable.MAX_ROWS, 1, columns(1), 1, options(CsvTable.MAX_ROWS, CsvTable.MAX_ROWS, 0.2),
                CsvTable.MAX_ROWS));
        assertEquals("s.csv: has 5000000 data rows: too few for windows of 5000000 and a horizon of 5000000 (at least "
                + "10000001 are needed)", e.getMessage());
    }

    @Test
    void countsOfWindowsTrainingWindowsAndStatisticRows() throws Exception {
        // 100 rows, windows of 10, forecasting 3 rows on: windows start at rows 0..87 (88); 18 of them (20 %,
        // rounded) validate; the 70 training windows and their targets touch rows 0..81 (82 rows)
        CsvSeries.Windows w = CsvSeries.windows("s.csv", 100, 2, columns(2), 1, options(10, 3, 0.2), 3);
        assertEquals(new CsvSeries.Windows(88, 70, 82), w);
        // and the loader uses them: the same file gives 70 training and 18 validation windows
        StringBuilder csv = new StringBuilder("a,b\n");
        for (int r = 0; r < 100; r++) {
            csv.append(Math.sin(r * 0.3)).append(',').append(Math.cos(r * 0.17)).append('\n');
        }
        Path f = Files.writeString(dir.resolve("s.csv"), csv);
        CsvSeries.Loaded loaded = CsvSeries.load(f, options(10, 3, 0.2));
        assertEquals(70, loaded.dataset().train().size());
        assertEquals(18, loaded.dataset().validation().size());
    }

    @Test
    void noTrainingWindowIsRefusedNamingTheFile() {
        DataFileException e = assertThrows(DataFileException.class, () -> CsvSeries.windows("s.csv", 4, 1,
                columns(1), 1, options(1, 1, 0.9), 1));
        assertEquals("s.csv: leaves no training windows with a validation split of 0.9", e.getMessage());
    }
}
