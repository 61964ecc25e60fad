package org.lstmlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * Presenter mode enlarges a docked lesson with the equations: at 1024 × 768 its text, 13.7 px on the screen before,
 * is drawn at least 18 px high, as large as the lesson's narrowest layout still fits its column (nothing is cut
 * off), and back at its size when the teacher leaves; in Chinese too. (Before, the lesson kept its 13.7 px beside
 * 24 px equations, too small for the back of a lecture hall.)
 */
class PresenterLessonUiTest extends MainWindowUiBase {
    /** The height on the screen of a line of the lesson's prose: its first text's font, as the scene draws it. */
    private static double proseLine(FxRobot robot) {
        return UiWait.onFx(() -> {
            Text t = firstText(robot.lookup("#lessonProse").query());
            double size = t.getFont().getSize();
            return t.localToScene(0, size).getY() - t.localToScene(0, 0).getY();
        });
    }

    private static Text firstText(Node n) {
        if (n instanceof Text t && !t.getText().isBlank()) {
            return t;
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                Text t = firstText(c);
                if (t != null) {
                    return t;
                }
            }
        }
        return null;
    }

    /** The lesson's layout is at least its minimum width, so that no button or line runs past the pane's edge. */
    private static boolean fits(FxRobot robot) {
        return UiWait.onFx(() -> {
            Region zoom = robot.lookup("#lessonZoom").queryAs(Region.class);
            Region lesson = (Region) zoom.getChildrenUnmodifiable().get(0);
            return lesson.getWidth() >= lesson.minWidth(-1) - 0.5
                    && lesson.localToScene(lesson.getLayoutBounds()).getMaxX()
                    <= zoom.localToScene(zoom.getLayoutBounds()).getMaxX() + 0.5;
        });
    }

    private void present(FxRobot robot, boolean on) {
        robot.interact(() -> window.setPresenting(on));
        UiWait.until("presenter mode " + on, () -> window.isPresenting() == on);
        settle(robot, 3);
    }

    @Test
    void presenterModeEnlargesTheDockedLessonAndLeavingGivesItsSizeBack(FxRobot robot) {
        UiWait.until("the first trace", () -> window.debugger().viewModel().trace() != null);
        FirstLesson.showMe(robot, window);
        settle(robot, 3);
        double before = proseLine(robot);
        present(robot, true);
        double presenting = proseLine(robot);
        assertTrue(fits(robot), "the lesson is laid out no narrower than it can be: nothing is cut off");
        assertTrue(presenting / before >= 1.3, before + " px, then " + presenting + " px");
        assertTrue(presenting >= 18, presenting + " px");
        present(robot, false);
        assertEquals(before, proseLine(robot), 0.01, "left presenter mode: the lesson's own size");

        present(robot, true);
        robot.interact(() -> window.setLanguage(Locale.SIMPLIFIED_CHINESE));
        UiWait.until("Chinese, the lesson docked again in presenter mode", () -> window.isPresenting()
                && window.learnView().viewModel().lessonProperty().get() != null);
        settle(robot, 3);
        assertTrue(proseLine(robot) >= 18, "Chinese: " + proseLine(robot) + " px");
        assertTrue(fits(robot), "Chinese: nothing cut off");
    }
}
