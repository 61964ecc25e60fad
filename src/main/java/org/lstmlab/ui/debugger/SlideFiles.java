package org.lstmlab.ui.debugger;

import java.util.ResourceBundle;

import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.trace.Equation;
import org.lstmlab.ui.common.PngSaving;

/**
 * The names the slide menus ({@link SlideMenus}) offer a picture's file under, in the app's language: the main
 * diagram's ("cell-diagram.png", 结构图.png), a cell's beside it ("cell-diagram-gru.png"), an equation's
 * ("equation-c_t.png", 公式-c_t.png) and an equation's with its numbers ("equation-c_t-numbers.png",
 * 公式-c_t-带数值.png). No toolkit here.
 */
final class SlideFiles {
    private SlideFiles() {
    }

    /** The diagram of {@code beside}, a cell beside the main one; of the main cell when it is null. */
    static String diagram(ResourceBundle labels, CellType beside) {
        return beside == null ? PngSaving.fileName(labels, "cell-diagram")
                : PngSaving.fileName(labels, "cell-diagram", beside.id());
    }

    /** The equation's picture, with the current step's numbers or without. */
    static String equation(ResourceBundle labels, Equation eq, boolean withNumbers) {
        String detail = EquationCopies.fileDetail(eq);
        return PngSaving.fileName(labels, "equation",
                withNumbers ? detail + "-" + labels.getString("image.file.numbers") : detail);
    }
}
