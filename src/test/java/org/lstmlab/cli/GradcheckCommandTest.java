package org.lstmlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lstmlab.engine.check.GradientCheckCase;
import org.lstmlab.engine.nn.CellType;

/**
 * The {@code gradcheck} command end to end: it checks every value of every parameter, the input and the initial
 * states, reports a worst relative error far below the 1e-3 gate for a correct backward pass, and says PASSED.
 */
class GradcheckCommandTest {
    private static final Pattern SUMMARY = Pattern.compile("gradcheck (\\w+) D=(\\d+) H=(\\d+) layers=(\\d+) T=(\\d+) "
            + "B=(\\d+): (\\d+) values, worst relative error ([0-9.e+-]+) \\((\\w+)\\), PASSED");

    @ParameterizedTest
    @ValueSource(strings = {"lstm", "gru", "rnn", "rnn_relu"})
    void everyCellPassesAndEveryValueIsCounted(String cell) {
        CliTestSupport.Result r = CliTestSupport.run("gradcheck", "--cell", cell, "--layers", "2", "--steps", "4",
                "--batch", "2", "--input", "3", "--hidden", "3");
        assertEquals(0, r.exitCode(), r.out() + r.err());
        Matcher m = SUMMARY.matcher(r.out().strip());
        assertTrue(m.matches(), r.out());
        CellType type = CellType.parse(cell);
        assertEquals(GradientCheckCase.values(type, 3, 3, 2, 4, 2), Long.parseLong(m.group(7)),
                "every weight, every input value and every initial state is checked");
        assertTrue(Double.parseDouble(m.group(8)) < 1e-4, "worst relative error " + m.group(8));
    }

    @Test
    void verboseListsEveryParameterWithItsWorstElement() {
        CliTestSupport.Result r = CliTestSupport.run("gradcheck", "--cell", "gru", "--layers", "1", "--verbose");
        assertEquals(0, r.exitCode(), r.err());
        for (String name : new String[] {"weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0", "input", "h0"}) {
            assertTrue(r.out().contains("  " + name + " "), "no line for " + name + ": " + r.out());
        }
        assertEquals(7, r.out().strip().lines().count(), "six parameters and the summary: " + r.out());
    }

    @Test
    void theWorkIsBoundedBeforeAnythingIsComputed() {
        assertTrue(GradientCheckCase.work(CellType.LSTM, 1, 1, 1, 100_000, 2) > GradcheckCommand.MAX_WORK);
        assertTrue(GradientCheckCase.work(CellType.LSTM, 3, 4, 2, 5, 2) < GradcheckCommand.MAX_WORK / 100,
                "the default check is far inside the bound");
        assertEquals(Long.MAX_VALUE, GradientCheckCase.work(CellType.LSTM, 1 << 20, 1 << 20, 64,
                Integer.MAX_VALUE, Integer.MAX_VALUE), "overflow counts as too much");
    }
}
