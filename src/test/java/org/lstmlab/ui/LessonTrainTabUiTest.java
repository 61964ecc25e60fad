package org.lstmlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.PathElement;
import javafx.scene.text.Text;
import org.junit.jupiter.api.Test;
import org.lstmlab.engine.tasks.Task;
import org.lstmlab.ui.learn.LearnViewModel;
import org.testfx.api.FxRobot;

/**
 * A lesson's "Show me" that puts a run into the Train tab, at 1024 × 768 with the lesson beside it, where the Train
 * tab's form, run and code stand one under the other. The tab opens at its top, on the task and settings the lesson
 * just filled in, even when it was left scrolled down (it used to open scrolled down to Start, with nothing in sight
 * to say what had been set). The last step of "Forecast or echo?" fits the lesson dock, text and exercise, in
 * English and in Chinese, without scrolling.
 */
class LessonTrainTabUiTest extends MainWindowUiBase {
    @Override
    protected boolean newLessonProgress() {
        return true;
    }

    private static boolean inSight(Node node, ScrollPane pane) {
        Bounds n = node.localToScene(node.getLayoutBounds());
        Bounds p = pane.localToScene(pane.getLayoutBounds());
        return n.getHeight() > 0 && n.getMinY() >= p.getMinY() && n.getMaxY() <= p.getMaxY();
    }

    /** Opens {@code lesson} and goes on to its step {@code step} (from 0), each step's work done. */
    private static LearnViewModel goTo(FxRobot robot, MainWindow window, String lesson, int step) {
        LearnViewModel vm = window.learnView().viewModel();
        robot.interact(() -> vm.open(lesson));
        UiWait.until("the lesson's first step", () -> vm.stepProperty().get() == 0 && !vm.busyProperty().get());
        for (int s = 1; s <= step; s++) {
            robot.interact(vm::next);
            int at = s;
            UiWait.until("step " + s, () -> vm.stepProperty().get() == at && !vm.busyProperty().get());
        }
        return vm;
    }

    /** Shows the step's "Show me" and waits for the Train tab, left scrolled down before. */
    private ScrollPane showMeInTheTrainTab(FxRobot robot, LearnViewModel vm) {
        return showMeInTheTrainTab(robot, vm, true);
    }

    /** The same, the tab left scrolled to its bottom (where a student who read the charts left it) or its top. */
    private ScrollPane showMeInTheTrainTab(FxRobot robot, LearnViewModel vm, boolean leftAtTheBottom) {
        ScrollPane tab = (ScrollPane) window.trainingView().root();
        robot.interact(() -> {
            window.selectTab("train");
            tab.setVvalue(leftAtTheBottom ? tab.getVmax() : tab.getVmin());
        });
        robot.interact(() -> window.selectTab("debugger"));
        robot.interact(vm::showMe);
        TabPane tabs = robot.lookup(".tab-pane").queryAs(TabPane.class);
        UiWait.until("the Train tab on show", () -> tabs.getSelectionModel().getSelectedItem().getContent()
                == tab);
        settle(robot, 2);
        assertTrue(UiWait.onFx(() -> tab.getContent().getLayoutBounds().getHeight() > tab.getHeight()),
                "the tab scrolls: its columns stand one under the other");
        return tab;
    }

    @Test
    void theCheckupLessonsRunOpensTheTrainTabAtItsTop(FxRobot robot) {
        LearnViewModel vm = goTo(robot, window, "checkup", 1);
        ScrollPane tab = showMeInTheTrainTab(robot, vm);
        ComboBox<?> task = robot.lookup("#taskBox").queryAs(ComboBox.class);
        UiWait.until("the task in sight, at the top", () -> tab.getVvalue() == tab.getVmin() && inSight(task, tab),
                () -> "the tab scrolled to " + tab.getVvalue() + ", the task at "
                        + task.localToScene(task.getLayoutBounds()));
    }

    /** Whether the line of the code box {@code area} that starts with {@code start} is wholly in sight in it. */
    private static boolean lineInSight(TextArea area, String start) {
        Bounds box = box(area);
        return lineBounds(area, start).stream()
                .anyMatch(b -> b.getMinY() >= box.getMinY() - 0.5 && b.getMaxY() <= box.getMaxY() + 0.5);
    }

    /** What the code box shows of its text, in the scene. */
    private static Bounds box(TextArea area) {
        Node viewport = area.lookup(".scroll-pane").lookup(".viewport");
        return viewport.localToScene(viewport.getLayoutBounds());
    }

    /** Where the lines that start with {@code start} are drawn, in the scene (the text's own shape of them). */
    private static List<Bounds> lineBounds(TextArea area, String start) {
        List<Text> texts = new ArrayList<>();
        texts(area, texts);
        List<Bounds> found = new ArrayList<>();
        for (Text t : texts) {
            String s = t.getText();
            int at = s.startsWith(start) ? 0 : s.indexOf("\n" + start) + 1;
            if (at == 0 && !s.startsWith(start) || !t.isVisible()) {
                continue;
            }
            int end = s.indexOf('\n', at);
            double top = Double.MAX_VALUE;
            double bottom = -Double.MAX_VALUE;
            for (PathElement e : t.rangeShape(at, end < 0 ? s.length() : end)) {
                double y = e instanceof MoveTo m ? m.getY() : e instanceof LineTo l ? l.getY() : Double.NaN;
                if (!Double.isNaN(y)) {
                    top = Math.min(top, y);
                    bottom = Math.max(bottom, y);
                }
            }
            if (top < bottom) {
                found.add(t.localToScene(new BoundingBox(0, top, 1, bottom - top)));
            }
        }
        return found;
    }

    private static String where(TextArea area, String... lines) {
        StringBuilder b = new StringBuilder("the box at " + box(area));
        for (String line : lines) {
            b.append(", ").append(line).append(" at ").append(lineBounds(area, line));
        }
        return b.toString();
    }

    private static void texts(Node node, List<Text> into) {
        if (node instanceof Text t) {
            into.add(t);
        } else if (node instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> texts(c, into));
        }
    }

    /**
     * seed-keras-model's step on the tutorial's {@code x_train} says {@code show: code}: "Show me" brings the Train
     * tab's equivalent Keras code into view, at the very bottom of the tab beside the lesson at 1024 × 768, and
     * inside the code box (a dozen lines high) the {@code model.fit} line and the comment above it, which the step
     * talks about: the box used to stay at its top, on the imports, 13 lines above them. The PyTorch box is scrolled
     * to its training loop.
     */
    @Test
    void seedKerasModelsShowCodeScrollsTheTrainTabToItsCode(FxRobot robot) {
        showsModelFit(robot, "x_train: (samples, 10, 1)");
    }

    /** The same in Chinese, where the comment says it in Chinese. */
    @Test
    void seedKerasModelsShowCodeScrollsToModelFitInChinese(FxRobot robot) {
        robot.interact(() -> window.setLanguage(Locale.SIMPLIFIED_CHINESE));
        showsModelFit(robot, "x_train: (样本数, 10, 1)");
    }

    private void showsModelFit(FxRobot robot, String comment) {
        LearnViewModel vm = goTo(robot, window, "seed-keras-model", 2);
        ScrollPane tab = showMeInTheTrainTab(robot, vm, false);
        TextArea code = robot.lookup("#kerasArea").queryAs(TextArea.class);
        UiWait.until("the Keras code in sight", () -> tab.getVvalue() > tab.getVmin() && inSight(code, tab),
                () -> "the tab scrolled to " + tab.getVvalue() + ", the code at "
                        + code.localToScene(code.getLayoutBounds()));
        assertTrue(UiWait.onFx(() -> code.getText().contains("# " + comment)), code.getText());
        UiWait.until("model.fit and the comment above it in sight in the code box",
                () -> lineInSight(code, "model.fit(") && lineInSight(code, "# " + comment),
                () -> "the code box scrolled to " + code.getScrollTop() + " px, "
                        + where(code, "model.fit(", "# " + comment));
        assertTrue(UiWait.onFx(() -> !lineInSight(code, "import keras")), "the box is scrolled down");
        TabPane codeTabs = UiWait.onFx(() -> {
            Parent p = code.getParent();
            while (!(p instanceof TabPane)) {
                p = p.getParent();
            }
            return (TabPane) p;
        });
        robot.interact(() -> codeTabs.getSelectionModel().select(1));
        TextArea torch = robot.lookup("#torchArea").queryAs(TextArea.class);
        UiWait.until("the PyTorch training loop in sight in its box", () -> lineInSight(torch, "for epoch in range("),
                () -> "the box scrolled to " + torch.getScrollTop() + " px, " + where(torch, "for epoch in range("));
        ComboBox<?> task = robot.lookup("#taskBox").queryAs(ComboBox.class);
        assertEquals("keras-example", UiWait.onFx(() -> ((Task) task.getValue()).name()));
    }

    @Test
    void theLastStepOfForecastOrEchoFitsTheDockAndShowsTheRandomWalkAtTheTop(FxRobot robot) {
        LearnViewModel vm = goTo(robot, window, "forecast-or-echo", 3);
        double over = settledDockOverflow(robot);
        assertTrue(over <= 0, "the step is " + over + " px taller than the dock");
        ScrollPane tab = showMeInTheTrainTab(robot, vm);
        ComboBox<?> task = robot.lookup("#taskBox").queryAs(ComboBox.class);
        UiWait.until("the task in sight, at the top", () -> tab.getVvalue() == tab.getVmin() && inSight(task, tab));
        assertEquals("random-walk", UiWait.onFx(() -> ((Task) task.getValue()).name()));
        robot.interact(() -> window.setLanguage(Locale.SIMPLIFIED_CHINESE));
        LearnViewModel chinese = window.learnView().viewModel();   // the views are built anew in Chinese
        UiWait.until("the step in Chinese", () -> !chinese.busyProperty().get()
                && chinese.stepProperty().get() == 3 && chinese.textProperty().get().contains("随机游走"));
        double zh = settledDockOverflow(robot);
        assertTrue(zh <= 0, "in Chinese the step is " + zh + " px taller than the dock");
    }
}
