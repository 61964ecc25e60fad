package org.lstmlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** {@code bench}'s own fields and its float32 mode. */
class BenchCommandTest {
    private static double number(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\": ([-0-9.Ee]+)").matcher(json);
        assertTrue(m.find(), key + " in " + json);
        return Double.parseDouble(m.group(1));
    }

    @Test
    void float32BenchReportsGflopsPeakAndFirstEpoch() {
        CliTestSupport.Result r = CliTestSupport.run("bench", "W1", "--seconds", "0.2", "--threads", "1",
                "--dtype", "float32", "--first-epoch", "4");
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = r.out().strip().lines().toList();
        assertEquals(1, lines.size(), r.out());
        String json = lines.get(0);
        assertTrue(json.contains("\"dtype\": \"float32\""), json);
        assertTrue(json.contains("\"first_epoch_steps\": 4"), json);
        assertTrue(json.contains("\"cold\": true"), json);
        assertTrue(number(json, "first_epoch_s") > 0, json);
        double gflops = number(json, "gflops");
        double peak = number(json, "peak_gflops");
        assertTrue(gflops > 0 && peak > 0, json);
        // W1: 10 steps of B = 32 through LSTM(1 -> 50) and Dense(1): 3·2·T·B·4H·(D+H) + 3·2·B·H·O FLOPs a step
        double flops = 3.0 * 2 * 10 * 32 * 200 * 51 + 3.0 * 2 * 32 * 50;
        assertEquals(flops * number(json, "batches") / (number(json, "ms_per_batch") * number(json, "batches"))
                / 1e6, gflops, 0.02 * gflops + 0.01, json);
        // gflops and peak_gflops are printed rounded (2 and 1 decimals), the fraction from the unrounded values
        double fraction = number(json, "peak_fraction");
        assertEquals(gflops / peak, fraction, fraction * (0.05 / peak + 0.005 / gflops) + 0.002, json);
        // a measured peak below what one float32 step reached would mean the probe timed C1 (boxed) code
        assertTrue(fraction < 1.5, "the probe measured compiled code: " + json);
        assertTrue(json.contains("float32"), "the float32 kernel runs: " + json);
    }

    @Test
    void badDtypeIsRefused() {
        CliTestSupport.Result r = CliTestSupport.run("bench", "W1", "--dtype", "float16");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("float16"), r.err());
        r = CliTestSupport.run("train", "--dtype", "half", "--no-save");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("half"), r.err());
    }
}
