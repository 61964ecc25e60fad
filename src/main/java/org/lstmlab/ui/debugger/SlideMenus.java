package org.lstmlab.ui.debugger;

import java.util.List;
import java.util.ResourceBundle;

import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.image.Image;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.trace.Equation;
import org.lstmlab.ui.common.Latex;
import org.lstmlab.ui.common.PngSaving;

/**
 * The right-click menus that take the cell diagram and the equations out of the app for a teacher's slides: save
 * as PNG or copy the picture, twice the size it shows (sharp on a projector), and copy an equation's LaTeX, with
 * the current step's numbers or without. What is copied comes from {@link EquationCopies}.
 */
final class SlideMenus {
    /** How much larger than on the screen a picture is taken. */
    static final double SCALE = 2;
    /** The letter size of an equation's picture before {@link #SCALE}: presenter mode's. */
    private static final float EQUATION_SIZE = 26f;

    private SlideMenus() {
    }

    /**
     * A diagram's menu: Save as PNG…, Copy picture; of the diagram as it shows now. {@code beside} is the cell
     * of a diagram beside the main one, named in the file's name ({@link SlideFiles}); null for the main diagram.
     */
    static ContextMenu diagram(ResourceBundle labels, Node diagram, CellType beside) {
        String file = SlideFiles.diagram(labels, beside);
        ContextMenu menu = new ContextMenu(
                PngSaving.item(labels, "image.saveAsPng2x", () -> PngSaving.askAndSave(diagram, labels, file,
                        () -> PngSaving.picture(diagram, SCALE))),
                PngSaving.item(labels, "image.copyPicture", () -> PngSaving.copy(PngSaving.picture(diagram, SCALE))));
        menu.setId("diagram-menu");
        return menu;
    }

    /**
     * An equation's menu: Copy LaTeX, Copy LaTeX with numbers ({@code withNumbers}: the current equation's, null
     * elsewhere, which disables the items with numbers), Copy picture, Save as PNG…, and the picture with the
     * numbers: copied, or saved as "equation-c_t-numbers.png".
     */
    static ContextMenu equation(ResourceBundle labels, Node owner, Equation eq, String withNumbers) {
        MenuItem numbers = PngSaving.item(labels, "image.copyLatexNumbers", () -> PngSaving.copy(withNumbers));
        MenuItem copyNumbers = PngSaving.item(labels, "image.copyPictureNumbers",
                () -> PngSaving.copy(picture(withNumbers)));
        MenuItem saveNumbers = PngSaving.item(labels, "image.saveAsPngNumbers", () -> PngSaving.askAndSave(owner,
                labels, SlideFiles.equation(labels, eq, true), () -> picture(withNumbers)));
        for (MenuItem item : List.of(numbers, copyNumbers, saveNumbers)) {
            item.setDisable(withNumbers == null);
        }
        ContextMenu menu = new ContextMenu(
                PngSaving.item(labels, "image.copyLatex", () -> PngSaving.copy(EquationCopies.latex(eq))), numbers,
                new SeparatorMenuItem(),
                PngSaving.item(labels, "image.copyPicture", () -> PngSaving.copy(picture(eq))),
                PngSaving.item(labels, "image.saveAsPng2x", () -> PngSaving.askAndSave(owner, labels,
                        SlideFiles.equation(labels, eq, false), () -> picture(eq))),
                new SeparatorMenuItem(), copyNumbers, saveNumbers);
        menu.setId("equation-menu");
        return menu;
    }

    /** The equation drawn for a slide: presenter mode's size, twice over, on white. */
    static Image picture(Equation eq) {
        return picture(EquationCopies.latex(eq));
    }

    /** LaTeX drawn for a slide, as an equation is ({@link #picture(Equation)}): with its numbers, say. */
    static Image picture(String latex) {
        return Latex.picture(latex, EQUATION_SIZE, SCALE);
    }
}
