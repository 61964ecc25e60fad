package org.lstmlab.engine.session;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.optim.OptimizerKind;
import org.lstmlab.engine.tasks.TaskScore;
import org.lstmlab.engine.text.Message;
import org.lstmlab.engine.text.PlainNumbers;
import org.lstmlab.engine.train.StepResult;
import org.lstmlab.engine.train.TrainingConfig;

/**
 * A training run's checkup: the warning signs a run shows, each with the numbers that show it, what to try, and
 * the lesson that explains it. It answers "why will my LSTM not learn?" from what the run measured: steps that
 * were not finite, a gradient clipped on most steps (or, unclipped, far above its median on a few), weights that
 * barely move, a loss that rises or does not move, a model no better than the naive predictor its verdict names,
 * too few hidden units, saturated gates or a gradient that does not reach the first steps in any layer, and a
 * validation loss that climbs while the training loss falls.
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
    /** Without clipping: how far above an epoch's median gradient norm its largest one must be to be a spike. */
    static final double SPIKE = 100;
    /**
     * How many times its optimizer's default ({@link OptimizerKind#defaultLearningRate}) a learning rate must be for
     * spikes to be blamed on it rather than cured by clipping. Adam and RMSprop move each weight by about the
     * learning rate on every step whatever the size of the gradient, so at 100 × 0.001 one step is as large as a
     * typical weight of the built-in tasks' LSTMs (root mean square 0.09 to 0.12). Measured without clipping
     * (docs/training.md): on the adding problem Adam at 0.5 and 1 spikes and moves the weights 23 and 45 times their
     * size in the first epoch, six built-in tasks at their own rates (up to ten times the default) 3.3 times at most;
     * the copy task spikes at 1, 3, 10 and 30 times the default alike, where a lower rate would not help.
     */
    static final double LR_TOO_HIGH = 100;
    /**
     * ‖Δw‖ / ‖w‖ over the last epoch, per step of it, below which the weights barely move: a learning rate of 1e-6
     * gives 6 to 10 × 10⁻⁶, the slowest healthy epoch measured 5 × 10⁻⁵ (docs/training.md).
     */
    static final double STILL = 3e-5;
    /**
     * A model no better than the naive prediction whose training loss fell in each of this many last epochs is
     * told that it may only be starting (a learning rate of 1e-5 on the Keras example: 0.686 to 0.661, and its
     * accuracy leaves the majority's 52.2 % in epoch 9), not that it has learned the average answer.
     */
    static final int FALLING_EPOCHS = 3;
    /** Hidden units per layer at most this few are too few to hold what a task needs. */
    static final int FEW_UNITS = 2;
    /**
     * Fewer training samples than this (or validation samples than {@link #FEW_VALIDATION}) are too few to learn
     * from or to judge by: a CSV file of a few dozen rows. A model no better than the naive prediction is then told
     * so, not that its series may move at random.
     */
    static final int FEW_TRAINING = 50;
    static final int FEW_VALIDATION = 10;

    /** What a checkup can find. */
    public enum Sign {
        NOT_FINITE, CLIPPED_MOSTLY, GRADIENT_SPIKES, WEIGHTS_STILL, LOSS_RISING, LOSS_FLAT, NO_BETTER_THAN_BASELINE,
        FEW_UNITS, SATURATED, VANISHING, OVERFITTING;

        /** The sign's name in {@code train}'s JSON line, e.g. {@code weights_still}. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
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
    private final int hidden;
    private final int suggestedHidden;
    private final List<EpochReport> epochs = new ArrayList<>();
    /** The run's training and validation samples (0 when not known: no advice about too few). */
    private int trainSamples;
    private int validationSamples;
    private double[] norms = new double[64];
    private int epochSteps;
    private int clipped;
    private double[] lastNorms = new double[0];
    private int lastClipped;
    /** The epoch whose largest gradient norm stood furthest above its median, and those two norms. */
    private int spikeEpoch;
    private double spikeTop;
    private double spikeMedian;

    /**
     * A checkup of a run of {@code cell} layers trained with {@code config} ({@link #of} reads them from a session).
     *
     * @param hidden          the model's hidden units per layer (0 when not known: no {@link Sign#FEW_UNITS})
     * @param suggestedHidden the hidden size the task suggests (0 when it suggests none)
     */
    public Checkup(TrainingConfig config, CellType cell, int hidden, int suggestedHidden) {
        this.config = config;
        this.cell = cell;
        this.hidden = hidden;
        this.suggestedHidden = suggestedHidden;
    }

    /** The checkup of a session: its config, cell and width, and its task's suggested width. */
    public static Checkup of(TrainingSession s) {
        Checkup c = new Checkup(s.config(), s.record().cell(), s.model().spec().hiddenSize(),
                s.task().defaultHidden());
        c.trainSamples = s.data().train().size();
        c.validationSamples = s.data().validation().size();
        return c;
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
        if (lastNorms.length > 0) {
            double median = median(lastNorms);
            double top = Arrays.stream(lastNorms).max().getAsDouble();
            if (median > 0 && (spikeEpoch == 0 || top / median > spikeTop / spikeMedian)) {
                spikeEpoch = e.epoch();
                spikeTop = top;
                spikeMedian = median;
            }
        }
        epochSteps = 0;
        clipped = 0;
    }

    /**
     * The warning signs of the epochs recorded so far, most basic first.
     *
     * @param layers what a probe batch shows of each recurrent layer after the last step, the input's first; null
     *               or empty when not measured
     */
    public List<Finding> findings(List<GradientReach.Measure> layers) {
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
        Finding overfitting = overfitting();
        if (last.solved()) {
            addIfAny(overfitting, out);
            return out;
        }
        gradientSigns(lr, out);
        boolean slow = lastNorms.length > 0 && last.weightChange() / lastNorms.length < STILL;  // false for NaN
        boolean held = slow && LayerSigns.anySaturated(layers);  // saturated gates hold them, not the learning rate
        boolean still = slow && !held;
        if (still) {
            out.add(new Finding(Sign.WEIGHTS_STILL, Message.of("engine.checkup.still", num(last.weightChange()),
                    String.valueOf(last.epoch()), String.valueOf(lastNorms.length),
                    num(last.weightChange() / lastNorms.length)), Message.of("engine.checkup.still.advice", lr,
                    num(10 * config.learningRate()), num(100 * config.learningRate())), null));
        }
        String heldBy = cell.isSimpleRnn() ? "engine.checkup.flat.held.rnn" : "engine.checkup.flat.held";
        lossSigns(last, lr, still ? "engine.checkup.flat.still" : held ? heldBy
                : Double.isNaN(last.weightChange()) ? "engine.checkup.flat.advice" : "engine.checkup.flat.moving", out);
        baselineSign(last.score(), still, overfitting != null, out);
        if (hidden > 0 && hidden <= FEW_UNITS && suggestedHidden > hidden) {
            out.add(new Finding(Sign.FEW_UNITS, Message.of("engine.checkup.fewUnits", hidden),
                    Message.of("engine.checkup.fewUnits.advice", String.valueOf(suggestedHidden)), null));
        }
        out.addAll(LayerSigns.judge(layers, cell, lr));
        addIfAny(overfitting, out);
        return alone(out);
    }

    /**
     * The advice of a model worse than the naive prediction points to the other signs; with none, it says what to
     * try instead (before, "the other signs say more" stood alone), and for a forecast, that repeating the last value
     * of a series that moves at random can be the best there is, or the mean of one that is noise around a level.
     */
    private static List<Finding> alone(List<Finding> out) {
        String key = out.size() == 1 ? out.get(0).advice().key() : "";
        String alone = Map.of("engine.checkup.baseline.worse", "engine.checkup.baseline.worseAlone",
                "engine.checkup.baseline.worseMean", "engine.checkup.baseline.worseMeanAlone",
                "engine.checkup.baseline.worseRepeats", "engine.checkup.baseline.worseRepeatsAlone").get(key);
        if (alone == null) {
            return out;
        }
        Finding f = out.get(0);
        return List.of(new Finding(f.sign(), f.text(), Message.of(alone), f.lesson()));
    }

    /** What the score did over the epochs recorded so far, alone or under {@code signs} ({@link LearningProgress}). */
    public Message progress(List<Finding> signs) {
        return LearningProgress.forCheckup(signs, epochs);
    }

    /** The kind of {@link #progress}'s sentence, for a JSON line; null for a solved run or before an epoch. */
    public LearningProgress.Kind progressKind() {
        return LearningProgress.kind(epochs);
    }

    private void gradientSigns(String lr, List<Finding> out) {
        if (lastNorms.length > 0 && config.clipNorm() > 0 && lastClipped >= CLIPPED_MOST * lastNorms.length
                && median(lastNorms) > CLIPPED_FAR * config.clipNorm()) {
            out.add(new Finding(Sign.CLIPPED_MOSTLY, Message.of("engine.checkup.clipped", num(config.clipNorm()),
                    percent((double) lastClipped / lastNorms.length), num(median(lastNorms))),
                    Message.of("engine.checkup.clipped.advice", lr), "exploding-gradient"));
        }
        if (config.clipNorm() == 0 && spikeEpoch > 0 && spikeTop > SPIKE * spikeMedian) {
            out.add(new Finding(Sign.GRADIENT_SPIKES, Message.of("engine.checkup.spikes", num(spikeTop),
                    String.valueOf(spikeEpoch), num(spikeMedian), num(spikeTop / spikeMedian)),
                    spikesAdvice(), "exploding-gradient"));
        }
    }

    /**
     * Clip the gradient norm, or, at a learning rate {@link #LR_TOO_HIGH} times its optimizer's default or more,
     * lower the learning rate first: clipping would only hide steps that are too large.
     */
    private Message spikesAdvice() {
        double usual = config.optimizer().defaultLearningRate(config.flavour());
        if (config.learningRate() >= LR_TOO_HIGH * usual) {
            double times = config.learningRate() / usual;  // 500, not 5e+02; 1e+05 and up as num writes them
            return Message.of("engine.checkup.spikes.lr", num(config.learningRate()),
                    times < 1e5 ? String.valueOf(Math.round(times)) : num(times), config.optimizer().label(),
                    num(usual), num(10 * usual));
        }
        return Message.of("engine.checkup.spikes.advice", num(clipSuggestion(spikeMedian)));
    }

    /** A clip value to suggest: a few times the typical norm, rounded to one significant digit. */
    static double clipSuggestion(double median) {
        double v = 5 * median;
        double scale = Math.pow(10, Math.floor(Math.log10(v)));
        return Math.round(v / scale) * scale;
    }

    /** @param flatAdvice the key of what to try for a flat loss, which depends on how the weights move */
    private void lossSigns(EpochReport last, String lr, String flatAdvice, List<Finding> out) {
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
                    num(first.trainLoss()), num(last.trainLoss())),
                    Message.of(flatAdvice, lr, num(last.weightChange())), null));
        }
    }

    /**
     * @param still   whether the weights barely move (then the learning rate is said already)
     * @param byHeart whether the run overfits: a model worse than the naive prediction then learned the training set
     *                by heart (the validation loss rose above the naive line), not "not even that yet"
     */
    private void baselineSign(TaskScore s, boolean still, boolean byHeart, List<Finding> out) {
        if (s.baseline() == TaskScore.Baseline.NONE || !Double.isFinite(s.baselineValue())
                || !Double.isFinite(s.value())) {
            return;
        }
        boolean accuracy = s.metric() == TaskScore.Metric.ACCURACY;
        boolean higher = s.metric().higherIsBetter();
        boolean noBetter = higher ? s.value() <= s.baselineValue() + (accuracy ? 0.02 : 0)
                : s.value() >= 0.95 * s.baselineValue();
        if (!noBetter) {
            return;
        }
        boolean worse = higher ? s.value() < s.baselineValue() - (accuracy ? 0.02 : 0)
                : s.value() > 1.05 * s.baselineValue();
        boolean repeats = s.baseline() == TaskScore.Baseline.LAST_VALUE
                || s.baseline() == TaskScore.Baseline.LAST_VALUE_OR_MEAN;
        String worseKey = byHeart ? repeats ? "engine.checkup.baseline.worseRepeatsByHeart"
                : "engine.checkup.baseline.worseByHeart"
                : repeats ? "engine.checkup.baseline.worseRepeats" : s.baseline() == TaskScore.Baseline.MEAN
                ? "engine.checkup.baseline.worseMean" : "engine.checkup.baseline.worse";
        String advice = worse ? worseKey
                : repeats ? "engine.checkup.baseline.repeats" : "engine.checkup.baseline.advice";
        int n = epochs.size();
        Message says = Message.of(advice);
        if (few()) {   // not a series that moves at random, nor the average answer: too little data to tell
            says = Message.of("engine.checkup.baseline.few", String.valueOf(trainSamples),
                    String.valueOf(validationSamples));
        } else if (!worse && !still && fellEachEpoch(FALLING_EPOCHS)) {  // a slow start, not the average answer
            says = Message.of("engine.checkup.baseline.falling", String.valueOf(FALLING_EPOCHS),
                    num(epochs.get(n - 1 - FALLING_EPOCHS).trainLoss()), num(epochs.get(n - 1).trainLoss()),
                    num(10 * config.learningRate()));
        }
        String[] pair = PlainNumbers.pair(s.value(), s.baselineValue(), Checkup::num);
        String value = accuracy ? percent(s.value()) : pair[0];
        String base = accuracy ? percent(s.baselineValue()) : pair[1];
        out.add(new Finding(Sign.NO_BETTER_THAN_BASELINE, Message.of("engine.checkup.baseline", value, base,
                s.baselineName()),
                says, null));
    }

    /** Whether the run had too few samples to learn from or to judge by ({@link #FEW_TRAINING}). */
    private boolean few() {
        return trainSamples > 0 && (trainSamples < FEW_TRAINING || validationSamples < FEW_VALIDATION);
    }

    /** Whether the training loss fell in each of the last {@code k} epochs (there must be k + 1 of them). */
    private boolean fellEachEpoch(int k) {
        int n = epochs.size();
        if (n <= k) {
            return false;
        }
        for (int e = n - k; e < n; e++) {
            if (!(epochs.get(e).trainLoss() < epochs.get(e - 1).trainLoss())) {
                return false;
            }
        }
        return true;
    }

    private static void addIfAny(Finding f, List<Finding> out) {
        if (f != null) {
            out.add(f);
        }
    }

    /** The overfitting sign, or null: the validation loss rose over the last three epochs as the training loss fell. */
    private Finding overfitting() {
        int n = epochs.size();
        if (n < 3) {
            return null;
        }
        EpochReport a = epochs.get(n - 3);
        EpochReport b = epochs.get(n - 2);
        EpochReport c = epochs.get(n - 1);
        boolean valRises = a.valLoss() < b.valLoss() && b.valLoss() < c.valLoss();
        boolean trainFalls = a.trainLoss() > b.trainLoss() && b.trainLoss() > c.trainLoss();
        if (!(valRises && trainFalls && c.valLoss() > 1.1 * a.valLoss())) {
            return null;
        }
        return new Finding(Sign.OVERFITTING, Message.of("engine.checkup.overfitting", num(a.valLoss()),
                num(c.valLoss()), String.valueOf(a.epoch()), String.valueOf(c.epoch()), num(c.trainLoss())),
                Message.of("engine.checkup.overfitting.advice"), "overfitting");
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    /**
     * Three significant digits, as text so that no locale regroups them; a thousand and more as whole digits in
     * groups ({@code 8,012}, not {@code 8e+03}).
     */
    static String num(double v) {
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        String s = String.format(Locale.ROOT, "%.3g", v);
        if (s.contains("e+")) {
            return PlainNumbers.significant(v);
        }
        return s.replaceFirst("(\\.\\d*?)0+(?=e|$)", "$1").replaceFirst("\\.(?=e|$)", "");
    }

    static String percent(double v) {
        return String.format(Locale.ROOT, "%.1f %%", 100 * v);
    }
}
