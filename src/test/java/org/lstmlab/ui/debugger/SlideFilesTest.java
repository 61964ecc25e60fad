package org.lstmlab.ui.debugger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.ResourceBundle;

import org.junit.jupiter.api.Test;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.trace.EquationCatalogue;
import org.lstmlab.ui.common.I18n;

/**
 * The file names the slide menus offer, in English and in Chinese: the main diagram's, a cell's beside it (named
 * after that cell, so that two saved side by side do not overwrite each other), an equation's, and an equation's
 * with its numbers (beside the one without, not replacing it).
 */
class SlideFilesTest {
    private static final ResourceBundle EN = I18n.bundle(Locale.ENGLISH);
    private static final ResourceBundle ZH = I18n.bundle(Locale.SIMPLIFIED_CHINESE);

    @Test
    void diagramsAreNamedAfterTheirCell() {
        assertEquals("cell-diagram.png", SlideFiles.diagram(EN, null));
        assertEquals("cell-diagram-gru.png", SlideFiles.diagram(EN, CellType.GRU));
        assertEquals("cell-diagram-rnn_tanh.png", SlideFiles.diagram(EN, CellType.RNN_TANH));
        assertEquals("结构图.png", SlideFiles.diagram(ZH, null));
        assertEquals("结构图-gru.png", SlideFiles.diagram(ZH, CellType.GRU));
    }

    @Test
    void anEquationWithItsNumbersIsSavedBesideTheOneWithout() {
        var c = EquationCatalogue.byId("lstm.c");
        assertEquals("equation-c_t.png", SlideFiles.equation(EN, c, false));
        assertEquals("equation-c_t-numbers.png", SlideFiles.equation(EN, c, true));
        assertEquals("公式-c_t.png", SlideFiles.equation(ZH, c, false));
        assertEquals("公式-c_t-带数值.png", SlideFiles.equation(ZH, c, true));
        assertEquals("equation-h_t-numbers.png", SlideFiles.equation(EN, EquationCatalogue.byId("gru.h"), true));
    }
}
