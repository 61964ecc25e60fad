package org.lstmlab.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmlab.engine.session.SessionObserver;
import org.lstmlab.engine.session.TrainingSession;
import org.lstmlab.engine.tasks.Task;
import org.lstmlab.engine.tasks.Tasks;
import org.lstmlab.ui.common.I18n;

/**
 * The Train tab's embedding size, without a toolkit: shown for the tasks whose inputs are tokens only, recorded in
 * the run the form describes, and a model file trained with a table opens in the form with its size and trains on.
 */
class EmbeddingFormTest {
    private final ResourceBundle en = I18n.bundle(Locale.ENGLISH);
    private final TrainingForm form = new TrainingForm();
    private final List<Supplier<String>> refusals = new ArrayList<>();
    @TempDir Path dir;

    @Test
    void theFieldShowsForTheTasksWhoseInputsAreTokensOnly() {
        for (Task t : Tasks.all()) {
            assertEquals(t.readsTokens(), FieldsShown.of(t, null, false).embedding(), t.name());
        }
        assertTrue(FieldsShown.of(Tasks.byName("reber"), null, false).embedding());
        assertFalse(FieldsShown.of(Tasks.byName("adding"), null, false).embedding());
        assertFalse(FieldsShown.of(Tasks.byName("charlm"), Path.of("prices.csv"), false).embedding(),
                "a CSV file is read as numbers");
        assertNotEquals(I18n.bundle(Locale.SIMPLIFIED_CHINESE).getString("training.embedding"),
                en.getString("training.embedding"));
    }

    @Test
    void theSizeIsRecordedForATokenTaskAndBuildsItsTable() throws Exception {
        Task reber = Tasks.byName("reber");
        form.applyDefaults(reber);
        assertEquals(0, form.embedding.get(), "one-hot unless asked");
        form.embedding.set(5);
        RunSetup s = FormSetup.of(en, form, refusals::add);
        assertNotNull(s, refusals.toString());
        assertEquals(5, s.run().embedding());
        assertEquals("5", s.run().toMap().get("embedding"));
        try (TrainingSession session = s.session(reber).build()) {
            assertEquals(5, session.model().embedding().size());
            assertEquals(7, session.model().embedding().vocabulary());
        }
        form.applyDefaults(Tasks.byName("adding"));
        assertEquals(0, form.embedding.get(), "another task starts one-hot again");
        form.embedding.set(5);   // hidden for a task of numbers: not used
        assertEquals(0, FormSetup.of(en, form, refusals::add).run().embedding());
    }

    @Test
    void theTabTrainsATokenTaskThroughItsTableAndSendsTheDebuggerItsRows() throws Exception {
        FakeFx fx = new FakeFx();
        TrainingViewModel vm = new TrainingViewModel(en, fx);
        List<Object[]> received = new ArrayList<>();
        vm.setDebuggerLauncher((model, sample, targets, sequence, title, names) ->
                received.add(new Object[] {model, sample}));
        vm.chooseTask(Tasks.byName("reber"));
        vm.form().unitsProperty().set(6);
        vm.form().embedding.set(3);
        vm.form().epochsProperty().set(50);
        vm.start();
        fx.until(vm, () -> vm.snapshotProperty().get() != null && vm.snapshotProperty().get().steps() > 2);
        vm.openInDebugger();
        fx.until(vm, () -> !received.isEmpty());
        var live = vm.run().atBoundary(a -> a.session().model()).get();   // the live run's, at a step boundary
        assertEquals(3, live.embedding().size(), "the run's model reads the ids through a table of 3 values");
        var sent = (org.lstmlab.engine.nn.SequenceModel) received.get(0)[0];
        var x = (org.lstmlab.engine.nn.SequenceInput) received.get(0)[1];
        assertEquals(3, sent.spec().inputSize());
        assertEquals(3, x.size());
        assertFalse(x.isOneHot());
        vm.stop();
        fx.until(vm, () -> vm.stateProperty().get() == RunState.STOPPED);
    }


    @Test
    void theCodePanesSayTheyBuildTheOneHotModel() {
        Task reber = Tasks.byName("reber");
        form.applyDefaults(reber);
        String plain = CodePreview.of(en, reber, () -> reber.generate(0, 1), form).keras();
        assertFalse(plain.contains("Embedding("), plain);
        form.embedding.set(5);
        CodePreview code = CodePreview.of(en, reber, () -> reber.generate(0, 1), form);
        assertTrue(code.keras().startsWith("# This run reads its tokens through a trained\n# Embedding(7, 5)"),
                code.keras());
        assertTrue(code.torch().contains("# Embedding(7, 5)"), code.torch());
        assertTrue(code.keras().endsWith(plain), "then the same code as before");
        String zh = CodePreview.of(I18n.bundle(Locale.SIMPLIFIED_CHINESE), reber, () -> reber.generate(0, 1), form)
                .keras();
        assertTrue(zh.startsWith("# 这次训练先用训练得到的嵌入表"), zh);
    }

    @Test
    void openInDebuggerHandsOverTheLayersAndTheTablesRowsWithTheSamePredictions() {
        try (TrainingSession s = TrainingSession.builder(Tasks.byName("reber")).hidden(6).embedding(4).trainLimit(32)
                .validationLimit(16).configure(c -> c.epochs(1).batchSize(16).threads(1)).build()) {
            s.run(SessionObserver.NONE);
            DebuggerHandOff h = DebuggerHandOff.pick(new TrainingRun.Access(s, null));
            assertEquals(null, h.model().embedding());
            assertEquals(4, h.targets().input().size());
            assertFalse(h.targets().input().isOneHot(), "x_t are the table's rows");
            var sample = s.data().validation().get(h.index()).unpadded();
            var ids = org.lstmlab.engine.data.Batches.toBatch(List.of(sample), s.data().head(),
                    s.data().outputSize());
            SequenceModelRun whole = new SequenceModelRun(s.model().copy(), ids);
            SequenceModelRun layers = new SequenceModelRun(h.model(), h.targets());
            assertEquals(whole.loss(), layers.loss(), 0.0);
            org.junit.jupiter.api.Assertions.assertArrayEquals(whole.predictions(), layers.predictions(), 0.0);
        }
    }

    /** One forward pass: its loss and predictions. */
    private record SequenceModelRun(double loss, double[] predictions) {
        SequenceModelRun(org.lstmlab.engine.nn.SequenceModel m, org.lstmlab.engine.nn.Batch b) {
            this(m.forward(b), m.predictions());
        }
    }

    @Test
    void aModelFileWithATableOpensWithItsSizeAndTrainsFurther() throws Exception {
        Path file = dir.resolve("reber.safetensors");
        Task reber = Tasks.byName("reber");
        List<double[]> trained;
        try (TrainingSession s = TrainingSession.builder(reber).hidden(6).embedding(4).trainLimit(32)
                .validationLimit(16).configure(c -> c.epochs(1).batchSize(16).threads(1)).build()) {
            s.run(SessionObserver.NONE);
            trained = s.model().weightValues();
            s.snapshot().saveModel(file);
        }
        RunFiles.Opened opened = RunFiles.openModel(file, null).get();
        assertEquals(4, opened.setup().run().embedding());
        form.applyRun(opened.task(), opened.setup().run(), opened.setup().config());
        assertEquals(4, form.embedding.get());
        try (TrainingSession s = opened.setup().session(opened.task()).trainLimit(32).validationLimit(16)
                .configure(c -> c.epochs(1).threads(1)).build()) {
            assertNotNull(s.model().embedding());
            assertEquals(trained.get(0).length, s.model().weightValues().get(0).length);
            assertTrue(java.util.Arrays.equals(trained.get(0), s.model().weightValues().get(0)),
                    "it starts from the file's table");
            s.run(SessionObserver.NONE);
            assertFalse(java.util.Arrays.equals(trained.get(0), s.model().weightValues().get(0)),
                    "and trains it further");
        }
    }
}
