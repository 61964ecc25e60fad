package org.lstmlab.engine.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The Reber grammar (Reber 1967, as used by Cleeremans, Servan-Schreiber &amp; McClelland 1989) and its embedded
 * form (Hochreiter &amp; Schmidhuber 1997, experiment 1): {@code B (T|P) <Reber string> (T|P) E}, where the second
 * T or P repeats the first, so predicting it needs a memory across the whole inner string.
 *
 * <p>The inner grammar is a deterministic automaton: every state has two outgoing symbols, each chosen with
 * probability 1/2, so the set of legal next symbols is a function of the prefix.
 */
public final class ReberGrammar {
    /** The seven symbols, in one-hot order. */
    public static final List<String> SYMBOLS = List.of("B", "T", "P", "S", "X", "V", "E");
    public static final int B = 0;
    public static final int T = 1;
    public static final int P = 2;
    public static final int S = 3;
    public static final int X = 4;
    public static final int V = 5;
    public static final int E = 6;

    /** Longest inner string generated; longer draws are redrawn (they are rare: p ≈ 0.3 % above 20). */
    public static final int MAX_INNER = 20;

    // Inner automaton: state → {symbol, next state} × 2. State 6 is the end (emits E).
    private static final int[][][] EDGES = {
        {{B, 1}, {B, 1}},
        {{T, 2}, {P, 3}},
        {{S, 2}, {X, 4}},
        {{T, 3}, {V, 5}},
        {{X, 3}, {S, 6}},
        {{P, 4}, {V, 6}},
    };

    private ReberGrammar() {
    }

    /** A random inner Reber string, {@code B ... E}, of at most {@link #MAX_INNER} symbols. */
    public static int[] inner(SplittableRandom rng) {
        while (true) {
            List<Integer> out = new ArrayList<>();
            int state = 0;
            while (state != 6 && out.size() <= MAX_INNER) {
                int[] edge = EDGES[state][rng.nextInt(2)];
                out.add(edge[0]);
                state = edge[1];
            }
            if (state == 6 && out.size() < MAX_INNER) {
                out.add(E);
                return out.stream().mapToInt(Integer::intValue).toArray();
            }
        }
    }

    /** A random embedded Reber string: {@code B T <inner> T E} or {@code B P <inner> P E}. */
    public static int[] embedded(SplittableRandom rng) {
        int outer = rng.nextBoolean() ? T : P;
        int[] in = inner(rng);
        int[] s = new int[in.length + 4];
        s[0] = B;
        s[1] = outer;
        System.arraycopy(in, 0, s, 2, in.length);
        s[s.length - 2] = outer;
        s[s.length - 1] = E;
        return s;
    }

    /**
     * For an embedded string, the legal next symbols after each prefix {@code s[0..t]}, t = 0..n−2, as a 0/1
     * vector of 7 per step.
     */
    public static double[] legalNext(int[] s) {
        int n = s.length;
        double[] legal = new double[(n - 1) * SYMBOLS.size()];
        int innerEnd = n - 3;  // index of the inner string's E
        int state = 0;
        for (int t = 0; t < n - 1; t++) {
            int off = t * SYMBOLS.size();
            if (t == 0) {
                legal[off + T] = 1;
                legal[off + P] = 1;
            } else if (t == 1) {
                legal[off + B] = 1;
            } else if (t < innerEnd) {
                state = advance(state, s[t]);
                if (state == 6) {
                    legal[off + E] = 1;
                } else {
                    for (int[] edge : EDGES[state]) {
                        legal[off + edge[0]] = 1;
                    }
                }
            } else if (t == innerEnd) {
                legal[off + s[1]] = 1;
            } else {
                legal[off + E] = 1;
            }
        }
        return legal;
    }

    private static int advance(int state, int symbol) {
        for (int[] edge : EDGES[state]) {
            if (edge[0] == symbol) {
                return edge[1];
            }
        }
        throw new IllegalArgumentException("symbol " + SYMBOLS.get(symbol) + " is not legal in state " + state);
    }

    /** True when {@code s} is a string of the embedded grammar. */
    public static boolean isEmbedded(int[] s) {
        if (s.length < 9 || s[0] != B || s[s.length - 1] != E || (s[1] != T && s[1] != P)
                || s[s.length - 2] != s[1] || s[2] != B || s[s.length - 3] != E) {
            return false;
        }
        int state = 0;
        try {
            for (int t = 2; t < s.length - 3; t++) {
                state = advance(state, s[t]);
            }
        } catch (IllegalArgumentException e) {
            return false;
        }
        return state == 6;
    }

    /** The string as letters, e.g. {@code BTBTXSETE}. */
    public static String text(int[] s) {
        StringBuilder sb = new StringBuilder();
        for (int c : s) {
            sb.append(SYMBOLS.get(c));
        }
        return sb.toString();
    }
}
