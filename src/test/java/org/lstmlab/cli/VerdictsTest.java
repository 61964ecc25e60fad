package org.lstmlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmlab.engine.io.SeriesScaling;
import org.lstmlab.engine.tasks.TaskScore;

/**
 * {@code train}'s errors in the target's units are read by a person: four significant digits, thousands grouped
 * as the Train tab writes them ({@code 8,012}), never {@code 8e+03} or {@code 8.012E+3}.
 */
class VerdictsTest {
    @TempDir Path dir;

    @Test
    void errorsInUnitsAreTheRmseTimesTheTargetsSpreadInPlainDigits() {
        SeriesScaling sales = new SeriesScaling(List.of("sales"), new double[] {50_000}, new double[] {8012.4},
                List.of("sales"), new double[] {50_000}, new double[] {8012.4}, 12, 1);
        TaskScore s = TaskScore.below(TaskScore.Metric.MSE, 1.0, 4.0, TaskScore.Baseline.LAST_VALUE, 4.0);
        assertEquals("in the units of sales: RMSE 8,012, repeating the last value 16,020 (the MSEs above are of "
                + "standardised values)", Verdicts.inUnits(sales, s).orElseThrow());
        s = TaskScore.below(TaskScore.Metric.MSE, 0.0004, 4.0, TaskScore.Baseline.LAST_VALUE, 4.0);
        assertEquals("in the units of sales: RMSE 160.2, repeating the last value 16,020 (the MSEs above are of "
                + "standardised values)", Verdicts.inUnits(sales, s).orElseThrow(), "0.02 x 8012.4 = 160.248");
    }

    /** Sales around a million, noisy by a hundred thousand: both errors are in the ten thousands at least. */
    @Test
    void trainPrintsLargeErrorsGroupedAndWithoutAnExponent() throws Exception {
        Random random = new Random(7);
        StringBuilder sb = new StringBuilder("visitors,sales\n");
        for (int d = 0; d < 80; d++) {
            sb.append(300 + random.nextInt(50)).append(',').append(1_000_000 + random.nextInt(200_000)).append('\n');
        }
        Path csv = dir.resolve("big.csv");
        Files.writeString(csv, sb.toString());
        CliTestSupport.Result r = CliTestSupport.run("train", "--data", csv.toString(), "--target", "sales",
                "--seq-len", "6", "--epochs", "1", "--hidden", "4");
        assertEquals(0, r.exitCode(), r.err());
        String line = r.out().lines().filter(l -> l.startsWith("in the units of sales:")).findFirst().orElseThrow();
        // noise around a level: always the training mean is the better naive forecast
        assertTrue(line.matches("in the units of sales: RMSE \\d{1,3}(,\\d{3})+, always the training mean "
                + "\\d{1,3}(,\\d{3})+ \\(the MSEs above are of standardised values\\)"), line);
        assertFalse(r.out().contains("e+0") || r.out().contains("E+"), r.out());
    }
}
