package org.lstmlab.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.skin.ComboBoxBaseSkin;
import org.junit.jupiter.api.Test;
import org.lstmlab.ui.debugger.WeightPreset;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every drop-down choice a teacher sees at 1024 × 768 (the Debugger's set-up, the Train tab's form and loss axis,
 * the Compare tab's task, the notes shown after opening a model file that leaves choices unsaid), in English and in
 * Chinese, at 100 %, 150 % and 200 %: its chosen value reads whole, and the box is as wide as its longest choice, so
 * that any other choice would read whole too. Before, at 100 % the Train tab showed "float64 (exact, a…" and
 * "automatic (logarithmic when th…", the debugger "Random (PyTorch i…"; zoomed in with the side panel folded, the
 * model file's notes opened at 100 % (at their zoom, "every step (in Keras…", and taller than the screen).
 */
class ChoicesReadWholeUiTest extends MainWindowUiBase {
    private static final String[] TABS = {"debugger", "train", "compare"};
    /** A PyTorch nn.RNN state_dict: it does not say its nonlinearity, its head's activation or the steps predicted. */
    private static final Path SAYS_LITTLE = Path.of("src/test/resources/interop/rnn_relu_fc_f16.safetensors");

    /** The drop-down choices shown in the window: every one whose node and parents are visible. */
    private static List<Node> choices(Parent root) {
        List<Node> out = new ArrayList<>();
        for (Node n : root.lookupAll(".combo-box-base")) {
            if (n instanceof ComboBox<?> && shown(n)) {
                out.add(n);
            }
        }
        for (Node n : root.lookupAll(".choice-box")) {
            if (n instanceof ChoiceBox<?> && shown(n)) {
                out.add(n);
            }
        }
        return out;
    }

    private static boolean shown(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return n.getScene() != null;
    }

    /** What is wrong with how {@code box} shows its value, or null: cut short, or narrower than its longest. */
    private static String problem(Node box) {
        String name = box.getId() != null ? box.getId() : box.toString();
        String text;
        String drawn;
        if (box instanceof ComboBox<?> c) {
            ListCell<?> cell = (ListCell<?>) ((ComboBoxBaseSkin<?>) c.getSkin()).getDisplayNode();
            text = cell.getText();
            drawn = Drawn.text(cell);
        } else {
            Label label = (Label) box.lookup(".label");
            text = label.getText();
            drawn = Drawn.text(label);
        }
        double width = ((javafx.scene.layout.Region) box).getWidth();
        double wants = box.prefWidth(-1);
        if (text != null && !text.equals(drawn)) {
            return name + " shows '" + drawn + "' of '" + text + "' (" + width + " px of " + wants + ")";
        }
        if (width < wants - 0.5) {
            return name + " is " + width + " px wide, its longest choice needs " + wants;
        }
        return null;
    }

    @Test
    void everyChoiceReadsWholeInBothLanguagesAtEachZoom(FxRobot robot) throws Exception {
        List<String> problems = new ArrayList<>();
        int seen = 0;
        for (Locale language : new Locale[] {Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE}) {
            for (int zoom : new int[] {100, 150, 200}) {
                for (String tab : TABS) {
                    WaitForAsyncUtils.asyncFx(() -> {
                        window.setLanguage(language);
                        window.setZoom(zoom);
                        window.selectTab(tab);
                    }).get();
                    WaitForAsyncUtils.waitForFxEvents();
                    List<String> found = UiWait.onFx(() -> {
                        List<String> p = new ArrayList<>();
                        for (Node box : choices(window.root())) {
                            String wrong = problem(box);
                            if (wrong != null) {
                                p.add(language + " " + zoom + " % " + tab + ": " + wrong);
                            }
                        }
                        p.add(0, Integer.toString(choices(window.root()).size()));
                        return p;
                    });
                    seen += Integer.parseInt(found.remove(0));
                    problems.addAll(found);
                }
            }
        }
        assertTrue(seen >= 2 * 3 * 8, "the tabs' drop-down choices were found: " + seen);
        for (Locale language : new Locale[] {Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE}) {
            for (int zoom : new int[] {100, 150, 200}) {
                problems.addAll(importNotes(robot, language, zoom));
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /**
     * What is wrong with the choices of a model file's notes ({@code #importNotes}), or with their zoom; closes them
     * ("Keep the assumptions").
     */
    private List<String> importNotes(FxRobot robot, Locale language, int zoom) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            window.setLanguage(language);
            window.setZoom(zoom);
            window.selectTab("debugger");
            window.debugger().viewModel().setupCommands().openModelFile(SAYS_LITTLE, WeightPreset.RANDOM_TORCH);
        }).get();
        UiWait.until("the model file's notes", () -> robot.lookup("#importNotes").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        Parent notes = robot.lookup("#importNotes").queryAs(Parent.class);
        String where = language + " " + zoom + " % model file's notes: ";
        List<String> found = UiWait.onFx(() -> {
            List<String> p = new ArrayList<>();
            double letters = ((Label) notes.lookup(".label")).getFont().getSize();
            if (Math.abs(letters - 13 * zoom / 100.0) > 0.5) {  // theme.css: 13 px at 100 %
                p.add(where + "the letters are " + letters + " px");
            }
            javafx.stage.Window dialog = notes.getScene().getWindow();
            double screen = javafx.stage.Screen.getPrimary().getVisualBounds().getHeight();
            if (dialog.getHeight() > screen) {  // its buttons below the screen's edge
                p.add(where + "the dialog is " + dialog.getHeight() + " px high on a screen of " + screen);
            }
            List<Node> boxes = choices(notes);
            if (boxes.size() != 3) {
                p.add(where + boxes.size() + " choices on show, not 3");
            }
            for (Node box : boxes) {
                String wrong = problem(box);
                if (wrong != null) {
                    p.add(where + wrong);
                }
            }
            DialogPane pane = (DialogPane) notes.getScene().getRoot();
            ButtonType keep = pane.getButtonTypes().stream()
                    .filter(t -> t.getButtonData() == ButtonBar.ButtonData.CANCEL_CLOSE).findFirst().orElseThrow();
            ((Button) pane.lookupButton(keep)).fire();
            return p;
        });
        UiWait.until("the notes closed", () -> robot.lookup("#importNotes").tryQuery().isEmpty());
        return found;
    }
}
