package org.lstmlab.engine.session;

import java.util.List;
import java.util.Locale;

import org.lstmlab.engine.tasks.TaskScore;
import org.lstmlab.engine.text.Message;

/**
 * What the score of a run that did not solve its task did, so that a student is never left with "not solved" and
 * nothing else: the score improved and the training loss still falls (more epochs may do it), the score improved but
 * the loss has levelled off, or the score stayed where it was. A run with warning signs gets a shorter sentence under
 * them ({@link #besideSigns}).
 */
public final class LearningProgress {
    /** Accuracy gained from the first epoch to the last that counts as learning: 5 points. */
    static final double RISING = 0.05;
    /** How far below its best epoch the last may be for the gain to count: one noisy epoch, not a collapse. */
    static final double HELD = 0.02;
    /** A metric where lower is better must fall to this fraction of its first epoch's value to count as learning. */
    static final double FALLEN = 0.8;
    /** ... and the last epoch may be at most this much above the best. */
    static final double HELD_BELOW = 1.1;
    /** A training loss that fell at least this fraction in the last epoch is still falling. */
    static final double STILL_FALLING = 0.01;

    /** Rounding: 0.35 − 0.30 is 0.0499… in binary, and a gain of 5.0 % shown must count as 5 points. */
    private static final double EPS = 1e-9;

    private LearningProgress() {
    }

    /** What the score did, for a JSON line's {@code progress}: learning, levelled, stuck or one_epoch. */
    public enum Kind {
        LEARNING, LEVELLED, STUCK, ONE_EPOCH;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A reading of the epochs: its kind, the arguments its sentences take and, for a score that never moved, "At". */
    private record Reading(Kind kind, String variant, Object... args) {
        static Reading of(Kind kind, Object... args) {
            return new Reading(kind, "", args);
        }
    }

    /**
     * The sentence for a run with no warning sign, its epochs first to last; null when there are none, when the last
     * solved the task, or when its score is not a finite number. After one epoch it says that one is too few to tell.
     */
    public static Message of(List<EpochReport> epochs) {
        Reading r = read(epochs);
        return r == null ? null : Message.of("engine.progress." + key(r.kind()) + r.variant(), r.args());
    }

    /**
     * The sentence under a run's warning signs: what its score did, without the no-sign sentence's "nothing looks
     * broken", so that a student sees whether the model learns in spite of them. Only for a score that improved:
     * the signs already explain one that did not move, and one epoch is too few to tell.
     */
    public static Message besideSigns(List<EpochReport> epochs) {
        Reading r = read(epochs);
        return r == null || r.kind() == Kind.ONE_EPOCH || r.kind() == Kind.STUCK ? null
                : Message.of("engine.progress.signs." + key(r.kind()), r.args());
    }

    /** The sentence for a checkup: {@link #of} when it found no sign, else {@link #besideSigns}. */
    public static Message forCheckup(List<Checkup.Finding> signs, List<EpochReport> epochs) {
        return signs.isEmpty() ? of(epochs) : besideSigns(epochs);
    }

    /** The kind of {@link #of}'s sentence, or null when there is none. */
    public static Kind kind(List<EpochReport> epochs) {
        Reading r = read(epochs);
        return r == null ? null : r.kind();
    }

    private static String key(Kind kind) {
        return switch (kind) {
            case LEARNING -> "learning";
            case LEVELLED -> "levelled";
            case STUCK -> "stuck";
            case ONE_EPOCH -> "one";
        };
    }

    private static Reading read(List<EpochReport> epochs) {
        if (epochs.isEmpty() || epochs.get(epochs.size() - 1).solved()) {
            return null;
        }
        EpochReport first = epochs.get(0);
        EpochReport last = epochs.get(epochs.size() - 1);
        TaskScore.Metric metric = last.score().metric();
        Message name = Message.of("engine.progress.metric." + metric.name().toLowerCase(Locale.ROOT));
        String threshold = value(metric, last.score().threshold());
        if (!Double.isFinite(last.score().value())) {
            return null;
        }
        if (epochs.size() == 1) {
            return Reading.of(Kind.ONE_EPOCH, name, value(metric, last.score().value()), threshold);
        }
        EpochReport before = epochs.get(epochs.size() - 2);
        boolean higher = metric.higherIsBetter();
        double best = first.score().value();
        double worst = best;
        for (EpochReport e : epochs) {
            double v = e.score().value();
            if (!Double.isFinite(v)) {
                continue;   // an epoch whose predictions were not finite numbers has no score to compare
            }
            best = higher ? Math.max(best, v) : Math.min(best, v);
            worst = higher ? Math.min(worst, v) : Math.max(worst, v);
        }
        double a = first.score().value();
        double z = last.score().value();
        if (!Double.isFinite(a) || !Double.isFinite(z)) {
            return null;
        }
        boolean learning = higher ? z - a >= RISING - EPS && z >= best - HELD - EPS
                : z <= FALLEN * a + EPS && z <= HELD_BELOW * best + EPS;
        String n = String.valueOf(epochs.size());
        if (!learning) {
            String low = value(metric, higher ? worst : best);
            String high = value(metric, higher ? best : worst);
            return new Reading(Kind.STUCK, low.equals(high) ? "At" : "", name, low, high, n, threshold);
        }
        double drop = (before.trainLoss() - last.trainLoss()) / Math.abs(before.trainLoss());
        if (drop >= STILL_FALLING) {  // false for NaN
            return Reading.of(Kind.LEARNING, name, value(metric, a), value(metric, z), n, Checkup.percent(drop));
        }
        return Reading.of(Kind.LEVELLED, name, value(metric, a), value(metric, z), n,
                Checkup.num(before.trainLoss()), Checkup.num(last.trainLoss()), threshold);
    }

    private static String value(TaskScore.Metric metric, double v) {
        return metric == TaskScore.Metric.ACCURACY ? Checkup.percent(v) : Checkup.num(v);
    }
}
