package org.lstmlab.engine.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.lstmlab.engine.loss.Loss;
import org.lstmlab.engine.math.Precision;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.nn.HeadMode;
import org.lstmlab.engine.nn.ModelSpec;
import org.lstmlab.engine.optim.Flavour;
import org.lstmlab.engine.optim.OptimizerKind;
import org.lstmlab.engine.train.TrainingConfig;

/**
 * The code panel in Chinese: the same code as in English, line for line, only the comments' words translated,
 * and every comment of it in Chinese.
 */
class CodeCommentsTest {
    private static final CodeComments ZH = CodeComments.in(Locale.SIMPLIFIED_CHINESE);

    /** The code of a line without its comment (generated code has no '#' inside its strings). */
    private static String code(String line) {
        int hash = line.indexOf('#');
        return (hash < 0 ? line : line.substring(0, hash)).stripTrailing();
    }

    private static List<String[]> pairs() {
        List<String[]> out = new ArrayList<>();
        TrainingConfig keras = TrainingConfig.kerasDefaults().toBuilder().optimizer(OptimizerKind.parse("rmsprop"))
                .flavour(Flavour.KERAS).build();
        TrainingConfig torch = keras.toBuilder().flavour(Flavour.TORCH)
                .precision(Precision.FLOAT32).build();
        for (Loss loss : Loss.values()) {
            for (HeadMode head : HeadMode.values()) {
                ModelSpec s = new ModelSpec(CellType.LSTM, 5, 8, 2, loss == Loss.BINARY_CROSS_ENTROPY ? 1 : 5, head,
                        loss);
                for (TrainingConfig c : List.of(keras, torch)) {
                    boolean oneHot = loss == Loss.SOFTMAX_CROSS_ENTROPY;
                    out.add(new String[] {CodeExport.keras(s, c, 12, oneHot, CodeComments.ENGLISH),
                        CodeExport.keras(s, c, 12, oneHot, ZH)});
                    out.add(new String[] {CodeExport.pytorch(s, c), CodeExport.pytorch(s, c, ZH)});
                }
            }
        }
        return out;
    }

    @Test
    void theChineseCodeIsTheEnglishCodeLineForLine() {
        for (String[] p : pairs()) {
            String[] en = p[0].split("\n", -1);
            String[] zh = p[1].split("\n", -1);
            assertEquals(en.length, zh.length, p[1]);
            for (int i = 0; i < en.length; i++) {
                assertEquals(code(en[i]), code(zh[i]), "line " + (i + 1) + " of\n" + p[1]);
            }
        }
    }

    @Test
    void everyCommentOfTheChineseCodeIsInChineseAndTheEnglishOnesStayEnglish() {
        List<String> words = List.of("every", "the", "samples", "class indices", "batch,", "computes", "saved",
                "from logits", "defaults", "initialised", "one-hot");
        int comments = 0;
        for (String[] p : pairs()) {
            for (String line : p[1].split("\n")) {
                int hash = line.indexOf("# ");
                if (hash < 0 || line.strip().startsWith("# model.load_state_dict")
                        && line.indexOf("# ", hash + 1) < 0) {
                    continue;
                }
                String comment = line.substring(line.lastIndexOf("# "));
                if (comment.matches("# (kernel|recurrent_kernel|bias): .*|# unit_forget_bias=True|# DataLoader.*")) {
                    continue;   // Keras' own argument names, and code
                }
                comments++;
                assertTrue(comment.codePoints().anyMatch(c -> Character.UnicodeScript.of(c)
                        == Character.UnicodeScript.HAN) || comment.startsWith("# x_train:"), line);
                for (String w : words) {
                    assertFalse(comment.contains(" " + w + " ") || comment.endsWith(" " + w), w + " in " + line);
                }
            }
            assertTrue(p[0].contains("# ") && p[0].chars().allMatch(c -> c < 0x2E80), "English stays:\n" + p[0]);
        }
        assertTrue(comments > 50, "comments checked: " + comments);
    }
}
