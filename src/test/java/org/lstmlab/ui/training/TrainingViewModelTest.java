package org.lstmlab.ui.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lstmlab.engine.io.ModelFile;
import org.lstmlab.engine.io.SafeTensors;
import org.lstmlab.engine.io.SafeTensorsFile;
import org.lstmlab.engine.math.Precision;
import org.lstmlab.engine.nn.Batch;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.nn.Initializers;
import org.lstmlab.engine.nn.SequenceInput;
import org.lstmlab.engine.nn.SequenceModel;
import org.lstmlab.engine.session.EpochReport;
import org.lstmlab.engine.tasks.Task;
import org.lstmlab.engine.tasks.Tasks;
import org.lstmlab.testing.NoteCases;
import org.lstmlab.ui.common.I18n;

/** The Train tab's logic without a toolkit: the form, the code beside it, the controls, the debugger hand-off. */
class TrainingViewModelTest {
    private final FakeFx fx = new FakeFx();
    private final TrainingViewModel vm = new TrainingViewModel(I18n.bundle(Locale.ENGLISH), fx);

    /** A small run: the Keras example with few samples per epoch is too big, so cut epochs instead. */
    private void smallForm() {
        vm.chooseTask(Tasks.byName("keras-example"));
        vm.form().unitsProperty().set(8);
        vm.form().epochsProperty().set(2);
    }

    @Test
    void theFormStartsOnTheAddingProblemWithMatchingCode() {
        assertEquals("adding", vm.form().taskProperty().get().name());
        assertEquals(50, vm.form().stepsProperty().get());
        assertTrue(vm.kerasCodeProperty().get().contains("model.add(LSTM(32, input_shape=(50, 2)))"),
                vm.kerasCodeProperty().get());
        assertTrue(flat(vm.torchCodeProperty().get())
                .contains(flat("nn.LSTM(input_size=2, hidden_size=32, num_layers=1")),
                vm.torchCodeProperty().get());
        assertEquals("Dense(1, linear)\nmse", vm.headProperty().get());
        assertTrue(vm.criterionProperty().get().startsWith("at least 90\u00a0% of"), "the % stays by its number");
        assertTrue(vm.idleProperty().get());
        assertNull(vm.stateProperty().get());
        assertTrue(vm.statusProperty().get().startsWith("Ready"), "the status line says what to do before a run");
        vm.chooseTask(Tasks.byName("reber"));
        assertTrue(vm.statusProperty().get().startsWith("Ready"), "and again after a new task drops the last run");
    }

    @Test
    void theFormsDefaultsAreTheCommandLinesSoTheUiReachesTheSameWeights() {
        for (var t : Tasks.all()) {
            vm.chooseTask(t);
            assertEquals(t.defaults().toBuilder().threads(1).build(), vm.form().config().toBuilder().threads(1).build(),
                    t.name());
            assertEquals(t.defaultHidden(), vm.form().unitsProperty().get(), t.name());
            assertEquals(t.defaultSteps(), vm.form().stepsProperty().get(), t.name());
        }
    }

    @Test
    void changingTheBuilderRewritesTheCode() {
        vm.form().cellProperty().set(CellType.GRU);
        vm.form().unitsProperty().set(20);
        vm.form().layersProperty().set(2);
        vm.form().stepsProperty().set(80);
        String k = vm.kerasCodeProperty().get();
        assertTrue(flat(k).contains(flat("model.add(GRU(20, return_sequences=True, input_shape=(80, 2)))")), k);
        assertTrue(k.contains("model.add(GRU(20))"), k);
        vm.form().learningRateProperty().set("0.01");
        assertTrue(vm.kerasCodeProperty().get().contains("learning_rate=0.01"));
        vm.chooseTask(Tasks.byName("reber"));
        assertTrue(vm.kerasCodeProperty().get().contains("input_shape=(None, 7)"), "Reber strings vary in length");
        assertEquals("Dense(7, sigmoid)\nbinary_crossentropy", vm.headProperty().get());
    }

    @Test
    void thePrecisionChoiceTrainsInFloat32IsSavedWithTheRunAndNeverReachesTheDebugger(
            @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        assertEquals(Precision.FLOAT64, vm.form().config().precision(), "float64 unless asked");
        assertTrue(vm.torchCodeProperty().get().contains("model = Model().double()"), vm.torchCodeProperty().get());
        vm.form().precisionProperty().set(Precision.FLOAT32);
        assertEquals(Precision.FLOAT32, vm.form().config().precision());
        assertTrue(vm.torchCodeProperty().get()
                .matches("(?s).*# float32, PyTorch's default,[^\n]*\n(#[^\n]*\n)?model = Model\\(\\)\n.*"),
                vm.torchCodeProperty().get());
        smallForm();
        assertEquals(Precision.FLOAT32, vm.form().precisionProperty().get(), "a task's defaults leave it alone");
        List<SequenceModel> received = new ArrayList<>();
        vm.setDebuggerLauncher((model, sample, targets, sequence, title, names) -> received.add(model));
        vm.start();
        fx.until(vm, () -> vm.snapshotProperty().get() != null && vm.snapshotProperty().get().steps() > 3);
        vm.pause();
        fx.until(vm, () -> vm.stateProperty().get() == RunState.PAUSED);
        assertEquals(Precision.FLOAT32, vm.run().atBoundary(a -> a.session().model().precision()).get());
        Path run = dir.resolve("r.safetensors");
        vm.saveCheckpoint(run);
        fx.until(vm, () -> vm.messageProperty().get().startsWith("Saved the run to r.safetensors"));
        vm.openInDebugger();
        fx.until(vm, () -> !received.isEmpty());
        assertEquals(Precision.FLOAT64, received.get(0).precision(), "the debugger traces in float64");
        vm.stop();
        vm.form().precisionProperty().set(Precision.FLOAT64);
        vm.openCheckpoint(run);
        fx.until(vm, () -> vm.messageProperty().get().startsWith("Opened r.safetensors")
                && vm.stateProperty().get() == RunState.PAUSED);
        assertEquals(Precision.FLOAT32, vm.run().atBoundary(a -> a.session().config().precision()).get(),
                "a saved run continues in the precision it was trained in");
        assertEquals(Precision.FLOAT32, vm.run().atBoundary(a -> a.session().model().precision()).get());
        vm.stop();
    }

    @Test
    void theLayerBoxOffersTheStandardCellsWithLabelsInBothLanguagesAndNoTutorialMistake() {
        assertEquals(List.of(CellType.LSTM, CellType.GRU, CellType.GRU_RESET_BEFORE, CellType.RNN_TANH,
                CellType.RNN_RELU), TrainingForm.CELLS);
        for (Locale l : List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE)) {
            var bundle = I18n.bundle(l);
            for (CellType c : TrainingForm.CELLS) {
                assertTrue(bundle.containsKey(TrainingForm.cellLabelKey(c)), l + " " + c);
            }
        }
        assertEquals("GRU (reset before, Cho 2014)", I18n.bundle(Locale.ENGLISH).getString(
                TrainingForm.cellLabelKey(CellType.GRU_RESET_BEFORE)));
        assertTrue(I18n.bundle(Locale.SIMPLIFIED_CHINESE).getString(
                TrainingForm.cellLabelKey(CellType.GRU_RESET_BEFORE)).contains("重置门"));
        vm.form().cellProperty().set(CellType.GRU_RESET_BEFORE);
        assertTrue(flat(vm.kerasCodeProperty().get()).contains(flat("GRU(32, reset_after=False")),
                vm.kerasCodeProperty().get());
        assertTrue(vm.torchCodeProperty().get().startsWith("# gru-reset-before: PyTorch has no GRU"),
                vm.torchCodeProperty().get());
    }

    @Test
    void aBadFieldIsNamedAndNothingStarts() {
        vm.form().learningRateProperty().set("fast");
        vm.start();
        assertEquals("Learning rate: ‘fast’ is not a number", vm.messageProperty().get());
        assertNull(vm.run());
        assertTrue(vm.kerasCodeProperty().get().startsWith("# learning rate"));
    }

    @Test
    void theFieldsReadWhatAChineseInputMethodTypes() {
        vm.form().learningRateProperty().set("０．００５");
        vm.form().clipNorm.set("０.５");
        vm.form().seed.set("－７");
        org.lstmlab.engine.train.TrainingConfig c = vm.form().config();
        assertEquals(0.005, c.learningRate());
        assertEquals(0.5, c.clipNorm());
        assertEquals(-7, c.seed());
        vm.form().learningRateProperty().set("1d");
        assertThrows(TrainingForm.FieldException.class, () -> vm.form().config(), "Java's 1d is no number typed");
    }

    @Test
    void theMessageFollowsViewLanguage() {
        I18n.Live live = I18n.live(Locale.ENGLISH);
        TrainingViewModel switching = new TrainingViewModel(live, fx);
        switching.form().learningRateProperty().set("fast");
        switching.start();
        assertEquals("Learning rate: ‘fast’ is not a number", switching.messageProperty().get());
        live.use(Locale.SIMPLIFIED_CHINESE);
        switching.relabel();
        assertEquals(I18n.format(I18n.bundle(Locale.SIMPLIFIED_CHINESE), "training.error.notNumber",
                I18n.bundle(Locale.SIMPLIFIED_CHINESE).getString("training.lr"), "fast"),
                switching.messageProperty().get());
        assertTrue(switching.messageProperty().get().contains("学习率"), switching.messageProperty().get());
    }

    /** Before any run the status line says what to do; after View ▸ Language it says so in the new language. */
    @Test
    void theReadyLineFollowsViewLanguage() {
        I18n.Live live = I18n.live(Locale.ENGLISH);
        TrainingViewModel switching = new TrainingViewModel(live, fx);
        assertEquals(I18n.bundle(Locale.ENGLISH).getString("training.status.ready"), switching.statusProperty().get());
        live.use(Locale.SIMPLIFIED_CHINESE);
        switching.relabel();
        assertEquals(I18n.bundle(Locale.SIMPLIFIED_CHINESE).getString("training.status.ready"),
                switching.statusProperty().get());
    }

    @Test
    void startPauseStepResumeStopAndRestart() throws Exception {
        smallForm();
        vm.form().epochsProperty().set(200);
        vm.start();
        fx.until(vm, () -> vm.stateProperty().get() == RunState.RUNNING && vm.snapshotProperty().get().steps() > 3);
        assertFalse(vm.idleProperty().get());
        assertTrue(vm.canPauseProperty().get());
        assertTrue(vm.statusProperty().get().matches("Training · epoch \\d+/200.*"), vm.statusProperty().get());
        vm.pause();
        fx.until(vm, () -> vm.stateProperty().get() == RunState.PAUSED);
        assertTrue(vm.canResumeProperty().get());
        long steps = vm.snapshotProperty().get().steps();
        vm.step();
        fx.until(vm, () -> vm.snapshotProperty().get().steps() == steps + 1);
        vm.resume();
        fx.until(vm, () -> vm.snapshotProperty().get().steps() > steps + 5);
        TrainingRun first = vm.run();
        vm.restart();
        assertNotSame(first, vm.run());
        assertTrue(first.awaitEnd(5000), "the old run ends when a new one starts");
        fx.until(vm, () -> vm.stateProperty().get() == RunState.RUNNING);
        vm.stop();
        fx.until(vm, () -> vm.stateProperty().get() == RunState.STOPPED);
        assertTrue(vm.idleProperty().get());
        assertTrue(vm.hasModelProperty().get(), "a stopped run can still be saved or debugged");
    }

    @Test
    void openInDebuggerPausesAndHandsOverACopyOfTheWeightsAndAWrongSample() throws Exception {
        List<Object[]> received = new ArrayList<>();
        vm.setDebuggerLauncher((model, sample, targets, sequence, title, names) ->
                received.add(new Object[] {model, sample, targets, sequence, title.get()}));
        smallForm();
        vm.form().epochsProperty().set(50);
        vm.start();
        fx.until(vm, () -> vm.snapshotProperty().get() != null && vm.snapshotProperty().get().steps() > 2);
        vm.openInDebugger();
        fx.until(vm, () -> !received.isEmpty());
        assertEquals(RunState.PAUSED, vm.run().latest().state(), "the run pauses for the debugger");
        SequenceModel copy = (SequenceModel) received.get(0)[0];
        SequenceInput sample = (SequenceInput) received.get(0)[1];
        Batch targets = (Batch) received.get(0)[2];
        String title = (String) received.get(0)[4];
        assertEquals(1, sample.batch());
        assertEquals(10, sample.steps());
        assertEquals(1, targets.targets().length);
        assertEquals(0, received.get(0)[3]);
        assertTrue(title.matches("Keras example: sum > T/2, epoch \\d+, validation sample \\d+.*"), title);
        SequenceModel live = vm.run().atBoundary(a -> a.session().model()).get();
        assertNotSame(live, copy);
        assertNotSame(live.parameters().get(0).data(), copy.parameters().get(0).data());
        double before = copy.parameters().get(0).data()[0];
        vm.resume();
        fx.until(vm, () -> vm.snapshotProperty().get().steps() > 30);
        assertEquals(before, copy.parameters().get(0).data()[0], "training goes on without touching the copy");
        vm.stop();
        assertTrue(vm.messageProperty().get().startsWith("Sent to the debugger"), vm.messageProperty().get());
    }

    @Test
    void savedModelsAndRunsOpenAgain(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        smallForm();
        vm.form().epochsProperty().set(50);
        vm.start();
        fx.until(vm, () -> vm.snapshotProperty().get() != null && vm.snapshotProperty().get().steps() > 5);
        vm.pause();
        fx.until(vm, () -> vm.stateProperty().get() == RunState.PAUSED);
        long steps = vm.snapshotProperty().get().steps();
        double w = vm.run().atBoundary(a -> a.session().model().parameters().get(0).data()[0]).get();
        Path model = dir.resolve("m.safetensors");
        Path run = dir.resolve("r.safetensors");
        vm.saveModel(model);
        fx.until(vm, () -> vm.messageProperty().get().equals("Saved the model to m.safetensors"));
        vm.saveCheckpoint(run);
        fx.until(vm, () -> vm.messageProperty().get().startsWith("Saved the run to r.safetensors"));
        vm.stop();
        vm.openCheckpoint(run);
        fx.until(vm, () -> vm.messageProperty().get().startsWith("Opened r.safetensors")
                && vm.stateProperty().get() == RunState.PAUSED);
        assertEquals(steps, vm.snapshotProperty().get().steps(), "the run opens where it was saved");
        assertEquals(w, vm.run().atBoundary(a -> a.session().model().parameters().get(0).data()[0]).get());
        vm.openModel(model);
        fx.until(vm, () -> vm.messageProperty().get().startsWith("Opened m.safetensors")
                && vm.stateProperty().get() == RunState.PAUSED);
        assertEquals(0, vm.snapshotProperty().get().steps());
        assertEquals(w, vm.run().atBoundary(a -> a.session().model().parameters().get(0).data()[0]).get());
        vm.openCheckpoint(model);
        fx.until(vm, () -> vm.messageProperty().get().contains("is a model file, not a training checkpoint"));
        vm.stop();
    }

    /**
     * A model file an older LSTM Lab wrote (format 1.4: no checksum) with a field this version does not know opens
     * with both warnings after the news, in the app's language, as {@code import-notes/model-files.txt} says them.
     */
    @Test
    void aModelFilesWarningsAreSaidWhenItOpens(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Task sine = Tasks.byName("sine");
        SequenceModel m = new SequenceModel(sine.model(sine.generate(0, 1), CellType.LSTM, 4, 1));
        Initializers.initialize(m, Initializers.Scheme.TORCH, 3);
        Path f = dir.resolve("old.safetensors");
        ModelFile.save(f, m, sine.defaults(), sine.name());
        SafeTensorsFile raw = SafeTensors.read(f);
        Map<String, String> meta = new LinkedHashMap<>(raw.metadata());
        meta.put("format_version", "1.4");
        meta.remove("checksum");
        meta.put("training", meta.get("training").replace("{", "{\"ema\":0.99,"));
        SafeTensors.write(f, raw.tensors(), meta);
        List<NoteCases.Note> notes = NoteCases.read("/import-notes/model-files.txt").get("model.oldAndUnknownFields")
                .notes();
        TrainingViewModel zh = new TrainingViewModel(I18n.bundle(Locale.SIMPLIFIED_CHINESE), fx);
        zh.openModel(f);
        fx.until(zh, () -> zh.stateProperty().get() == RunState.PAUSED);
        assertEquals("已打开 old.safetensors：在它的任务上暂停，优化器从头开始；点“继续”可接着训练。注意："
                + notes.get(0).chinese() + "。注意：" + notes.get(1).chinese(), zh.messageProperty().get());
        assertFalse(zh.messageIsErrorProperty().get(), "news, not a problem");
        zh.stop();
        vm.openModel(f);
        fx.until(vm, () -> vm.stateProperty().get() == RunState.PAUSED);
        assertEquals("Opened old.safetensors: paused on its task with a fresh optimizer; Resume trains it further. "
                + "Note: " + notes.get(0).english() + ". Note: " + notes.get(1).english(), vm.messageProperty().get());
        vm.stop();
    }

    @Test
    void theEmbeddedReberGrammarIsSolvedFromTheUiWithDefaultSettings() throws Exception {
        vm.chooseTask(Tasks.byName("reber"));
        vm.start();
        fx.until(vm, () -> vm.stateProperty().get() == RunState.FINISHED);
        EpochReport last = vm.snapshotProperty().get().lastEpoch();
        assertEquals(12, last.epoch());
        assertTrue(last.solved(), "accuracy " + last.valAccuracy());
    }

    @Test
    void aGbkTextFileIsDetectedAndTheUserIsToldTheEncoding() throws Exception {
        vm.chooseDataFile(Path.of("src/test/resources/data/good/text-gbk.txt"));
        fx.until(vm, () -> vm.form().taskProperty().get().name().equals("charlm"));
        assertTrue(vm.messageProperty().get().startsWith("text-gbk.txt (read as GB18030, detected;"),
                vm.messageProperty().get());
        vm.form().encodingProperty().set("GBK");
        vm.chooseDataFile(Path.of("src/test/resources/data/good/text-gbk.txt"));
        fx.until(vm, () -> vm.messageProperty().get().startsWith("text-gbk.txt (GBK)"));
    }

    @Test
    void aHaltedRunIsExplained() throws Exception {
        vm.form().taskProperty().set(new TinyTask("keras-example", 64, true));
        vm.form().stepsProperty().set(10);
        vm.start();
        fx.until(vm, () -> vm.stateProperty().get() == RunState.HALTED);
        assertTrue(vm.messageProperty().get().startsWith("Training stopped: 3 steps in a row had a loss, a gradient "
                + "or an update that is not a finite number (the last one had loss NaN and gradient norm NaN); the "
                + "weights are those of the last good step."),
                vm.messageProperty().get());
        assertTrue(vm.statusProperty().get().startsWith("Halted"), vm.statusProperty().get());
        assertTrue(vm.idleProperty().get());
    }

    @Test
    void withoutADebuggerOrARunTheUserIsTold() {
        vm.openInDebugger();
        assertEquals("Start a run first; the debugger shows its current model", vm.messageProperty().get());
    }

    @Test
    void aUserCsvBecomesTheTaskAndABadOneIsExplained() throws Exception {
        vm.form().stepsProperty().set(6);
        vm.chooseDataFile(Path.of("src/test/resources/data/good/series.csv"));
        fx.until(vm, () -> vm.form().taskProperty().get().name().equals("csv"));
        assertTrue(vm.messageProperty().get().startsWith("series.csv (read as UTF-8, detected;"),
                vm.messageProperty().get());
        assertTrue(vm.messageProperty().get().contains("Forecast temp"), vm.messageProperty().get());
        assertTrue(vm.kerasCodeProperty().get().contains("input_shape=(24, 3)")
                || vm.kerasCodeProperty().get().contains("input_shape=(6, 3)"), vm.kerasCodeProperty().get());
        vm.chooseDataFile(Path.of("src/test/resources/data/bad/unmatched-quote.csv"));
        fx.until(vm, () -> vm.messageProperty().get().contains("never closed"));
        assertTrue(vm.messageProperty().get().contains("line 2: field 2: the quote"), vm.messageProperty().get());
        assertEquals("csv", vm.form().taskProperty().get().name(), "the good file stays chosen");
    }
    private void finishTiny(String task, int epochs) throws InterruptedException {
        vm.form().taskProperty().set(new TinyTask(task, 64, false));
        vm.form().stepsProperty().set(12);
        vm.form().unitsProperty().set(6);
        vm.form().epochsProperty().set(epochs);
        vm.form().batchSizeProperty().set(16);
        vm.start();
        fx.until(vm, () -> vm.stateProperty().get() == RunState.FINISHED);
    }

    @Test
    void everyEpochEndsWithTheTasksVerdictItsThresholdAndTheChanceLevel() throws Exception {
        finishTiny("adding", 2);
        String v = vm.verdictProperty().get();
        assertTrue(v.matches("(Solved|Not solved) after epoch 2: validation accuracy \\d+\\.\\d\u00a0%, "
                + "solved at ≥ 90\\.0\u00a0%; always 0\\.5 gets \\d+\\.\\d\u00a0%"), v);
        EpochReport last = vm.snapshotProperty().get().lastEpoch();
        assertTrue(v.contains(String.format(Locale.ROOT, "%.1f\u00a0%%", 100 * last.valAccuracy())), v);
        MetricChart m = vm.metricChartProperty().get();
        assertTrue(m.unitRange());
        assertEquals(0.9, m.threshold());
        assertArrayEquals(new double[] {1, 2}, m.epochs());
        assertEquals(last.score().baselineValue(), m.baseline());
        assertEquals("Validation accuracy", m.title());
        assertEquals("solved at ≥ 90.0\u00a0%", m.thresholdLabel());
        assertEquals("≥ 90.0\u00a0%", m.thresholdShort(), "the label of a chart too narrow for the whole one");
    }

    @Test
    void aRegressionShowsItsMseBesideTheNaiveForecastNeverAnAccuracy() throws Exception {
        finishTiny("sine", 1);
        String v = vm.verdictProperty().get();
        assertTrue(v.contains("after epoch 1: validation MSE "), v);
        assertTrue(v.matches(".*, solved at < 0\\.001; repeating the last value gets 0\\.03\\d*"), v);
        assertFalse(v.contains("accuracy"), v);
        MetricChart m = vm.metricChartProperty().get();
        assertFalse(m.unitRange(), "an MSE is not drawn on [0, 1]");
        assertEquals(0.001, m.threshold());
        assertEquals(0.031, m.baseline(), 0.001);
        assertEquals("Validation MSE", m.title());
        assertEquals("< 0.001", m.thresholdShort());
        assertEquals("repeating the last value", m.baselineLabel());
        assertTrue(m.baselineShort().matches("naive 0\\.03\\d*"), "for a narrow chart: " + m.baselineShort());
    }

    @Test
    void choosingAnotherTaskClearsTheLastRunsChartsAndVerdict() throws Exception {
        finishTiny("adding", 1);
        assertFalse(vm.verdictProperty().get().isEmpty());
        vm.chooseTask(Tasks.byName("reber"));
        assertNull(vm.snapshotProperty().get(), "the charts are emptied");
        assertEquals("", vm.verdictProperty().get());
        assertFalse(vm.hasModelProperty().get());
        assertEquals(0, vm.metricChartProperty().get().epochs().length);
    }

    @Test
    void onlyTheFieldsThatApplyAreShown() throws Exception {
        FieldsShown adding = vm.fieldsProperty().get();
        assertEquals(new FieldsShown(false, false, false, true, "training.steps", 10, 200), adding);
        for (String fixed : List.of("reber", "sentiment")) {
            vm.chooseTask(Tasks.byName(fixed));
            assertFalse(vm.fieldsProperty().get().steps(), fixed + " has no length to choose");
            assertFalse(vm.fieldsProperty().get().encoding(), "a built-in task has no file to decode");
        }
        vm.chooseDataFile(Path.of("src/test/resources/data/good/series.csv"));
        fx.until(vm, () -> vm.form().taskProperty().get().name().equals("csv"));
        assertEquals(new FieldsShown(true, true, true, true, "training.window", 1, 1000), vm.fieldsProperty().get());
        vm.chooseDataFile(Path.of("src/test/resources/data/good/text-gbk.txt"));
        fx.until(vm, () -> vm.form().taskProperty().get().name().equals("charlm"));
        assertEquals(new FieldsShown(true, false, false, true, "training.steps", 4, 200, true),
                vm.fieldsProperty().get(), "a text's characters are tokens: the embedding size shows");
    }

    @Test
    void aCsvRunReadsTheFileAgainWithTheFormsWindowAndHorizon() throws Exception {
        vm.chooseDataFile(Path.of("src/test/resources/data/good/series.csv"));
        fx.until(vm, () -> vm.form().taskProperty().get().name().equals("csv"));
        vm.form().stepsProperty().set(5);
        vm.form().horizonProperty().set(3);
        vm.form().epochsProperty().set(50);
        vm.start();
        fx.until(vm, () -> vm.stateProperty().get() == RunState.RUNNING);
        int steps = vm.run().atBoundary(a -> a.data().train().get(0).steps()).get();
        int horizon = vm.run().atBoundary(a -> a.session().record().data().horizon()).get();
        vm.stop();
        assertEquals(5, steps);
        assertEquals(3, horizon);
    }

    @Test
    void everyProblemOfARefusedFileCanBeRead(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path bad = dir.resolve("three.csv");
        java.nio.file.Files.writeString(bad, "time,load,temp\n1,2,3\n2,x,4\n3,5,\n4,y,z\n5,6,7\n");
        vm.chooseDataFile(bad);
        fx.until(vm, () -> vm.messageProperty().get().contains("more problems"));
        assertTrue(vm.messageProperty().get().endsWith("line 3: field 2 (load): 'x' is not a number "
                + "(and 3 more problems). It is not loaded: the task shown, with its Solved when and code, is still "
                + "Adding problem. Change the fields under Use my file…, then press Start to read it again"),
                vm.messageProperty().get());
        assertEquals(bad + ":\nline 3: field 2 (load): 'x' is not a number\nline 4: field 3 (temp): missing value in "
                + "the target column, which the model forecasts: fill it in (with the value of the row before, say), "
                + "or choose another target column\nline 5: field 2 (load): 'y' is not a number\nline 5: field 3 "
                + "(temp): 'z' is not a number",
                vm.detailsProperty().get());
    }

    @Test
    void theDebuggerTitleCountsTheEpochsTheWeightsHaveBeenTrainedFor() throws Exception {
        List<String> titles = new ArrayList<>();
        vm.setDebuggerLauncher((model, sample, targets, sequence, title, names) -> titles.add(title.get()));
        vm.openInDebugger();
        finishTiny("adding", 2);
        vm.openInDebugger();
        fx.until(vm, () -> !titles.isEmpty());
        assertTrue(titles.get(0).startsWith("Adding problem, epoch 2, validation sample "), titles.get(0));
    }

    /** The code without its layout (the preview folds long lines inside their brackets; PythonFoldingTest). */
    private static String flat(String code) {
        return code.replaceAll("\\s+", "").replace(",)", ")");
    }
}
