package org.lstmlab.ui.debugger;

import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;

import org.lstmlab.engine.loss.Loss;
import org.lstmlab.engine.nn.Batch;
import org.lstmlab.engine.nn.HeadMode;
import org.lstmlab.ui.common.I18n;

/**
 * A sample's story in one line: its input as the characters or words it encodes (the one at the cursor's timestep
 * in brackets), then what the model should say and what it says, for the row of the cursor (the last step for a
 * model that reads the whole sequence, the cursor's step for one that answers at every step).
 */
public final class SampleStory {

    /**
     * The symbol of each timestep of a one-hot input: {@code vocabulary[k]} where x_t is 1 at k and 0 elsewhere,
     * null where it is not one-hot. Empty when there is no vocabulary.
     */
    public static List<String> tokens(double[] x, int steps, int size, List<String> vocabulary) {
        List<String> out = new ArrayList<>();
        if (vocabulary.size() != size) {
            return out;
        }
        for (int t = 0; t < steps; t++) {
            int hot = -1;
            boolean oneHot = true;
            for (int k = 0; k < size && oneHot; k++) {
                double v = x[t * size + k];
                if (v == 1 && hot < 0) {
                    hot = k;
                } else if (v != 0) {
                    oneHot = false;
                }
            }
            out.add(oneHot && hot >= 0 ? vocabulary.get(hot) : null);
        }
        return out;
    }

    /** The tokens as text, the one at {@code t} in brackets: words with spaces, characters side by side. */
    public static String text(List<String> tokens, int t) {
        boolean characters = tokens.stream().allMatch(s -> s == null || s.codePointCount(0, s.length()) == 1);
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < tokens.size(); k++) {
            if (k > 0 && !characters) {
                sb.append(' ');
            }
            String s = tokens.get(k) == null ? "?" : visible(tokens.get(k));
            sb.append(k == t ? "[" + s + "]" : s);
        }
        return sb.toString();
    }

    /** A space or a line break drawn so that it can be seen. */
    private static String visible(String s) {
        return s.replace("\n", "⏎").replace(" ", "␣");
    }

    /**
     * The story of a traced sample: the input's symbols decoded once from the input that was traced, the head and
     * target of a trained model, and its predictions when its own head ran.
     */
    static SampleStory of(Workspace w, TraceJob.Result r) {
        TraceRequest q = r.request();
        return new SampleStory(tokens(q.input(), q.steps(), q.inputSize(), w.vocabulary()), w.vocabulary(),
                columns(w), w.head(), r.predictions(), q.steps());
    }

    /** The names of the input's features when they are a file's columns (not x[0], x[1], … nor symbols). */
    private static List<String> columns(Workspace w) {
        List<String> f = w.features();
        for (int k = 0; k < f.size(); k++) {
            if (f.get(k).startsWith("x[" + k + "]")) {
                return List.of();
            }
        }
        return f;
    }

    private final List<String> tokens;
    private final List<String> vocabulary;
    private final List<String> columns;
    private final Workspace.Head head;
    private final double[] predictions;
    private final int steps;

    private SampleStory(List<String> tokens, List<String> vocabulary, List<String> columns, Workspace.Head head,
                        double[] predictions, int steps) {
        this.tokens = tokens;
        this.vocabulary = vocabulary;
        this.columns = columns;
        this.head = head;
        this.predictions = predictions;
        this.steps = steps;
    }

    /** The symbol at each timestep (null where the input is not one-hot); empty without a vocabulary. */
    public List<String> symbols() {
        return tokens;
    }

    /** The names of the input's features when they are a file's columns (temp, load), or empty. */
    public List<String> columns() {
        return columns;
    }

    /**
     * The whole line for the cursor at {@code t}: the input (when it has symbols), the target and, when the model's
     * own head ran, its prediction. Empty when there is nothing to tell.
     */
    public String line(ResourceBundle i18n, int t) {
        List<String> parts = new ArrayList<>();
        if (!tokens.isEmpty()) {
            parts.add(I18n.format(i18n, "debugger.story.input", text(tokens, t)));
        }
        if (head != null) {
            parts.add(outcome(i18n, head, predictions, vocabulary, t, steps));
            if (head.standardised()) {   // a CSV series' values: not the file's, and no one would guess
                boolean classes = head.spec().loss() == Loss.SOFTMAX_CROSS_ENTROPY;   // a label is no number
                if (!classes && head.units() != null) {
                    parts.add(inUnits(i18n, head, predictions, t, steps));
                }
                parts.add(i18n.getString(classes ? "debugger.story.standardisedInputs"
                        : "debugger.story.standardised"));
            }
        }
        return String.join("   ·   ", parts);
    }

    /** "Target 1, prediction 0.873" for the row the cursor is in. */
    static String outcome(ResourceBundle i18n, Workspace.Head head, double[] predictions, List<String> vocabulary,
                          int t, int steps) {
        boolean every = head.spec().head() == HeadMode.EVERY_STEP;
        int row = every ? Math.min(t, steps - 1) : 0;
        int o = head.spec().outputSize();
        Batch target = head.target();
        String want;
        String said = null;
        if (head.spec().loss() == Loss.SOFTMAX_CROSS_ENTROPY) {
            int c = target.classes()[row];
            want = name(i18n, c, vocabulary, head.classes(), o);
            if (predictions != null) {
                int best = 0;
                for (int k = 1; k < o; k++) {
                    if (predictions[row * o + k] > predictions[row * o + best]) {
                        best = k;
                    }
                }
                said = chance(i18n, name(i18n, best, vocabulary, head.classes(), o), predictions[row * o + best]);
            }
        } else {
            want = values(target.targets(), row, o).replaceAll("(\\d)\\.0000\\b", "$1");
            said = predictions == null ? null : values(predictions, row, o);
        }
        String line = said == null ? I18n.format(i18n, "debugger.story.target", want)
                : I18n.format(i18n, "debugger.story.outcome", want, said);
        return every ? I18n.format(i18n, "debugger.story.step", t + 1, line) : line;
    }

    /**
     * The target and prediction of the cursor's row in the file's units, the standardising undone with the training
     * part's mean and standard deviation of each target column: "target 3,512.4, prediction 3,498.0 (file's units)".
     */
    static String inUnits(ResourceBundle i18n, Workspace.Head head, double[] predictions, int t, int steps) {
        int row = head.spec().head() == HeadMode.EVERY_STEP ? Math.min(t, steps - 1) : 0;
        int o = head.spec().outputSize();
        double[] want = unscaled(head.units(), head.target().targets(), row, o);
        String target = units(want);
        return predictions == null ? I18n.format(i18n, "debugger.story.targetUnits", target)
                : I18n.format(i18n, "debugger.story.outcomeUnits", target,
                        units(unscaled(head.units(), predictions, row, o)));
    }

    /** Row {@code row}'s {@code o} values of {@code v}, standardised with {@code s}, back in the file's units. */
    private static double[] unscaled(org.lstmlab.engine.io.SeriesScaling s, double[] v, int row, int o) {
        double[] y = java.util.Arrays.copyOfRange(v, row * o, row * o + o);
        if (s.targets().size() == o) {
            s.unscaleTargets(y);
        }
        return y;
    }

    /**
     * Values in a file's units, up to four: five significant digits, thousands grouped, as a spreadsheet shows
     * prices (3,512.4; 21.370; −0.52340).
     */
    static String units(double[] v) {
        List<String> s = new ArrayList<>();
        for (int k = 0; k < Math.min(v.length, 4); k++) {
            double a = Math.abs(v[k]);
            int digits = a == 0 || !Double.isFinite(a) ? 0
                    : Math.max(0, Math.min(6, 4 - (int) Math.floor(Math.log10(a))));
            s.add(Numbers.signed(String.format(java.util.Locale.ROOT, "%,." + digits + "f", v[k])));
        }
        String joined = String.join(", ", s) + (v.length > 4 ? ", …" : "");
        return v.length == 1 ? joined : "[" + joined + "]";
    }

    /**
     * A class the model predicts with the probability it gives it, as a percentage with one decimal: "sitting
     * (41.8 %)" in English, "sitting（41.8%）" in Chinese, whose convention is full-width brackets and no space.
     */
    static String chance(ResourceBundle i18n, String name, double probability) {
        return I18n.format(i18n, "debugger.story.chance", name,
                String.format(java.util.Locale.ROOT, "%.1f", 100 * probability));
    }

    /** A class by its symbol ('a'), its label in the user's file (walking), or its number (class 2). */
    private static String name(ResourceBundle i18n, int c, List<String> vocabulary, List<String> labels,
                               int classes) {
        return vocabulary.size() == classes ? "'" + visible(vocabulary.get(c)) + "'"
                : labels.size() == classes ? labels.get(c) : I18n.format(i18n, "debugger.story.class", c);
    }

    /** One value, or up to four of a row, as numbers. */
    private static String values(double[] v, int row, int o) {
        List<String> s = new ArrayList<>();
        for (int k = 0; k < Math.min(o, 4); k++) {
            s.add(Numbers.display(v[row * o + k]));
        }
        String joined = String.join(", ", s) + (o > 4 ? ", …" : "");
        return o == 1 ? joined : "[" + joined + "]";
    }
}
