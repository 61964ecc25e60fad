package org.lstmlab.ui.debugger;

import javafx.scene.image.Image;
import org.lstmlab.ui.common.Latex;

/** The catalogue's LaTeX as images, drawn once per cell type, never per step (see {@link Latex}). */
final class LatexImages {
    private LatexImages() {
    }

    static Image render(String latex, float size) {
        return Latex.render(latex, size);
    }

    /** The same in another colour (white on a dark fill, for one). */
    static Image render(String latex, float size, javafx.scene.paint.Color colour) {
        return Latex.render(latex, size, colour);
    }
}
