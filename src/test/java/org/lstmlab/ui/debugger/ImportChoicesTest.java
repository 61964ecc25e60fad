package org.lstmlab.ui.debugger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.lstmlab.engine.interop.ImportOptions;
import org.lstmlab.engine.interop.ModelImport;
import org.lstmlab.engine.loss.OutputActivation;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.trace.Trace;
import org.lstmlab.testing.NoteCases;
import org.lstmlab.ui.common.I18n;

/**
 * The notes of an imported model file reach the debugger, and the user's choices for what the file could not say
 * reopen it: driven without a toolkit.
 */
class ImportChoicesTest {
    static final Path DIR = Path.of("src/test/resources/interop");
    /** nn.RNN(2, 4, num_layers=2, nonlinearity='relu') + nn.Linear(4, 3), saved in F16: neither is in the file. */
    static final Path RELU_RNN = DIR.resolve("rnn_relu_fc_f16.safetensors");

    static DebuggerViewModel opened(Path file) {
        DebuggerViewModel vm = DebuggerViewModelTest.started();
        vm.openModelFile(file, WeightPreset.RANDOM_TORCH);
        vm.pulse(1);
        return vm;
    }

    @Test
    void aStateDictSaysWhatItAssumedAndAsksForIt() {
        DebuggerViewModel vm = opened(RELU_RNN);
        ImportChoices c = vm.importChoices();
        assertTrue(c.pendingProperty().get(), "the notes are to be shown");
        assertTrue(c.asksNonlinearityProperty().get());
        assertTrue(c.asksActivationProperty().get());
        assertEquals(CellType.RNN_TANH, c.nonlinearityProperty().get(), "assumed");
        assertEquals(OutputActivation.IDENTITY, c.activationProperty().get(), "assumed");
        assertTrue(c.notes().stream().anyMatch(n -> n.english().contains("tanh")), c.notes()::toString);
        assertEquals(CellType.RNN_TANH, vm.trace().cell());
        assertTrue(minimum(vm.trace()) < 0, "tanh: some h below 0");
    }

    /**
     * The Chinese app shows the notes of the file in Chinese, as {@code import-notes/imports.txt} says them for the
     * same file (case torch.savedByPyTorch), and in English, as the command line prints them, once the language is
     * switched to English.
     */
    @Test
    void theNotesAreShownInTheAppsLanguage() throws IOException {
        I18n.Live i18n = I18n.live(Locale.SIMPLIFIED_CHINESE);
        DebuggerViewModel vm = new DebuggerViewModel(i18n, DebuggerWorker.direct());
        assertTrue(vm.applySetup());
        vm.pulse(1);
        vm.openModelFile(RELU_RNN, WeightPreset.RANDOM_TORCH);
        vm.pulse(1);
        ImportChoices c = vm.importChoices();
        assertTrue(c.pendingProperty().get());
        NoteCases.Case expected = NoteCases.read("/import-notes/imports.txt").get("torch.savedByPyTorch");
        assertEquals(expected.notes().stream().map(NoteCases.Note::chinese).collect(Collectors.joining("\n")),
                c.notesText());
        i18n.use(Locale.ENGLISH);
        assertEquals(expected.notes().stream().map(NoteCases.Note::english).collect(Collectors.joining("\n")),
                c.notesText());
    }

    @Test
    void choosingReluAndSigmoidReopensTheFileWithThem() throws IOException {
        DebuggerViewModel vm = opened(RELU_RNN);
        ImportChoices c = vm.importChoices();
        c.nonlinearityProperty().set(CellType.RNN_RELU);
        c.activationProperty().set(OutputActivation.SIGMOID);
        vm.applyImportChoices();
        vm.pulse(2);
        Trace tr = vm.trace();
        assertEquals(CellType.RNN_RELU, tr.cell());
        assertTrue(minimum(tr) >= 0, "ReLU: no h below 0");
        assertFalse(c.pendingProperty().get(), "reopening with choices shows nothing again");
        assertEquals(CellType.RNN_RELU, c.nonlinearityProperty().get());
        assertEquals(OutputActivation.SIGMOID, c.activationProperty().get(), "what the reopened model computes");
        assertTrue(c.asksNonlinearityProperty().get(), "still offered: the file still does not say");
        assertEquals(ImportOptions.NONE.withNonlinearity(CellType.RNN_RELU).withActivation(OutputActivation.SIGMOID),
                c.options());
        double[] want = ModelImport.load(RELU_RNN, c.options()).model().rnn().layer(1).weightHh().data();
        assertEquals(java.util.Arrays.toString(want), java.util.Arrays.toString(tr.layer(1).weightHh().data()));
    }

    @Test
    void keepingTheAssumptionsChangesNothing() {
        DebuggerViewModel vm = opened(RELU_RNN);
        Trace before = vm.trace();
        ImportChoices c = vm.importChoices();
        c.nonlinearityProperty().set(CellType.RNN_RELU);
        c.keep();
        vm.applyImportChoices();
        vm.pulse(2);
        assertEquals(CellType.RNN_TANH, c.nonlinearityProperty().get());
        assertFalse(c.pendingProperty().get());
        assertTrue(before == vm.trace(), "not reopened");
    }

    @Test
    void aKerasSaveWeightsFileAsksOnlyForTheActivation() {
        ImportChoices c = opened(DIR.resolve("keras2_weights.h5")).importChoices();
        assertTrue(c.pendingProperty().get());
        assertFalse(c.asksNonlinearityProperty().get(), "a Keras SimpleRNN's activation is Keras' default, noted");
        assertTrue(c.asksActivationProperty().get());
    }

    @Test
    void aFileThatSaysEverythingHasNothingToShow() {
        ImportChoices c = opened(DIR.resolve("classic_model.h5")).importChoices();
        assertFalse(c.pendingProperty().get());
        assertTrue(c.notes().isEmpty());
        assertFalse(c.asksNonlinearityProperty().get() || c.asksActivationProperty().get());
    }

    @Test
    void everyInteropLabelHasAChineseTwin() throws IOException {
        Properties en = load("/org/lstmlab/i18n/interop.properties");
        Properties zh = load("/org/lstmlab/i18n/interop_zh_CN.properties");
        assertEquals(en.stringPropertyNames(), zh.stringPropertyNames());
        for (OutputActivation a : ImportChoices.ACTIVATIONS) {
            assertTrue(en.containsKey("debugger.import.activation." + a.name()), a.name());
        }
    }

    private static Properties load(String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = ImportChoicesTest.class.getResourceAsStream(resource)) {
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    private static double minimum(Trace tr) {
        double min = Double.POSITIVE_INFINITY;
        for (int k = 0; k < tr.layers(); k++) {
            for (int t = 0; t < tr.steps(); t++) {
                for (double v : tr.vector("h", k, t, 0)) {
                    min = Math.min(min, v);
                }
            }
        }
        return min;
    }
}
