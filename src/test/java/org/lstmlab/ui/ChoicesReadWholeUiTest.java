package org.lstmlab.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.skin.ComboBoxBaseSkin;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every drop-down choice a teacher sees at 1024 × 768 (the Debugger's set-up, the Train tab's form and loss axis,
 * the Compare tab's task), in English and in Chinese, at 100 %, 150 % and 200 %: its chosen value reads whole, and
 * the box is as wide as its longest choice, so that any other choice would read whole too. Before, at 100 % the
 * Train tab showed "float64 (exact, a…" and "automatic (logarithmic when th…", the debugger "Random (PyTorch i…".
 */
class ChoicesReadWholeUiTest extends MainWindowUiBase {
    private static final String[] TABS = {"debugger", "train", "compare"};

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
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }
}
