package org.lstmlab.engine.tasks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.lstmlab.engine.data.CharVocabulary;
import org.lstmlab.engine.data.DataDigest;
import org.lstmlab.engine.data.Dataset;
import org.lstmlab.engine.data.Sample;
import org.lstmlab.engine.loss.Loss;
import org.lstmlab.engine.nn.HeadMode;
import org.lstmlab.engine.text.Message;
import org.lstmlab.engine.text.Refusal;
import org.lstmlab.engine.train.Evaluation;
import org.lstmlab.engine.train.TrainingConfig;

/**
 * A character-level language model (after Karpathy's char-rnn): windows of T characters (Unicode code points, so
 * a character outside the BMP or a CJK character is one symbol), each step's target the next character, softmax
 * over the text's alphabet. The text is the bundled sonnets ({@code datasets/sonnets.txt}) or the user's own; the
 * last tenth of it is held out for validation. A text with more than {@link #MAX_VOCABULARY} distinct characters
 * (most Chinese text) keeps its most frequent ones and shares a rare-character bucket for the rest.
 *
 * <p>Solved when the validation cross-entropy (nats per character) is below 80 % of the entropy of the validation
 * characters' own frequencies, the best a model that ignores context could do. Accuracy: next characters right.
 */
public final class CharLmTask implements Task {
    public static final String BUNDLED = "/org/lstmlab/datasets/sonnets.txt";
    /**
     * The bundled texts by name, each {@code datasets/NAME.txt}: the sonnets (the task {@code charlm}'s own) and
     * Carroll's "Jabberwocky", short enough to be learnt by heart (the lesson {@code overfitting}).
     */
    public static final List<String> TEXTS = List.of("sonnets", "jabberwocky");
    public static final int DEFAULT_STEPS = 32;
    public static final int MIN_STEPS = 4;
    public static final int MAX_STEPS = 200;
    /** The most symbols the softmax has: beyond it, the rarest characters share one bucket (see CharVocabulary). */
    public static final int MAX_VOCABULARY = 1000;
    public static final double SOLVED_RATIO = 0.80;
    static final int TRAIN_WINDOWS = 3000;
    static final int VALIDATION_WINDOWS = 300;

    private final String text;
    private final String source;
    private final int maxVocabulary;
    /** The bundled text's name ({@link #TEXTS}), or null for the user's text. */
    private final String bundled;
    private CharVocabulary vocabulary;

    /** The task on the bundled sonnets. */
    public CharLmTask() {
        this(bundledText(BUNDLED), "sonnets.txt", MAX_VOCABULARY, "sonnets");
    }

    /** The poem, read once: one task, as the sonnets' is one, so that a choice of texts can find it again. */
    private static final class Poem {
        static final CharLmTask TASK = new CharLmTask(bundledText("/org/lstmlab/datasets/jabberwocky.txt"),
                "jabberwocky.txt", MAX_VOCABULARY, "jabberwocky");
    }

    /** The task on the bundled text {@code name} of {@link #TEXTS}; the sonnets' is the built-in task charlm. */
    public static CharLmTask bundled(String name) {
        return switch (name) {
            case "sonnets" -> (CharLmTask) Tasks.byName("charlm");
            case "jabberwocky" -> Poem.TASK;
            default -> throw new IllegalArgumentException("'" + name + "' is not a bundled text: choose "
                    + String.join(" or ", TEXTS));
        };
    }

    /** The task on the given text; {@code source} names it (a file name). */
    public CharLmTask(String text, String source) {
        this(text, source, MAX_VOCABULARY);
    }

    /** The task on the given text with at most {@code maxVocabulary} symbols, the rare-character bucket included. */
    public CharLmTask(String text, String source, int maxVocabulary) {
        this(text, source, maxVocabulary, null);
    }

    private CharLmTask(String text, String source, int maxVocabulary, String bundled) {
        int points = text.codePointCount(0, text.length());
        if (points < 2 * MAX_STEPS) {
            throw Refusal.of("engine.file.named", source, Message.of("engine.data.tooLittleText",
                    Integer.toString(points), Integer.toString(2 * MAX_STEPS)));
        }
        if (maxVocabulary < 2) {
            throw new IllegalArgumentException("a character model needs at least 2 symbols, got " + maxVocabulary);
        }
        this.text = text;
        this.source = source;
        this.maxVocabulary = maxVocabulary;
        this.bundled = bundled;
    }

    /** The task is on the user's text (else on a bundled text: the sonnets, the built-in task {@code charlm}). */
    public boolean usersText() {
        return bundled == null;
    }

    /** The bundled text's name of {@link #TEXTS}, or null for the user's text. */
    public String text() {
        return bundled;
    }

    /** Every text gives as many training windows, drawn from its first nine tenths. */
    @Override
    public int trainSize() {
        return TRAIN_WINDOWS;
    }

    @Override
    public String dataDigest() {
        return DataDigest.ofText(text);
    }

    static String bundledText(String resource) {
        try (InputStream in = CharLmTask.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("bundled text " + resource + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean readsTokens() {
        return true;
    }

    @Override
    public TaskProfile profile() {
        return new TaskProfile("charlm",
                "Predict the next character of a text (" + source + "), then sample new text from the model",
                "validation cross-entropy below 80 % of the character-frequency baseline",
                64, DEFAULT_STEPS, MIN_STEPS, MAX_STEPS);
    }

    @Override
    public List<Object> descriptionArgs() {
        return List.of(source);
    }

    /**
     * The symbols of the text: its distinct characters, sorted by code point; when there are more than the
     * vocabulary's maximum, the most frequent ones and the rare-character bucket {@link CharVocabulary#RARE}.
     */
    public synchronized CharVocabulary vocabulary() {
        if (vocabulary == null) {
            vocabulary = CharVocabulary.of(text, maxVocabulary);
        }
        return vocabulary;
    }

    /** The vocabulary's symbols, each as a string, in one-hot order. */
    public List<String> alphabet() {
        return vocabulary().symbols();
    }

    /** How many characters of the text the validation windows are drawn from at length {@code steps}. */
    public int validationCharacters(int steps) {
        return Math.max(resolveSteps(steps) + 2, text.codePointCount(0, text.length()) / 10);
    }

    /** The text's length in characters (code points). */
    public int characters() {
        return text.codePointCount(0, text.length());
    }

    @Override
    public Dataset generate(int steps, long seed) {
        int t = resolveSteps(steps);
        List<String> alphabet = alphabet();
        int[] ids = vocabulary().encode(text);
        int split = ids.length - validationCharacters(t);
        SplittableRandom rng = new SplittableRandom(seed);
        List<Sample> train = windows(ids, 0, split, t, TRAIN_WINDOWS, alphabet.size(), rng);
        List<Sample> val = windows(ids, split, ids.length, t, VALIDATION_WINDOWS, alphabet.size(), rng);
        return new Dataset(name(), train, val, alphabet.size(), alphabet.size(), HeadMode.EVERY_STEP,
                Loss.SOFTMAX_CROSS_ENTROPY, alphabet);
    }

    private static List<Sample> windows(int[] ids, int from, int to, int t, int count, int v, SplittableRandom rng) {
        List<Sample> out = new ArrayList<>(count);
        int starts = to - from - t;
        for (int i = 0; i < count; i++) {
            int s = from + rng.nextInt(starts);
            out.add(Sample.tokens(java.util.Arrays.copyOfRange(ids, s, s + t), v,
                    java.util.Arrays.copyOfRange(ids, s + 1, s + t + 1)));
        }
        return out;
    }


    @Override
    public TaskScore.Metric metric() {
        return TaskScore.Metric.CROSS_ENTROPY;
    }

    @Override
    public TrainingConfig defaults() {
        return TrainingConfig.builder().epochs(5).learningRate(5e-3).clipNorm(5.0).build();
    }

    @Override
    public TaskScore score(Evaluation evaluation) {
        if (evaluation.samples().isEmpty()) {
            return new TaskScore(Double.NaN, false, TaskScore.Metric.CROSS_ENTROPY, Double.NaN, Double.NaN,
                    TaskScore.Baseline.FREQUENCIES, Double.NaN);
        }
        int v = evaluation.samples().get(0).size();
        long[] counts = new long[v];
        long right = 0;
        long total = 0;
        for (int i = 0; i < evaluation.samples().size(); i++) {
            int[] y = evaluation.samples().get(i).classes();
            double[] p = evaluation.predictions().get(i);
            for (int t = 0; t < y.length; t++) {
                counts[y[t]]++;
                right += Scoring.argmax(p, t * v, v) == y[t] ? 1 : 0;
                total++;
            }
        }
        double entropy = 0;
        for (long n : counts) {
            if (n > 0) {
                double q = (double) n / total;
                entropy -= q * Math.log(q);
            }
        }
        return new TaskScore((double) right / total, evaluation.loss() < SOLVED_RATIO * entropy,
                TaskScore.Metric.CROSS_ENTROPY, evaluation.loss(), SOLVED_RATIO * entropy,
                TaskScore.Baseline.FREQUENCIES, entropy);
    }
}
