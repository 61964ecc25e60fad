package org.lstmlab.ui.debugger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.lstmlab.engine.loss.Loss;
import org.lstmlab.engine.nn.Batch;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.nn.HeadMode;
import org.lstmlab.engine.nn.Initializers;
import org.lstmlab.engine.nn.ModelSpec;
import org.lstmlab.engine.nn.SequenceInput;
import org.lstmlab.engine.nn.SequenceModel;
import org.lstmlab.ui.common.I18n;
import org.lstmlab.ui.common.SampleNames;

/**
 * "Open in debugger" keeps the sample's story: the words or characters of a one-hot input instead of x[0]…x[36],
 * the target, and the model's prediction, which is the engine's own.
 */
class SampleStoryTest {
    static final List<String> WORDS = List.of("not", "good", "the", "movie", "was");

    /** One-hot rows of the given vocabulary indices; -1 is an all-zero step. */
    static double[] oneHot(int size, int... hot) {
        double[] x = new double[hot.length * size];
        for (int t = 0; t < hot.length; t++) {
            if (hot[t] >= 0) {
                x[t * size + hot[t]] = 1;
            }
        }
        return x;
    }

    @Test
    void aOneHotInputIsReadBackAsItsSymbols() {
        double[] x = oneHot(5, 2, 3, 4, 0, 1, -1);
        x[5 * 5 + 1] = 0.5;
        List<String> tokens = SampleStory.tokens(x, 6, 5, WORDS);
        assertEquals(Arrays.asList("the", "movie", "was", "not", "good", null), tokens);
        assertEquals("the movie was [not] good ?", SampleStory.text(tokens, 3));
        assertEquals("h[e]l", SampleStory.text(List.of("h", "e", "l"), 1), "characters stand side by side");
        assertEquals("a␣[⏎]", SampleStory.text(List.of("a", " ", "\n"), 2), "blanks are drawn");
        assertEquals(List.of(), SampleStory.tokens(x, 6, 5, List.of("a", "b")), "a vocabulary of the wrong size");
    }

    @Test
    void aSentimentSampleShowsItsWordsTargetAndTheEnginesPrediction() {
        SequenceModel m = new SequenceModel(new ModelSpec(CellType.LSTM, 5, 6, 1, 1, HeadMode.LAST,
                Loss.BINARY_CROSS_ENTROPY));
        Initializers.initialize(m, Initializers.Scheme.KERAS, 5);
        Batch sample = Batch.ofValues(SequenceInput.dense(oneHot(5, 2, 3, 4, 0, 1), 5, 1, 5), new double[] {0});
        DebuggerViewModel vm = DebuggerViewModelTest.started();
        vm.openModel(m, sample.input(), sample, 0, () -> "sentiment, epoch 4, sample 9", WORDS);
        vm.pulse(2);
        SequenceModel alone = new SequenceModel(m.spec());
        for (int k = 0; k < m.parameters().size(); k++) {
            System.arraycopy(m.parameters().get(k).data(), 0, alone.parameters().get(k).data(), 0,
                    m.parameters().get(k).size());
        }
        alone.forward(sample);
        double p = alone.predictions()[0];
        vm.moves().jumpTo(4);
        assertEquals("Input: the movie was [not] good   ·   target 0, prediction " + Numbers.format(p),
                vm.storyProperty().get());
        assertTrue(vm.substitutionProperty().get().text().contains("'not'"), "the x line names the word");
        assertEquals("x[0] 'not'", vm.workspace().features().get(0), "the table's columns are named by the words");
        assertEquals("good", vm.inputSymbols().get(4));
    }

    @Test
    void aCharacterModelShowsTheTargetAndPredictionOfTheCursorsStep() {
        List<String> chars = List.of("h", "e", "l", "o");
        SequenceModel m = new SequenceModel(new ModelSpec(CellType.GRU, 4, 5, 1, 4, HeadMode.EVERY_STEP,
                Loss.SOFTMAX_CROSS_ENTROPY));
        Initializers.initialize(m, Initializers.Scheme.TORCH, 2);
        Batch sample = Batch.ofClasses(SequenceInput.dense(oneHot(4, 0, 1, 2, 2), 4, 1, 4), new int[] {1, 2, 2, 3});
        DebuggerViewModel vm = DebuggerViewModelTest.started();
        vm.openModel(m, sample.input(), sample, 0, () -> "charlm", chars);
        vm.pulse(2);
        m.forward(sample);
        double[] p = m.predictions();
        vm.moves().jumpTo(2);
        int best = 0;
        for (int k = 1; k < 4; k++) {
            if (p[4 + k] > p[4 + best]) {
                best = k;
            }
        }
        assertEquals("Input: h[e]ll   ·   at t = 2: target 'l', prediction '" + chars.get(best) + "' ("
                + String.format(Locale.ROOT, "%.1f", 100 * p[4 + best]) + "\u00a0%)", vm.storyProperty().get());
    }

    @Test
    void aNumericSampleWithoutAModelTellsNothing() {
        DebuggerViewModel vm = DebuggerViewModelTest.started();
        assertEquals("", vm.storyProperty().get());
        assertTrue(vm.inputSymbols().isEmpty());
    }

    @Test
    void theStoryIsInChineseToo() {
        SequenceModel m = new SequenceModel(new ModelSpec(CellType.LSTM, 5, 3, 1, 1, HeadMode.LAST,
                Loss.BINARY_CROSS_ENTROPY));
        Initializers.initialize(m, Initializers.Scheme.KERAS, 5);
        Batch sample = Batch.ofValues(SequenceInput.dense(oneHot(5, 2, 1), 2, 1, 5), new double[] {1});
        DebuggerViewModel vm = new DebuggerViewModel(I18n.bundle(Locale.SIMPLIFIED_CHINESE), DebuggerWorker.direct());
        vm.setupCommands().applySetup();
        vm.pulse(1);
        vm.openModel(m, sample.input(), sample, 0, () -> "sentiment", WORDS);
        vm.pulse(2);
        assertTrue(vm.storyProperty().get().startsWith("输入：[the] good"), vm.storyProperty().get());
        assertTrue(vm.storyProperty().get().contains("目标 1"), vm.storyProperty().get());
    }

    /** A regression's target and prediction: a negative number with the minus sign −, as the panel writes it. */
    @Test
    void aNegativeTargetAndPredictionReadWithTheMinusSign() {
        ModelSpec spec = new ModelSpec(CellType.LSTM, 1, 2, 1, 1, HeadMode.LAST, Loss.MEAN_SQUARED_ERROR);
        Batch target = Batch.ofValues(SequenceInput.dense(new double[] {0.5, 0.25}, 2, 1, 1), new double[] {-0.25});
        Workspace.Head head = new Workspace.Head(spec, new double[2], new double[1], target, false,
                List.of(), null);
        String line = SampleStory.outcome(I18n.bundle(Locale.ENGLISH), head, new double[] {-0.125}, List.of(), 1, 2);
        assertEquals("target \u22120.2500, prediction \u22120.1250", line);
    }

    /**
     * A CSV series' sample, trained on standardised values: the story says so after the target and prediction,
     * which are not the file's (sales of 1.57 would puzzle a student whose sales are in thousands), in both
     * languages; a sample of a built-in task says nothing of the kind.
     */
    @Test
    void aStandardisedSampleSaysSo() {
        SequenceModel m = forecaster();
        Batch sample = standardisedSample();
        for (Locale lang : new Locale[] {Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE}) {
            DebuggerViewModel vm = csvSample(m, sample, lang);
            String note = lang == Locale.ENGLISH ? "   ·   inputs and target standardised (mean 0, sd 1)"
                    : "   ·   输入和目标都已标准化（均值 0，标准差 1）";
            assertTrue(vm.storyProperty().get().endsWith(note), vm.storyProperty().get());
            assertTrue(vm.storyProperty().get().startsWith(lang == Locale.ENGLISH ? "target 1.5743, prediction "
                    : "目标 1.5743，预测 "), vm.storyProperty().get());
            vm.openModel(m, sample.input(), sample, 0, () -> "sine", List.of());
            vm.pulse(2);
            assertFalse(vm.storyProperty().get().contains("·"), "a task's own values: " + vm.storyProperty().get());
        }
    }

    /**
     * A CSV series' sample gives its target and prediction in the file's units too, the standardising undone with
     * the training part's mean and standard deviation of the target: a closing price of 1.5743 standard deviations
     * of 200 yuan above a mean of 3,000 is 3,314.9 yuan, in both languages.
     */
    @Test
    void aStandardisedSampleGivesItsTargetAndPredictionInTheFilesUnits() {
        SequenceModel m = forecaster();
        Batch sample = standardisedSample();
        org.lstmlab.engine.io.SeriesScaling scaling = new org.lstmlab.engine.io.SeriesScaling(List.of("开盘价", "收盘价"),
                new double[] {2990, 3000}, new double[] {190, 200}, List.of("收盘价"), new double[] {3000},
                new double[] {200}, 3, 1);
        SampleNames names = new SampleNames(List.of(), List.of("开盘价", "收盘价"), List.of(), true, scaling);
        m.forward(sample);
        double yuan = m.predictions()[0] * 200 + 3000;
        assertTrue(yuan > 1000 && yuan < 9999.95, "four digits before the point: " + yuan);
        String predicted = String.format(Locale.ROOT, "%,.1f", yuan);
        for (Locale lang : new Locale[] {Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE}) {
            String story = csvSample(m, sample, lang, names).storyProperty().get();
            String units = lang == Locale.ENGLISH ? "   ·   target 3,314.9, prediction " + predicted + " (file's units)"
                    + "   ·   inputs and target standardised"
                    : "   ·   目标 3,314.9，预测 " + predicted + "（原单位）   ·   输入和目标都已标准化";
            assertTrue(story.contains(units), story);
            assertTrue(story.startsWith(lang == Locale.ENGLISH ? "target 1.5743, prediction " : "目标 1.5743，预测 "),
                    story);
        }
        assertEquals("[21.370, \u22120.52340, 0]", SampleStory.units(new double[] {21.37, -0.5234, 0}));
        assertEquals("1,234,567", SampleStory.units(new double[] {1234567.4}));
    }

    /**
     * A sample of a model trained on a CSV file of class labels: the input table's columns and the x line are named
     * by the file's columns, and the target and the engine's prediction by the file's labels, in both languages.
     * The labels are not standardised: the story says only the inputs are.
     */
    @Test
    void aSampleOfClassesNamesItsColumnsAndClassesAndSaysOnlyItsInputsAreStandardised() {
        SequenceModel m = new SequenceModel(new ModelSpec(CellType.LSTM, 2, 3, 1, 3, HeadMode.LAST,
                Loss.SOFTMAX_CROSS_ENTROPY));
        Initializers.initialize(m, Initializers.Scheme.KERAS, 3);
        Batch sample = Batch.ofClasses(SequenceInput.dense(new double[] {0.87, -0.55, 1.2, 0.1, -0.3, 0.4}, 3, 1, 2),
                new int[] {2});
        List<String> labels = List.of("running", "sitting", "walking");
        SampleNames names = new SampleNames(List.of(), List.of("temp", "load"), labels, true, null);
        m.forward(sample);
        double[] p = m.predictions();
        int best = p[1] > p[0] ? 1 : 0;
        best = p[2] > p[best] ? 2 : best;
        String percent = String.format(Locale.ROOT, "%.1f", 100 * p[best]);
        for (Locale lang : new Locale[] {Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE}) {
            String said = lang == Locale.ENGLISH ? labels.get(best) + " (" + percent + "\u00a0%)"
                    : labels.get(best) + "（" + percent + "\u00a0%）";
            DebuggerViewModel vm = csvSample(m, sample, lang, names);
            assertEquals(List.of("temp", "load"), vm.workspace().features(), "the input table's column titles");
            String story = vm.storyProperty().get();
            String note = lang == Locale.ENGLISH ? "   ·   inputs standardised (mean 0, sd 1)"
                    : "   ·   输入已标准化（均值 0，标准差 1）";
            assertEquals((lang == Locale.ENGLISH ? "target walking, prediction " : "目标 walking，预测 ") + said + note,
                    story);
            String x = vm.substitutionProperty().get().text();
            assertTrue(x.contains("]   (temp, load)"), x);
        }
    }

    /**
     * A class's probability reaches the reader as a percentage with one decimal, as each language writes one: in
     * English in half-width brackets, in Chinese in full-width ones, both with a space that does not break before the
     * sign, as every percentage of the app.
     */
    @Test
    void aClassProbabilityIsAPercentageInEachLanguagesConvention() {
        assertEquals("sitting (41.8\u00a0%)", SampleStory.chance(I18n.bundle(Locale.ENGLISH), "sitting", 0.4179));
        assertEquals("sitting（41.8\u00a0%）",
                SampleStory.chance(I18n.bundle(Locale.SIMPLIFIED_CHINESE), "sitting", 0.4179));
        assertEquals("'a' (100.0\u00a0%)", SampleStory.chance(I18n.bundle(Locale.ENGLISH), "'a'", 0.99996));
        assertEquals("类别 2（7.5\u00a0%）", SampleStory.chance(I18n.bundle(Locale.SIMPLIFIED_CHINESE), "类别 2", 0.075));
    }

    /** A model forecasting one value from windows of 3 rows of 2 columns, initialised with seed 3. */
    private static SequenceModel forecaster() {
        SequenceModel m = new SequenceModel(new ModelSpec(CellType.LSTM, 2, 3, 1, 1, HeadMode.LAST,
                Loss.MEAN_SQUARED_ERROR));
        Initializers.initialize(m, Initializers.Scheme.KERAS, 3);
        return m;
    }

    /** A window of standardised values and its standardised target, 1.5743. */
    private static Batch standardisedSample() {
        return Batch.ofValues(SequenceInput.dense(new double[] {0.87, -0.55, 1.2, 0.1, -0.3, 0.4}, 3, 1, 2),
                new double[] {1.5743});
    }

    /** The debugger in {@code lang} with {@code sample} of model {@code m} sent from the Train tab's CSV run. */
    private static DebuggerViewModel csvSample(SequenceModel m, Batch sample, Locale lang) {
        return csvSample(m, sample, lang, new SampleNames(List.of(), List.of(), List.of(), true, null));
    }

    /** The same, with the names of the file's columns and classes. */
    private static DebuggerViewModel csvSample(SequenceModel m, Batch sample, Locale lang, SampleNames names) {
        DebuggerViewModel vm = new DebuggerViewModel(I18n.bundle(lang), DebuggerWorker.direct());
        vm.setupCommands().applySetup();
        vm.pulse(1);
        vm.openModel(m, sample.input(), sample, 0, () -> "csv", names);
        vm.pulse(2);
        return vm;
    }
}
