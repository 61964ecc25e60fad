package org.lstmlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;
import org.junit.jupiter.api.Test;
import org.lstmlab.engine.tasks.Task;
import org.lstmlab.engine.tasks.Tasks;
import org.testfx.api.FxRobot;

/**
 * The Train tab at 1024 × 768 draws every label whole, for every task, in both languages: before, the character
 * model's head in Chinese read "全连接层（58 个输出，softm…", and beside its sampled text the heading read
 * "训练过程中采样生…" and the temperature's name only "…" (the slider beside them took their room). A label that
 * wraps breaks between words, not inside one: before, the head and loss beside its label read
 * "sparse_categorical_crossent" over "ropy".
 */
class TrainTabLabelsWholeUiTest extends MainWindowUiBase {
    @Test
    void noLabelIsCutShort(FxRobot robot) {
        List<String> cut = new ArrayList<>();
        List<String> broken = new ArrayList<>();
        for (Locale language : new Locale[] {Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE}) {
            robot.interact(() -> {
                window.setLanguage(language);
                window.selectTab("train");
            });
            for (Task t : Tasks.all()) {
                robot.interact(() -> window.trainingView().viewModel().chooseTask(t));
                settle(robot, 2);
                robot.interact(() -> {
                    for (Node n : window.root().lookupAll(".training-view .label")) {
                        if (n instanceof Labeled l && n.isVisible() && visibleUp(n) && l.getText() != null
                                && !l.getText().isEmpty() && !Drawn.text(l).equals(l.getText())) {
                            cut.add(language + ", " + t.name() + ": «" + Drawn.text(l) + "» of «" + l.getText() + "»");
                        }
                        if (n instanceof Labeled l && n.isVisible() && visibleUp(n) && l.isWrapText()
                                && l.lookup(".text") instanceof Text drawn && drawn.getWrappingWidth() > 0) {
                            widerThan(drawn).forEach(w -> broken.add(language + ", " + t.name() + ": «" + w + "»"));
                        }
                    }
                });
            }
        }
        assertEquals(List.of(), cut);
        assertEquals(List.of(), broken, "words broken across lines");
    }

    /** The words of {@code drawn}'s text (runs without spaces, CJK or hyphens) wider than the text wraps at. */
    private static List<String> widerThan(Text drawn) {
        List<String> out = new ArrayList<>();
        for (String word : drawn.getText().split("[\\s\\p{IsHan}\\p{InCJKSymbolsAndPunctuation}"
                + "\\p{InHalfwidthAndFullwidthForms}-]+")) {
            Text alone = new Text(word);
            alone.setFont(drawn.getFont());
            if (alone.getLayoutBounds().getWidth() > drawn.getWrappingWidth() + 0.5) {
                out.add(word);
            }
        }
        return out;
    }

    /**
     * The fields of a CSV file's input columns and target column are empty until the user names columns: their
     * prompts say what empty means (before, a student saw two blank fields after opening a file).
     */
    @Test
    void theCsvColumnFieldsSayWhatEmptyMeans(FxRobot robot) {
        robot.interact(() -> window.setLanguage(Locale.SIMPLIFIED_CHINESE));
        assertEquals(List.of("所有数值列", "最后一个输入列"), UiWait.onFx(() -> List.of(
                ((javafx.scene.control.TextField) window.root().lookup("#columnsField")).getPromptText(),
                ((javafx.scene.control.TextField) window.root().lookup("#targetField")).getPromptText())));
    }

    /** Whether every parent of {@code n} is shown (a hidden box's labels are not drawn, cut or not). */
    private static boolean visibleUp(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }
}
