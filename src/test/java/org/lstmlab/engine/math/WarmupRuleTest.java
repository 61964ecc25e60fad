package org.lstmlab.engine.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** The warm-up's switch rule, fed timings instead of a clock: no test here depends on this machine's speed. */
class WarmupRuleTest {
    private static final int PATHS = 14;
    private static final double PLAIN = 100;  // ns per call of every path's plain loops

    private static WarmupRule rule() {
        String[] names = new String[PATHS];
        for (int i = 0; i < PATHS; i++) {
            names[i] = "path " + i;
        }
        return new WarmupRule(names);
    }

    /** One round where every path takes `ratio` times the plain loops, except those listed as `slow` (×8). */
    private static void round(WarmupRule r, double ratio, int... slow) {
        double[] fast = new double[PATHS];
        Arrays.fill(fast, ratio * PLAIN);
        for (int i : slow) {
            fast[i] = 8 * PLAIN;
        }
        double[] plain = new double[PATHS];
        Arrays.fill(plain, r.timePlain() ? PLAIN : Double.NaN);
        r.round(fast, plain);
    }

    @Test
    void interpretedKernelsNeverSwitchNorSurviveTheDeadline() {
        WarmupRule r = rule();
        for (int k = 0; k < 50; k++) {
            round(r, 30);
            assertFalse(r.ready());
        }
        assertFalse(r.keepFastAtDeadline());
        assertTrue(r.detail().startsWith("slowest path path 0 at 30.00× the plain loops"), r.detail());
        assertTrue(r.detail().endsWith("14 never compiled"), r.detail());
    }

    @Test
    void compiledKernelsSwitchAfterTwoRounds() {
        WarmupRule r = rule();
        round(r, 40);
        round(r, 1.1);
        assertFalse(r.ready());
        round(r, 1.2);
        assertTrue(r.ready());
        assertEquals(3, r.rounds());
    }

    @Test
    void oneSlowTimingARoundNoLongerHoldsTheSwitchBack() {
        // under load, a different path is slow in every round: "all paths in two rounds running" never held
        WarmupRule r = rule();
        for (int k = 0; k < 3; k++) {
            round(r, 1.2, k % PATHS);
        }
        assertTrue(r.ready(), "every path was compiled in at least two of the three rounds");
    }

    @Test
    void thePathSeenCompiledNeverHoldsTheSwitchBackUntilTheDeadline() {
        WarmupRule r = rule();
        round(r, 1.2);
        for (int k = 0; k < 40; k++) {
            round(r, 1.2, 5);  // path 5 never compiled a second time (or its timings were always disturbed)
            assertFalse(r.ready());
        }
        assertTrue(r.keepFastAtDeadline(), "seen compiled once: inconclusive timing keeps the vector kernels");

        WarmupRule never = rule();
        for (int k = 0; k < 40; k++) {
            round(never, 1.2, 5);
        }
        assertFalse(never.keepFastAtDeadline(), "a path never seen compiled keeps the plain loops");
        assertTrue(never.detail().endsWith("1 never compiled"), never.detail());
    }

    @Test
    void aCompiledPathThreeTimesSlowerThanThePlainLoopsStillSwitches() {
        // seen in one JVM of five: C2's code for float32 mm 32×50×200 at 3.1× the plain loops for a whole minute
        WarmupRule r = rule();
        round(r, 1.2);
        double[] fast = new double[PATHS];
        Arrays.fill(fast, 1.2 * PLAIN);
        fast[3] = 3.1 * PLAIN;
        double[] plain = new double[PATHS];
        Arrays.fill(plain, PLAIN);
        r.round(fast, plain);
        assertTrue(r.ready(), r.detail());
    }

    @Test
    void thePlainLoopsAreTimedInTheFirstRoundsThenEveryFourth() {
        WarmupRule r = rule();
        StringBuilder timed = new StringBuilder();
        for (int k = 1; k <= 9; k++) {
            timed.append(r.timePlain() ? k + " " : "");
            round(r, 40);
        }
        assertEquals("1 2 4 8 ", timed.toString());
    }

    @Test
    void theYardstickIsThePlainLoopsBestTime() {
        WarmupRule r = new WarmupRule("only");
        r.round(new double[] {900}, new double[] {300});   // plain still cold: 3×, counts
        assertTrue(r.compiledLastRound(0));
        r.round(new double[] {900}, new double[] {100});   // plain warm: 9×, does not
        assertFalse(r.compiledLastRound(0));
        r.round(new double[] {150}, new double[] {Double.NaN});
        assertTrue(r.compiledLastRound(0));
        assertTrue(r.ready());
    }
}
