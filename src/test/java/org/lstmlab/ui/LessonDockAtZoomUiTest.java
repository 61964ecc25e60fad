package org.lstmlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import org.junit.jupiter.api.Test;
import org.lstmlab.ui.learn.LearnViewModel;
import org.testfx.api.FxRobot;

/**
 * A lesson docked beside the debugger at 1024 × 768, zoomed to 150 % and 200 %, in presenter mode or not, in English
 * and in Chinese: its title, Close, its text and its Back / Show me / Next buttons end inside the window (and, under
 * its sources, "Back to step N" and "Copy all", side by side). Before, at 150 % the lesson's column (38 % of 683
 * layout pixels) was narrower than the lesson's least width, and the lesson was laid out past the window's right
 * edge: "关闭课程" and "下一步 →" were cut, and every line of the text lost its last characters.
 */
class LessonDockAtZoomUiTest extends MainWindowUiBase {
    @Override
    protected boolean newLessonProgress() {
        return true;
    }

    @Test
    void theDockedLessonEndsInsideTheWindow(FxRobot robot) {
        List<String> problems = new ArrayList<>();
        for (Locale language : new Locale[] {Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE}) {
            robot.interact(() -> window.setLanguage(language));
            LearnViewModel vm = window.learnView().viewModel();
            if (UiWait.onFx(() -> vm.lessonProperty().get() == null)) {
                robot.interact(() -> vm.open("one-step-by-hand"));
            }
            UiWait.until("the lesson", () -> vm.lessonProperty().get() != null && !vm.busyProperty().get()
                    && robot.lookup("#closeLesson").tryQuery().isPresent());
            problems.addAll(atEachZoomAndMode(robot, language, new int[] {150, 200}, where -> {
                double right = window.root().getScene().getWidth();
                List<String> p = new ArrayList<>();
                for (String q : List.of("#lessonTitle", "#closeLesson", "#lessonSources", "#lessonProse",
                        "#lessonNext", "#lessonSourcesBack", "#lessonSourcesCopy")) {   // the sources: laid out too
                    Node n = robot.lookup(q).query();
                    Bounds b = n.localToScene(n.getLayoutBounds());
                    if (b.getMaxX() > right + 0.5) {
                        p.add(where + ": " + q + " ends at " + Math.round(b.getMaxX()) + ", the window at "
                                + Math.round(right));
                    }
                }
                return p;
            }));
            robot.interact(() -> {
                window.setPresenting(false);
                window.setZoom(100);
            });
        }
        assertEquals(List.of(), problems);
    }
}
