package org.lstmlab.ui.common;

import java.util.List;

/**
 * The zoom's steps and their arithmetic, without a toolkit: from 75 % to 300 %, in the steps a browser takes, so that
 * Ctrl + and Ctrl − walk through them and Ctrl 0 returns to 100 %. A percentage read from the settings (or typed
 * anywhere else) snaps to the nearest step.
 */
public final class Zoom {
    /** The steps in percent, ascending; 100 is one of them. */
    public static final List<Integer> STEPS = List.of(75, 90, 100, 110, 125, 150, 175, 200, 250, 300);
    public static final int MIN = STEPS.get(0);
    public static final int MAX = STEPS.get(STEPS.size() - 1);
    public static final int NORMAL = 100;

    private Zoom() {
    }

    /** The next step above {@code percent}; {@link #MAX} stays. */
    public static int in(int percent) {
        int p = snap(percent);
        int k = STEPS.indexOf(p);
        return STEPS.get(Math.min(STEPS.size() - 1, k + 1));
    }

    /** The next step below {@code percent}; {@link #MIN} stays. */
    public static int out(int percent) {
        int p = snap(percent);
        int k = STEPS.indexOf(p);
        return STEPS.get(Math.max(0, k - 1));
    }

    /** The step nearest to {@code percent} (the lower one on a tie); anything out of range clamps to the ends. */
    public static int snap(int percent) {
        int best = STEPS.get(0);
        for (int s : STEPS) {
            if (Math.abs(s - percent) < Math.abs(best - percent)) {
                best = s;
            }
        }
        return best;
    }

    /** A stored setting as a step: null, blank or garbage is {@link #NORMAL}. */
    public static int parse(String text) {
        if (text == null) {
            return NORMAL;
        }
        try {
            return snap(Integer.parseInt(text.strip()));
        } catch (NumberFormatException e) {
            return NORMAL;
        }
    }

    /** The factor a view is scaled by: 1.5 for 150 %. */
    public static double factor(int percent) {
        return snap(percent) / 100.0;
    }
}
