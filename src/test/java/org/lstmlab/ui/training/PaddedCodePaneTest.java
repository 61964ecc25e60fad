package org.lstmlab.ui.training;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.lstmlab.engine.tasks.Tasks;
import org.lstmlab.ui.common.I18n;

/** The Train tab's code panes for a task whose sequences differ in length, without a toolkit. */
class PaddedCodePaneTest {
    private final FakeFx fx = new FakeFx();

    /**
     * A task whose sequences vary shows the code Save code and data saves for it: PyTorch packs, Keras masks, with
     * the comments in the window's language.
     */
    @Test
    void sequencesOfSeveralLengthsShowThePackingCodeInTheWindowsLanguage() {
        TrainingViewModel zh = new TrainingViewModel(I18n.bundle(Locale.SIMPLIFIED_CHINESE), fx);
        zh.chooseTask(Tasks.byName("counting"));
        String torch = zh.torchCodeProperty().get();
        assertTrue(flat(torch).contains(flat("def forward(self, x, lengths):")), torch);
        assertTrue(flat(torch).contains(flat("nn.utils.rnn.pack_padded_sequence(x, lengths, batch_first=True, "
                + "enforce_sorted=False)")), torch);
        assertTrue(torch.contains("# LSTM Lab 让每条序列只经过它自己的时间步") && torch.contains("打包"), torch);
        assertTrue(flat(torch).contains(flat("loss = masked_loss(model(x, lengths), y, lengths)")), torch);
        assertTrue(flat(zh.kerasCodeProperty().get()).contains(flat("model.add(Masking(mask_value=0.0, "
                + "input_shape=(None, 5)))")), zh.kerasCodeProperty().get());
        TrainingViewModel en = new TrainingViewModel(I18n.bundle(Locale.ENGLISH), fx);
        en.chooseTask(Tasks.byName("adding"));
        assertFalse(en.torchCodeProperty().get().contains("lengths"), "one length: the code of one array");
    }

    /** The code without its layout (the preview folds long lines inside their brackets; PythonFoldingTest). */
    private static String flat(String code) {
        return code.replaceAll("\\s+", "").replace(",)", ")");
    }
}
