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

import org.junit.jupiter.api.Test;
import org.lstmlab.engine.interop.ImportOptions;
import org.lstmlab.engine.interop.ModelImport;
import org.lstmlab.engine.loss.OutputActivation;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.nn.HeadMode;
import org.lstmlab.engine.trace.Trace;
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
        vm.setupCommands().openModelFile(file, WeightPreset.RANDOM_TORCH);
        vm.pulse(1);
        return vm;
    }

    /** The debugger in the language of {@code i18n}, set up, with {@code file} opened. */
    static DebuggerViewModel opened(I18n.Live i18n, Path file) {
        DebuggerViewModel vm = new DebuggerViewModel(i18n, DebuggerWorker.direct());
        assertTrue(vm.setupCommands().applySetup());
        vm.pulse(1);
        vm.setupCommands().openModelFile(file, WeightPreset.RANDOM_TORCH);
        vm.pulse(1);
        return vm;
    }

    @Test
    void aStateDictSaysWhatItAssumedAndAsksForIt() {
        DebuggerViewModel vm = opened(RELU_RNN);
        ImportChoices c = vm.setupCommands().importChoices();
        assertTrue(c.pendingProperty().get(), "the notes are to be shown");
        assertTrue(c.asksNonlinearityProperty().get());
        assertTrue(c.asksActivationProperty().get());
        assertTrue(c.asksHeadProperty().get(), "a state_dict does not say which steps its nn.Linear reads");
        assertEquals(CellType.RNN_TANH, c.nonlinearityProperty().get(), "assumed");
        assertEquals(HeadMode.EVERY_STEP, c.headProperty().get(), "assumed");
        assertEquals(OutputActivation.IDENTITY, c.activationProperty().get(), "assumed");
        assertTrue(c.notes().stream().anyMatch(n -> n.english().contains("tanh")), c.notes()::toString);
        assertEquals(CellType.RNN_TANH, vm.trace().cell());
        assertTrue(minimum(vm.trace()) < 0, "tanh: some h below 0");
    }

    /**
     * The Chinese app shows the notes of the file in Chinese, and in English once the language is switched to
     * English: the facts as {@code import-notes/imports.txt} says them for the same file (case torch.savedByPyTorch),
     * the advice with the dialog's choices where the command line gives its options.
     */
    @Test
    void theNotesAreShownInTheAppsLanguageAndWords() {
        I18n.Live i18n = I18n.live(Locale.SIMPLIFIED_CHINESE);
        DebuggerViewModel vm = opened(i18n, RELU_RNN);
        ImportChoices c = vm.setupCommands().importChoices();
        assertTrue(c.pendingProperty().get());
        assertEquals("state_dict 不记录 nn.RNN 用的是 tanh 还是 ReLU：假定为 tanh（PyTorch 的默认值）；如果是 ReLU，"
                + "请在下方“nn.RNN 的非线性函数”中选择\n"
                + "权重以 float16 存储（每个值 16 位）：每个值都被精确读入并用 float64 计算，因此预测值可能与 PyTorch 以 "
                + "float16 运行模型的结果略有差别\n"
                + "state_dict 不记录 nn.Linear 输出层之后的激活函数：假定没有激活函数（原始输出）；"
                + "可在下方“输出层（nn.Linear）之后的激活函数”中另选\n"
                + "state_dict 不记录 nn.Linear 输出层作用于每一步还是只作用于最后一步：假定为每一步（每一步一个预测）；"
                + "如果只作用于最后一步，请在下方“预测的时间步”中选择", text(c));
        i18n.use(Locale.ENGLISH);
        assertEquals("a state_dict does not say whether an nn.RNN uses tanh or ReLU: assumed tanh (PyTorch's default); "
                + "if it was ReLU, choose it under \"Nonlinearity of the nn.RNN\" below\n"
                + "the weights are stored in float16 (16 bits each): each value was read exactly and computed in "
                + "float64, so predictions can differ slightly from those of PyTorch running the model in float16\n"
                + "a state_dict does not say which activation follows the nn.Linear head: assumed none (raw outputs); "
                + "choose another under \"Activation after the Linear head\" below\n"
                + "a state_dict does not say whether its nn.Linear head reads every step or the last one: assumed "
                + "every step (one prediction per step); if it reads the last one, "
                + "choose it under \"Prediction at\" below",
                text(c));
    }

    /** A whole model's notes on the head say the pickled model does not record its forward(), and name the choice. */
    @Test
    void aWholeModelsNotesOnTheHeadSayWhatTheFileIs() {
        I18n.Live i18n = I18n.live(Locale.SIMPLIFIED_CHINESE);
        DebuggerViewModel vm = opened(i18n, Path.of("src/test/resources/interop/torch2_whole_model.pt"));
        ImportChoices c = vm.setupCommands().importChoices();
        assertTrue(c.asksActivationProperty().get() && c.asksHeadProperty().get());
        assertTrue(text(c).endsWith("用 pickle 保存的模型不包含它的 forward()，因此文件里没有 nn.Linear 输出层之后的激活函数："
                + "假定没有激活函数（原始输出）；可在下方“输出层（nn.Linear）之后的激活函数”中另选\n"
                + "用 pickle 保存的模型不包含它的 forward()，因此文件里没有 nn.Linear 输出层作用于每一步还是只作用于最后一步："
                + "假定为每一步（每一步一个预测）；如果只作用于最后一步，请在下方“预测的时间步”中选择"), text(c));
        i18n.use(Locale.ENGLISH);
        assertTrue(text(c).endsWith("the pickled model does not record its forward(), so which activation follows "
                + "the nn.Linear head is not in the file: assumed none (raw outputs); choose another under \"Activation"
                + " after the Linear head\" below\nthe pickled model does not record its forward(), so whether its "
                + "nn.Linear head reads every step or the last one is not in the file: assumed every step (one "
                + "prediction per step); if it reads the last one, choose it under \"Prediction at\" below"), text(c));
    }

    /**
     * The dialog shows the notes one a row (a bullet and the note beside it): a training checkpoint gives four, in
     * Chinese and, after View ▸ Language, in English.
     */
    @Test
    void theDialogShowsEachNoteOnARowOfItsOwn() {
        I18n.Live i18n = I18n.live(Locale.SIMPLIFIED_CHINESE);
        DebuggerViewModel vm = new DebuggerViewModel(i18n, DebuggerWorker.direct());
        assertTrue(vm.setupCommands().applySetup());
        vm.pulse(1);
        vm.setupCommands().openModelFile(DIR.resolve("torch_checkpoint.pt"), WeightPreset.RANDOM_TORCH);
        vm.pulse(1);
        ImportChoices c = vm.setupCommands().importChoices();
        assertEquals(4, c.notesShown().size(), () -> text(c));
        assertTrue(c.notesShown().get(0).startsWith("PyTorch 检查点字典，保存于第 12 个"), () -> text(c));
        i18n.use(Locale.ENGLISH);
        assertEquals(4, c.notesShown().size(), () -> text(c));
        assertTrue(c.notesShown().get(0).startsWith("a PyTorch checkpoint dict saved at epoch 12"), () -> text(c));
        assertTrue(c.notesShown().stream().noneMatch(n -> n.contains("\n")), () -> text(c));
        String copied = c.notesCopied();
        assertEquals(4, copied.lines().count(), copied);
        assertTrue(copied.lines().allMatch(l -> l.startsWith("\u2022 ")), copied);
        assertTrue(copied.startsWith("\u2022 a PyTorch checkpoint dict saved at epoch 12"), copied);
        assertTrue(copied.contains("\n\u2022 " + c.notesShown().get(3)), copied);
    }

    /** The notes one a line. */
    static String text(ImportChoices c) {
        return String.join("\n", c.notesShown());
    }

    @Test
    void choosingReluAndSigmoidReopensTheFileWithThem() throws IOException {
        DebuggerViewModel vm = opened(RELU_RNN);
        ImportChoices c = vm.setupCommands().importChoices();
        c.nonlinearityProperty().set(CellType.RNN_RELU);
        c.activationProperty().set(OutputActivation.SIGMOID);
        vm.setupCommands().applyImportChoices();
        vm.pulse(2);
        Trace tr = vm.trace();
        assertEquals(CellType.RNN_RELU, tr.cell());
        assertTrue(minimum(tr) >= 0, "ReLU: no h below 0");
        assertFalse(c.pendingProperty().get(), "reopening with choices shows nothing again");
        assertEquals(CellType.RNN_RELU, c.nonlinearityProperty().get());
        assertEquals(OutputActivation.SIGMOID, c.activationProperty().get(), "what the reopened model computes");
        assertTrue(c.asksNonlinearityProperty().get(), "still offered: the file still does not say");
        assertEquals(ImportOptions.NONE.withNonlinearity(CellType.RNN_RELU).withActivation(OutputActivation.SIGMOID)
                .withHead(HeadMode.EVERY_STEP), c.options());
        double[] want = ModelImport.load(RELU_RNN, c.options()).model().rnn().layer(1).weightHh().data();
        assertEquals(java.util.Arrays.toString(want), java.util.Arrays.toString(tr.layer(1).weightHh().data()));
    }

    @Test
    void keepingTheAssumptionsChangesNothing() {
        DebuggerViewModel vm = opened(RELU_RNN);
        Trace before = vm.trace();
        ImportChoices c = vm.setupCommands().importChoices();
        c.nonlinearityProperty().set(CellType.RNN_RELU);
        c.keep();
        vm.setupCommands().applyImportChoices();
        vm.pulse(2);
        assertEquals(CellType.RNN_TANH, c.nonlinearityProperty().get());
        assertFalse(c.pendingProperty().get());
        assertTrue(before == vm.trace(), "not reopened");
    }

    @Test
    void aKerasSaveWeightsFileAsksForTheActivationAndTheStepsPredicted() {
        ImportChoices c = opened(DIR.resolve("keras2_weights.h5")).setupCommands().importChoices();
        assertTrue(c.pendingProperty().get());
        assertFalse(c.asksNonlinearityProperty().get(), "a Keras SimpleRNN's activation is Keras' default, noted");
        assertTrue(c.asksActivationProperty().get());
        assertTrue(c.asksHeadProperty().get(), "without its config, return_sequences of the top layer is unknown");
        assertEquals(HeadMode.LAST, c.headProperty().get(), "assumed: Keras' default");
    }

    /**
     * Choosing every step for Keras weights without their config reopens them so, and the note then says the choice
     * was followed; so does choosing the last step again (which is also Keras' default: no note claims it assumed).
     */
    @Test
    void choosingTheStepsPredictedReopensTheFileAndTheNoteSaysItWasAsked() {
        DebuggerViewModel vm = opened(DIR.resolve("keras2_weights.h5"));
        ImportChoices c = vm.setupCommands().importChoices();
        c.headProperty().set(HeadMode.EVERY_STEP);
        vm.setupCommands().applyImportChoices();
        vm.pulse(2);
        assertEquals(HeadMode.EVERY_STEP, c.headProperty().get(), "what the reopened model computes");
        assertEquals(ImportOptions.NONE.withActivation(OutputActivation.IDENTITY).withHead(HeadMode.EVERY_STEP),
                c.options());
        assertTrue(c.asksHeadProperty().get(), "still offered: the file still does not say");
        assertTrue(text(c).contains("return_sequences of the top layer is not in the file: assumed True, as "
                + "asked"), text(c));
        c.headProperty().set(HeadMode.LAST);
        vm.setupCommands().applyImportChoices();
        vm.pulse(2);
        assertEquals(HeadMode.LAST, c.headProperty().get());
        assertTrue(text(c).contains("return_sequences of the top layer is not in the file: assumed False, as "
                + "asked"), text(c));
        assertFalse(text(c).contains("assumed False (Keras' default)"), text(c));
    }

    /** Choosing the last step for a state_dict reopens it so, and no note says every step was assumed. */
    @Test
    void choosingTheLastStepForAStateDictReopensItSo() {
        DebuggerViewModel vm = opened(RELU_RNN);
        ImportChoices c = vm.setupCommands().importChoices();
        c.headProperty().set(HeadMode.LAST);
        vm.setupCommands().applyImportChoices();
        vm.pulse(2);
        assertEquals(HeadMode.LAST, c.headProperty().get(), "what the reopened model computes");
        assertTrue(c.asksHeadProperty().get(), "still offered: the file still does not say");
        assertEquals(HeadMode.LAST, c.options().head().orElseThrow());
        assertFalse(text(c).contains("every step or the last one"), text(c));
    }

    @Test
    void aFileThatSaysEverythingHasNothingToShow() {
        ImportChoices c = opened(DIR.resolve("classic_model.h5")).setupCommands().importChoices();
        assertFalse(c.pendingProperty().get());
        assertTrue(c.notes().isEmpty());
        assertFalse(c.asksNonlinearityProperty().get() || c.asksActivationProperty().get()
                || c.asksHeadProperty().get());
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
