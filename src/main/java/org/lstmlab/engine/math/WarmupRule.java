package org.lstmlab.engine.math;

import java.util.Arrays;
import java.util.Locale;

/**
 * When {@link KernelWarmup} switches to the vector kernels, from the timings of its rounds: a path (probe) counts
 * as compiled in a round when its vector kernel took at most {@link #SLACK} times the plain loops' best time, and
 * the switch comes once <em>every path has counted as compiled in {@link #ROUNDS_NEEDED} rounds</em>, not
 * necessarily the same rounds. Interpreted vector code, and C1's with its boxed vectors, is 10 to 100 times slower
 * than the plain loops; C2's is mostly within 2 times, but one small float32 product (32×50×200) stayed at 3.1
 * times for a whole minute in about one JVM in five, which under a slack of 2 kept every float32 product on the
 * plain loops (8 times slower on W2). So one compiled round is real; a loaded machine makes single timings slow,
 * never fast.
 * (The rule before asked for all paths in two rounds running: with 14 paths, one slow timing anywhere started the
 * count again, and under load it could fail for the whole minute and leave a run on the plain loops.)
 *
 * <p>At the deadline the vector kernels are kept when every path counted as compiled at least once (the paths are
 * compiled, the timings were inconclusive; both kernels give the same bits, so only speed is at stake), or when
 * the last round had every path at least as fast as the plain loops. Pure bookkeeping, no clock: the tests feed it
 * timings.
 */
final class WarmupRule {
    /** A path counts as compiled in a round when it is at most this much slower than the plain loops. */
    static final double SLACK = 4.0;
    /** Rounds in which every path must have counted as compiled before the switch. */
    static final int ROUNDS_NEEDED = 2;

    private final String[] names;
    private final double[] plainBest;
    private final int[] compiledRounds;
    private final double[] lastRatio;
    private int rounds;

    WarmupRule(String... names) {
        this.names = names.clone();
        this.plainBest = new double[names.length];
        this.compiledRounds = new int[names.length];
        this.lastRatio = new double[names.length];
        Arrays.fill(plainBest, Double.POSITIVE_INFINITY);
        Arrays.fill(lastRatio, Double.POSITIVE_INFINITY);
    }

    /** True when the plain loops of this round should be timed too (they compile early: often is waste). */
    boolean timePlain() {
        int round = rounds + 1;
        return round <= 2 || round % 4 == 0;
    }

    /** Whether path {@code i} counted as compiled in the last round (it then gets short bursts). */
    boolean compiledLastRound(int i) {
        return lastRatio[i] <= SLACK;
    }

    /**
     * One round's timings, nanoseconds per call: {@code fast[i]} of path i's vector kernel, {@code plain[i]} of its
     * plain loops (ignored unless {@link #timePlain()} said to time them this round; NaN when not timed).
     */
    void round(double[] fast, double[] plain) {
        boolean withPlain = timePlain();
        rounds++;
        for (int i = 0; i < names.length; i++) {
            if (withPlain && !Double.isNaN(plain[i])) {
                plainBest[i] = Math.min(plainBest[i], plain[i]);
            }
            lastRatio[i] = fast[i] / plainBest[i];
            if (lastRatio[i] <= SLACK) {
                compiledRounds[i]++;
            }
        }
    }

    int rounds() {
        return rounds;
    }

    /** Every path has counted as compiled in {@link #ROUNDS_NEEDED} rounds: switch now. */
    boolean ready() {
        return Arrays.stream(compiledRounds).allMatch(c -> c >= ROUNDS_NEEDED);
    }

    /** At the deadline: keep the vector kernels (see the class comment). */
    boolean keepFastAtDeadline() {
        return Arrays.stream(compiledRounds).allMatch(c -> c >= 1)
                || Arrays.stream(lastRatio).allMatch(r -> r <= 1.0);
    }

    /** The path furthest from compiled in the last round, for the report. */
    String detail() {
        int worst = 0;
        for (int i = 1; i < names.length; i++) {
            if (lastRatio[i] > lastRatio[worst]) {
                worst = i;
            }
        }
        int never = (int) Arrays.stream(compiledRounds).filter(c -> c == 0).count();
        return String.format(Locale.ROOT, "slowest path %s at %.2f× the plain loops%s", names[worst],
                lastRatio[worst], never == 0 ? "" : ", " + never + " never compiled");
    }
}
