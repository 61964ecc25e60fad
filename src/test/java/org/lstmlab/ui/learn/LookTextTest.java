package org.lstmlab.ui.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.ResourceBundle;

import org.junit.jupiter.api.Test;
import org.lstmlab.engine.lessons.Highlight;
import org.lstmlab.ui.common.I18n;

/** What a step asks the student to look at, in both languages. */
class LookTextTest {
    private final ResourceBundle en = I18n.bundle(Locale.ENGLISH);
    private final ResourceBundle zh = I18n.bundle(Locale.SIMPLIFIED_CHINESE);

    @Test
    void anEquationIsNamedAsTheDebuggerLabelsIt() {
        Highlight gate = new Highlight(Highlight.Kind.EQUATION, "lstm.i");
        assertEquals("Look at the equation \u201cinput gate\u201d.", LookText.of(en, gate));
        assertEquals("请看公式 \u201c输入门\u201d。", LookText.of(zh, gate));
    }

    @Test
    void aNameTheLabelsLackAndOtherPartsStayAsTheLessonWritesThem() {
        assertEquals("Look at the equation h_t.", LookText.of(en, new Highlight(Highlight.Kind.EQUATION, "h_t")));
        assertEquals("Look at lstm.i in the diagram.", LookText.of(en, new Highlight(Highlight.Kind.GATE, "lstm.i")));
        assertEquals("请看热力图中 c 那一行。", LookText.of(zh, new Highlight(Highlight.Kind.HEATMAP, "c")));
    }

    @Test
    void aStepThatPointsAtNothingSaysNothing() {
        assertEquals("", LookText.of(en, null));
    }
}
