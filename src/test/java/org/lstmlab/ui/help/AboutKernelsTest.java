package org.lstmlab.ui.help;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.ResourceBundle;

import org.junit.jupiter.api.Test;
import org.lstmlab.ui.common.I18n;
import org.lstmlab.ui.training.EnglishText;

/** Help ▸ About names the kernels in the app's language, not with the engine's log names ("vector-api (8 lanes)"). */
class AboutKernelsTest {
    private static final String OPTION = "--add-modules jdk.incubator.vector";

    @Test
    void theKernelsAreNamedInChinese() {
        ResourceBundle zh = I18n.bundle(Locale.SIMPLIFIED_CHINESE);
        String vector = AboutInfo.kernels(zh, true, 8);
        assertEquals("Vector API（每条向量 8 个双精度数），用于矩阵乘法和激活函数", vector);
        String plain = AboutInfo.kernels(zh, false, 0);
        assertTrue(plain.startsWith("纯 Java 循环"), plain);
        for (String s : new String[] {vector, plain, AboutInfo.kernels(zh)}) {
            assertFalse(s.contains("lanes") || s.contains("vector-api"), s);
            assertFalse(EnglishText.hasSentence(s.replace(OPTION, "")), s);
        }
    }

    @Test
    void inEnglishTheWidthIsSaidInWords() {
        ResourceBundle en = I18n.bundle(Locale.ENGLISH);
        assertEquals("Vector API, 4 doubles per vector, for the matrix products and the activations",
                AboutInfo.kernels(en, true, 4));
        assertFalse(AboutInfo.kernels(en).contains("vector-api"));
    }
}
