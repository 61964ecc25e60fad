package org.lstmlab.ui.debugger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.image.Image;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.trace.EquationCatalogue;
import org.lstmlab.ui.UiWait;
import org.lstmlab.ui.common.PngSaving;
import org.lstmlab.ui.common.TrainingThreads;
import org.testfx.api.FxRobot;

/**
 * For a teacher's slides: a right click on the cell diagram copies its picture, twice its size, to the clipboard
 * (and saves it so); the menu key opens the same menu once Tab has reached the diagram. A right click on the current
 * equation copies its LaTeX, the catalogue's, and with the numbers of the step; on another row it goes nowhere and
 * offers no numbers.
 */
class SlidePicturesUiTest extends DebuggerUiBase {
    private static final String COPY_NUMBERS = "Copy picture with numbers (2\u00d7 size)";
    @TempDir Path dir;

    /** The items of the context menus showing, by their text (a separator's is null). */
    private static List<MenuItem> shownItems() {
        return UiWait.onFx(() -> Window.getWindows().stream()
                .filter(w -> w instanceof ContextMenu && w.isShowing())
                .flatMap(w -> ((ContextMenu) w).getItems().stream()).toList());
    }

    private static MenuItem item(String text) {
        return shownItems().stream().filter(i -> text.equals(i.getText())).findFirst().orElseThrow(
                () -> new AssertionError(text + " is not in " + shownItems().stream().map(MenuItem::getText)
                        .toList()));
    }

    /** What a right click sends besides the mouse's events; headless Monocle does not synthesise it. */
    private static void rightClick(FxRobot robot, Node node) {
        robot.clickOn(node, MouseButton.SECONDARY);
        requestMenu(robot, node);
    }

    /** The context menu request alone, for a node scrolled out of the pane's view. */
    private static void requestMenu(FxRobot robot, Node node) {
        robot.interact(() -> Event.fireEvent(node, new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED,
                10, 10, 300, 300, false, null)));
    }

    private static void choose(FxRobot robot, String text) {
        MenuItem item = item(text);
        robot.interact(() -> {
            item.fire();
            Window.getWindows().stream().filter(w -> w instanceof ContextMenu).toList()
                    .forEach(w -> ((ContextMenu) w).hide());
        });
    }

    private static void clearClipboard(FxRobot robot) {
        robot.interact(() -> Clipboard.getSystemClipboard().clear());
    }

    @Test
    void theDiagramAndTheEquationsGoToTheClipboard(FxRobot robot) throws Exception {
        stepToTheCellState(robot);
        Node diagram = DebuggerWindow.in(robot).lookup(".cell-diagram").query();
        rightClick(robot, diagram);
        double[] size = copiesTwiceItsSize(robot, diagram);

        Path file = dir.resolve("cell-diagram.png");
        UiWait.onFx(() -> PngSaving.save(PngSaving.picture(diagram, SlideMenus.SCALE), file,
                TrainingThreads.files())).get(60, TimeUnit.SECONDS);
        BufferedImage png = ImageIO.read(file.toFile());
        assertEquals(Math.round(2 * size[0]), png.getWidth(), 2.0);
        String keep = System.getProperty("lstmlab.slides.keep");   // a directory to look at the picture in
        if (keep != null) {
            Files.copy(file, Path.of(keep, "cell-diagram.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }

        // the keyboard: Tab reaches the diagram, the menu key opens its menu
        robot.interact(diagram::requestFocus);
        robot.type(KeyCode.CONTEXT_MENU);
        UiWait.until("the diagram's menu from the keyboard", () -> shownItems().size() == 2);
        robot.interact(() -> Window.getWindows().stream().filter(w -> w instanceof ContextMenu).toList()
                .forEach(w -> ((ContextMenu) w).hide()));

        Node current = DebuggerWindow.in(robot).lookup("#eq-lstm-c").query();
        rightClick(robot, current);
        assertEquals(java.util.Arrays.asList("Copy LaTeX", "Copy LaTeX with numbers", null,
                "Copy picture (2\u00d7 size)", "Save as PNG (2\u00d7 size, sharp on a projector)\u2026", null,
                COPY_NUMBERS, "Save as PNG with numbers (2\u00d7 size)\u2026"),
                shownItems().stream().map(MenuItem::getText).toList());
        clearClipboard(robot);
        choose(robot, "Copy LaTeX");
        String latex = EquationCatalogue.byId("lstm.c").latex();
        assertEquals("c_t = f_t \\odot c_{t-1} + i_t \\odot g_t", latex);
        UiWait.until("the cell state's LaTeX on the clipboard",
                () -> latex.equals(Clipboard.getSystemClipboard().getString()));

        rightClick(robot, current);
        clearClipboard(robot);
        choose(robot, "Copy LaTeX with numbers");
        String numbers = UiWait.onFx(() -> EquationCopies.withNumbers(vm.substitutionProperty().get()));
        assertTrue(numbers.startsWith("c_{t}[0] = f_{t}[0] \\cdot c_{t-1}[0] + "), numbers);
        UiWait.until("the cell state with its numbers on the clipboard",
                () -> numbers.equals(Clipboard.getSystemClipboard().getString()));

        rightClick(robot, current);
        clearClipboard(robot);
        choose(robot, "Copy picture (2\u00d7 size)");
        UiWait.until("the equation's picture on the clipboard", () -> Clipboard.getSystemClipboard().hasImage());
        Image equation = UiWait.onFx(() -> Clipboard.getSystemClipboard().getImage());
        assertTrue(equation.getHeight() >= 2 * 26, "twice presenter mode's letters: " + equation.getHeight());
        if (keep != null) {
            UiWait.onFx(() -> PngSaving.save(equation, Path.of(keep, "equation-c_t.png"), TrainingThreads.files()))
                    .get(60, TimeUnit.SECONDS);
        }

        Cursor before = UiWait.onFx(() -> vm.cursor());
        rightClick(robot, DebuggerWindow.in(robot).lookup("#eq-lstm-f").query());
        assertTrue(item("Copy LaTeX with numbers").isDisable(), "the numbers shown are the current equation's");
        assertTrue(item(COPY_NUMBERS).isDisable() && item("Save as PNG with numbers (2\u00d7 size)\u2026").isDisable(),
                "so is the picture with numbers");
        choose(robot, "Copy LaTeX");
        UiWait.until("the forget gate's LaTeX on the clipboard", () -> EquationCatalogue.byId("lstm.f").latex()
                .equals(Clipboard.getSystemClipboard().getString()));
        assertEquals(before, UiWait.onFx(() -> vm.cursor()), "a right click on a row goes to no equation");
    }

    /**
     * The current equation's picture with its numbers: the same LaTeX as "Copy LaTeX with numbers", drawn as the
     * equation's picture is (presenter mode's letters, twice over), so wider than the equation without numbers.
     */
    @Test
    void theCurrentEquationsPictureWithItsNumbers(FxRobot robot) throws Exception {
        stepToTheCellState(robot);
        Node current = DebuggerWindow.in(robot).lookup("#eq-lstm-c").query();
        rightClick(robot, current);
        clearClipboard(robot);
        choose(robot, COPY_NUMBERS);
        UiWait.until("the equation with its numbers on the clipboard", () -> Clipboard.getSystemClipboard()
                .hasImage());
        Image copied = UiWait.onFx(() -> Clipboard.getSystemClipboard().getImage());
        String numbers = UiWait.onFx(() -> EquationCopies.withNumbers(vm.substitutionProperty().get()));
        Image expected = UiWait.onFx(() -> SlideMenus.picture(numbers));
        Image plain = UiWait.onFx(() -> SlideMenus.picture(EquationCatalogue.byId("lstm.c")));
        assertEquals(expected.getWidth(), copied.getWidth(), 1.0, "the LaTeX with numbers, drawn");
        assertEquals(expected.getHeight(), copied.getHeight(), 1.0);
        assertTrue(copied.getWidth() > plain.getWidth() * 1.5, copied.getWidth() + " vs " + plain.getWidth());
        assertEquals(0xFFFFFFFF, copied.getPixelReader().getArgb(1, 1), "on white");
        String keep = System.getProperty("lstmlab.slides.keep");
        if (keep != null) {
            UiWait.onFx(() -> PngSaving.save(copied, Path.of(keep, "equation-c_t-numbers.png"),
                    TrainingThreads.files())).get(60, TimeUnit.SECONDS);
        }
    }

    /** A cell beside the main one has the diagram's menu too: its own drawing, twice its size. */
    @Test
    void aCellBesideCopiesItsOwnPicture(FxRobot robot) throws Exception {
        DebuggerWindow.waitFor(() -> vm.trace() != null);
        robot.interact(() -> vm.beside().set(CellType.GRU, true));
        DebuggerWindow.waitFor(() -> !vm.companions().isEmpty()
                && vm.companions().get(0).resultProperty().get() != null);
        Node gru = UiWait.onFx(() -> DebuggerWindow.in(robot).lookup("#companion-gru").query()
                .lookup(".cell-diagram"));
        requestMenu(robot, gru);  // the cell beside wraps below the main one, out of view at 1280 × 800
        copiesTwiceItsSize(robot, gru);
    }

    /**
     * With a diagram's menu showing: it offers Save as PNG and Copy picture, and the picture copied is the diagram
     * at twice its size. The diagram's size.
     */
    private double[] copiesTwiceItsSize(FxRobot robot, Node diagram) {
        double[] size = UiWait.onFx(() -> new double[] {diagram.getLayoutBounds().getWidth(),
                diagram.getLayoutBounds().getHeight()});
        assertEquals(List.of("Save as PNG (2\u00d7 size, sharp on a projector)\u2026", "Copy picture (2\u00d7 size)"),
                shownItems().stream().map(MenuItem::getText).toList());
        clearClipboard(robot);
        choose(robot, "Copy picture (2\u00d7 size)");
        UiWait.until("the diagram's picture on the clipboard", () -> Clipboard.getSystemClipboard().hasImage());
        Image copied = UiWait.onFx(() -> Clipboard.getSystemClipboard().getImage());
        assertEquals(2 * size[0], copied.getWidth(), 2.0, "twice the diagram's width");
        assertEquals(2 * size[1], copied.getHeight(), 2.0, "twice the diagram's height");
        return size;
    }
}
