package org.lstmlab.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TabPane;
import org.junit.jupiter.api.Test;
import org.lstmlab.ui.learn.LearnViewModel;
import org.testfx.api.FxRobot;

/**
 * The checkup lesson's second step puts a failing run into the Train tab "for the student to press Start", at
 * 1024 × 768 with the lesson beside it. There the Train tab's form, run and code stand one under the other, and the
 * form alone is taller than the tab: Start was out of sight, under the form, and the tab opened at its top.
 */
class StartInViewUiTest extends MainWindowUiBase {
    @Override
    protected boolean newLessonProgress() {
        return true;
    }

    private static boolean inSight(Node node, ScrollPane pane) {
        Bounds n = node.localToScene(node.getLayoutBounds());
        Bounds p = pane.localToScene(pane.getLayoutBounds());
        return n.getHeight() > 0 && n.getMinY() >= p.getMinY() && n.getMaxY() <= p.getMaxY();
    }

    @Test
    void aLessonThatSetsUpTheTrainTabShowsItsStartButton(FxRobot robot) {
        LearnViewModel vm = window.learnView().viewModel();
        robot.interact(() -> vm.open("checkup"));
        UiWait.until("the lesson's first step", () -> vm.stepProperty().get() == 0 && !vm.busyProperty().get());
        robot.interact(vm::next);
        UiWait.until("the second step", () -> vm.stepProperty().get() == 1 && !vm.busyProperty().get());
        ScrollPane tab = (ScrollPane) window.trainingView().root();
        Node start = robot.lookup("#startButton").query();
        robot.interact(vm::showMe);
        TabPane tabs = robot.lookup(".tab-pane").queryAs(TabPane.class);
        UiWait.until("the Train tab on show", () -> "Train".equals(tabs.getSelectionModel().getSelectedItem()
                .getText()));
        settle(robot, 2);
        assertTrue(UiWait.onFx(() -> tab.getContent().getLayoutBounds().getHeight() > tab.getHeight()),
                "the tab scrolls: its columns stand one under the other");
        UiWait.until("Start in sight", () -> inSight(start, tab), () -> "Start at "
                + start.localToScene(start.getLayoutBounds()) + ", the tab at "
                + tab.localToScene(tab.getLayoutBounds()));
    }
}
