package org.lstmlab.engine.session;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.tasks.TaskScore;
import org.lstmlab.engine.text.Message;
import org.lstmlab.engine.train.StepResult;
import org.lstmlab.engine.train.TrainingConfig;

/**
 * A training run's checkup: the warning signs a run shows, each with the numbers that show it, what to try, and
 * the lesson that explains it. It answers "why will my LSTM not learn?" from what the run measured: steps that
 * were not finite, a gradient clipped on most steps, a loss that rises or does not move, a model no better than
 * the naive predictor its verdict names, a gradient that does not reach the first steps, and a validation loss
 * that climbs while the training loss falls.
 *
 * <p>Feed it every step and every epoch of a run ({@link #record(StepResult)}, {@link #record(EpochReport)}) on
 * the thread that trains; {@link #findings} reads what it has seen so far. A run that solved its task shows only
 * the signs that matter whatever the verdict: steps skipped and overfitting.
 */
public final class Checkup {
    /** The gradient reaching t = 1, as a fraction of the largest one, below which the first steps do not learn. */
    static final double VANISHED = 1e-6;
    /** A training loss this much above the run's best is rising. */
    static final double RISE = 1.25;
    /** A training loss that moved less than this fraction since the first epoch has not moved. */
    static final double FLAT = 0.03;
    /** The share of saturated activations ({@link GradientReach#saturated}) above which the gates are stuck. */
    static final double SATURATED_MOST = 0.5;
    /** The share of an epoch's steps clipped above which clipping is the rule, not the exception. */
    static final double CLIPPED_MOST = 0.5;
    /** How far above the clip value the median gradient norm must be for the gradients to be exploding. */
    static final double CLIPPED_FAR = 10;

    /** What a checkup can find. */
    public enum Sign {
        NOT_FINITE, CLIPPED_MOSTLY, LOSS_RISING, LOSS_FLAT, NO_BETTER_THAN_BASELINE, SATURATED, VANISHING,
        OVERFITTING
    }

    /**
     * One warning sign.
     *
     * @param sign    which one
     * @param text    what the run measured that shows it
     * @param advice  what to try
     * @param lesson  the id of the built-in lesson that explains it, or null
     */
    public record Finding(Sign sign, Message text, Message advice, String lesson) {
    }

    private final TrainingConfig config;
    private final CellType cell;
    private final List<EpochReport> epochs = new ArrayList<>();
    private double[] norms = new double[64];
    private int epochSteps;
    private int clipped;
    private double[] lastNorms = new double[0];
    private int lastClipped;

    public Checkup(TrainingConfig config, CellType cell) {
        this.config = config;
        this.cell = cell;
    }

    /** One step of the run. */
    public void record(StepResult r) {
        if (r.skipped()) {
            return;
        }
        if (epochSteps == norms.length) {
            norms = Arrays.copyOf(norms, 2 * norms.length);
        }
        norms[epochSteps++] = r.gradNorm();
        if (config.clipNorm() > 0 && r.gradNorm() > config.clipNorm()) {
            clipped++;
        }
    }

    /** An observer that records every step and epoch of a session into this checkup. */
    public SessionObserver recorder() {
        return new SessionObserver() {
            @Override
            public void onStep(TrainingSession session, StepResult step) {
                record(step);
            }

            @Override
            public void onEpoch(TrainingSession session, EpochReport report) {
                record(report);
            }
        };
    }

    /** The end of an epoch: its steps become the ones the gradient signs are judged on. */
    public void record(EpochReport e) {
        epochs.add(e);
        lastNorms = Arrays.copyOf(norms, epochSteps);
        lastClipped = clipped;
        epochSteps = 0;
        clipped = 0;
    }

    /**
     * The warning signs of the epochs recorded so far, most basic first.
     *
     * @param probe what a probe batch shows of the first layer after the last step, or null when not measured
     */
    public List<Finding> findings(GradientReach.Measure probe) {
        List<Finding> out = new ArrayList<>();
        if (epochs.isEmpty()) {
            return out;
        }
        EpochReport last = epochs.get(epochs.size() - 1);
        String lr = num(config.learningRate());
        if (last.skippedSteps() > 0) {
            out.add(new Finding(Sign.NOT_FINITE, Message.of("engine.checkup.notFinite",
                    String.valueOf(last.skippedSteps()), String.valueOf(last.steps())),
                    Message.of("engine.checkup.notFinite.advice", lr), "exploding-gradient"));
        }
        boolean solved = last.solved();
        if (!solved && lastNorms.length > 0 && lastClipped >= CLIPPED_MOST * lastNorms.length
                && median(lastNorms) > CLIPPED_FAR * config.clipNorm()) {
            out.add(new Finding(Sign.CLIPPED_MOSTLY, Message.of("engine.checkup.clipped", num(config.clipNorm()),
                    percent((double) lastClipped / lastNorms.length), num(median(lastNorms))),
                    Message.of("engine.checkup.clipped.advice", lr), "exploding-gradient"));
        }
        if (!solved) {
            lossSigns(last, lr, out);
            baselineSign(last.score(), out);
            boolean saturated = probe != null && probe.saturated() >= SATURATED_MOST;
            if (saturated) {
                out.add(new Finding(Sign.SATURATED, Message.of("engine.checkup.saturated",
                        percent(probe.saturated())), Message.of("engine.checkup.saturated.advice", lr), "checkup"));
            }
            vanishingSign(probe == null ? null : probe.reach(), saturated, out);
        }
        overfittingSign(out);
        return out;
    }

    private void lossSigns(EpochReport last, String lr, List<Finding> out) {
        int best = 0;
        for (int k = 1; k < epochs.size() - 1; k++) {
            if (epochs.get(k).trainLoss() < epochs.get(best).trainLoss()) {
                best = k;
            }
        }
        EpochReport low = epochs.get(best);
        EpochReport first = epochs.get(0);
        if (epochs.size() >= 2 && last.trainLoss() > RISE * low.trainLoss()) {
            out.add(new Finding(Sign.LOSS_RISING, Message.of("engine.checkup.rising", num(low.trainLoss()),
                    String.valueOf(low.epoch()), num(last.trainLoss()), String.valueOf(last.epoch())),
                    Message.of("engine.checkup.rising.advice", lr, num(config.learningRate() / 10)), null));
        } else if (epochs.size() >= 3
                && Math.abs(last.trainLoss() - first.trainLoss()) < FLAT * Math.abs(first.trainLoss())) {
            out.add(new Finding(Sign.LOSS_FLAT, Message.of("engine.checkup.flat", String.valueOf(epochs.size()),
                    num(first.trainLoss()), num(last.trainLoss())), Message.of("engine.checkup.flat.advice", lr),
                    null));
        }
    }

    private static void baselineSign(TaskScore s, List<Finding> out) {
        if (s.baseline() == TaskScore.Baseline.NONE || !Double.isFinite(s.baselineValue())
                || !Double.isFinite(s.value())) {
            return;
        }
        boolean accuracy = s.metric() == TaskScore.Metric.ACCURACY;
        boolean noBetter = s.metric().higherIsBetter() ? s.value() <= s.baselineValue() + (accuracy ? 0.02 : 0)
                : s.value() >= 0.95 * s.baselineValue();
        if (noBetter) {
            String value = accuracy ? percent(s.value()) : num(s.value());
            String base = accuracy ? percent(s.baselineValue()) : num(s.baselineValue());
            out.add(new Finding(Sign.NO_BETTER_THAN_BASELINE, Message.of("engine.checkup.baseline", value, base),
                    Message.of("engine.checkup.baseline.advice"), null));
        }
    }

    private void vanishingSign(double[] reach, boolean saturated, List<Finding> out) {
        if (reach == null || reach.length < 2) {
            return;
        }
        int top = 0;
        for (int t = 1; t < reach.length; t++) {
            top = reach[t] > reach[top] ? t : top;
        }
        double ratio = reach[0] / reach[top];
        if (reach[top] > 0 && Double.isFinite(ratio) && ratio < VANISHED) {
            String advice = saturated ? "engine.checkup.vanishing.saturated" : cell.isSimpleRnn()
                    ? "engine.checkup.vanishing.rnn" : "engine.checkup.vanishing.gated";
            out.add(new Finding(Sign.VANISHING, Message.of("engine.checkup.vanishing", num(ratio),
                    String.valueOf(top + 1)),
                    Message.of(advice, String.valueOf(reach.length)), "vanishing-gradient"));
        }
    }

    private void overfittingSign(List<Finding> out) {
        int n = epochs.size();
        if (n < 3) {
            return;
        }
        EpochReport a = epochs.get(n - 3);
        EpochReport b = epochs.get(n - 2);
        EpochReport c = epochs.get(n - 1);
        boolean valRises = a.valLoss() < b.valLoss() && b.valLoss() < c.valLoss();
        boolean trainFalls = a.trainLoss() > b.trainLoss() && b.trainLoss() > c.trainLoss();
        if (valRises && trainFalls && c.valLoss() > 1.1 * a.valLoss()) {
            out.add(new Finding(Sign.OVERFITTING, Message.of("engine.checkup.overfitting", num(a.valLoss()),
                    num(c.valLoss()), String.valueOf(a.epoch()), String.valueOf(c.epoch()), num(c.trainLoss())),
                    Message.of("engine.checkup.overfitting.advice"), null));
        }
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    /** Three significant digits, as text so that no locale regroups them. */
    static String num(double v) {
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        return String.format(Locale.ROOT, "%.3g", v).replaceFirst("(\\.\\d*?)0+(?=e|$)", "$1")
                .replaceFirst("\\.(?=e|$)", "");
    }

    private static String percent(double v) {
        return String.format(Locale.ROOT, "%.1f %%", 100 * v);
    }
}
