package org.lstmlab.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.ResourceBundle;

import org.junit.jupiter.api.Test;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.optim.OptimizerKind;
import org.lstmlab.ui.common.I18n;

/**
 * The Train tab's Layer and Optimizer boxes name concepts: in Chinese a cell type or an optimizer reads as its
 * Chinese term with the code name beside it (简单循环网络（SimpleRNN，tanh）, Adam 优化器), where it read SimpleRNN and
 * adam bare; in English an optimizer reads as the class Keras and PyTorch both name it by (Adam, RMSprop, SGD), which
 * is also the command line's name, ignoring case.
 */
class ConceptNamesTest {
    private static final ResourceBundle EN = I18n.bundle(Locale.ENGLISH);
    private static final ResourceBundle ZH = I18n.bundle(Locale.SIMPLIFIED_CHINESE);

    private static boolean chinese(String s) {
        return s.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    @Test
    void everyOptimizerHasAChineseTermAndItsCodeNameInEnglish() {
        for (OptimizerKind k : TrainingForm.OPTIMIZERS) {
            String key = TrainingForm.optimizerLabelKey(k);
            String en = EN.getString(key);
            assertEquals(k.id(), en.toLowerCase(Locale.ROOT), key);
            assertTrue(Character.isUpperCase(en.charAt(0)), key + " in English is a class name: " + en);
            String zh = ZH.getString(key);
            assertTrue(chinese(zh), key + " in Chinese: " + zh);
            assertTrue(zh.toLowerCase(Locale.ROOT).contains(k.id()), key + " keeps the code name: " + zh);
        }
        assertEquals("Adam 优化器", ZH.getString(TrainingForm.optimizerLabelKey(OptimizerKind.ADAM)));
        assertEquals("RMSprop", EN.getString(TrainingForm.optimizerLabelKey(OptimizerKind.RMSPROP)));
    }

    @Test
    void theSimpleRnnIsASimpleRecurrentNetworkInChinese() {
        for (CellType c : new CellType[] {CellType.RNN_TANH, CellType.RNN_RELU}) {
            String zh = ZH.getString(TrainingForm.cellLabelKey(c));
            assertTrue(zh.startsWith("简单循环网络（SimpleRNN，"), zh);
            assertTrue(EN.getString(TrainingForm.cellLabelKey(c)).startsWith("SimpleRNN ("));
        }
    }
}
