package org.lstmlab.ui.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import java.util.ResourceBundle;

import org.junit.jupiter.api.Test;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.trace.Direction;
import org.lstmlab.engine.trace.Equation;
import org.lstmlab.engine.trace.EquationCatalogue;
import org.lstmlab.ui.common.I18n;

/** The Learn tab's labels exist in English and Chinese, and so do the labels the lessons add to the debugger. */
class LearnLabelsTest {

    @Test
    void everyLabelHasAChineseTwin() throws IOException {
        Properties en = load("/org/lstmlab/i18n/learn.properties");
        Properties zh = load("/org/lstmlab/i18n/learn_zh_CN.properties");
        assertEquals(en.stringPropertyNames(), zh.stringPropertyNames());
        for (String k : zh.stringPropertyNames()) {
            assertTrue(zh.getProperty(k).codePoints().anyMatch(c -> Character.UnicodeScript.of(c)
                    == Character.UnicodeScript.HAN) || zh.getProperty(k).equals(en.getProperty(k))
                    || zh.getProperty(k).codePoints().noneMatch(Character::isLetter), k);  // "{0}（{1}）…": no words
        }
    }

    @Test
    void theWrongCellsAndTheWeightSumsAreLabelledInBothLanguages() {
        for (Locale l : new Locale[] {Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE}) {
            ResourceBundle b = I18n.bundle(l);
            for (CellType c : CellType.values()) {
                for (Equation e : EquationCatalogue.weightGradients(c)) {
                    assertTrue(b.containsKey("debugger.eq." + e.id()), e.id());
                }
                for (Direction d : Direction.values()) {
                    for (Equation e : EquationCatalogue.of(c, d)) {
                        assertTrue(b.containsKey("debugger.eq." + e.id()), e.id());
                    }
                }
            }
            for (CellType c : CellType.tutorialMistakes()) {
                String label = b.getString("debugger.cell." + c.name());
                assertTrue(label.contains(l == Locale.ENGLISH ? "mistake" : "错误"), label);
            }
        }
    }

    private static Properties load(String path) throws IOException {
        Properties p = new Properties();
        try (InputStream in = LearnLabelsTest.class.getResourceAsStream(path)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
