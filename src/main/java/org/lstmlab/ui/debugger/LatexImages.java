package org.lstmlab.ui.debugger;

import javafx.scene.image.Image;
import org.lstmlab.ui.common.Latex;

/**
 * The catalogue's LaTeX as images, drawn once per cell type, never per step (see {@link Latex}); what is shown is a
 * {@link org.lstmlab.ui.common.LatexView}, sharp at any zoom.
 */
final class LatexImages {
    private LatexImages() {
    }

    static Image render(String latex, float size) {
        return Latex.render(latex, size);
    }
}
