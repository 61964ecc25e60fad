package org.lstmlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmlab.engine.data.ClassRows;
import org.lstmlab.ui.training.TrainingViewModel;
import org.testfx.api.FxRobot;

/**
 * The Train tab's horizon on a CSV file, at 1024 × 768: a spinner while the target is a value to forecast; for a
 * target of classes, which names each window by its own last row, the row says the horizon does not apply
 * ("none for classes") and its tooltip, on the words and on the Horizon label, says why.
 */
class HorizonForClassesUiTest extends MainWindowUiBase {
    @TempDir Path dir;

    private static boolean shown(Node n) {
        return n.isVisible() && n.isManaged();
    }

    @Test
    void aClassTargetSaysItHasNoHorizonAndWhy(FxRobot robot) throws Exception {
        Path csv = dir.resolve("door.csv");
        Files.writeString(csv, ClassRows.door(120));
        TrainingViewModel train = window.trainingView().viewModel();
        robot.interact(() -> {
            window.selectTab("train");
            train.chooseDataFile(csv);
        });
        UiWait.until("the file read", () -> train.form().taskProperty().get().name().equals("csv"));
        Node spinner = robot.lookup("#horizonSpinner").query();
        Label note = robot.lookup("#horizonNote").queryAs(Label.class);
        assertTrue(UiWait.onFx(() -> shown(spinner) && !shown(note)), "a column of numbers is forecast: a horizon");
        CheckBox classes = robot.lookup("#classesBox").queryAs(CheckBox.class);
        robot.interact(classes::fire);   // "Its numbers are classes" ticked
        UiWait.until("the horizon put away", () -> !shown(spinner) && shown(note));
        assertEquals("none for classes", note.getText());
        assertNotNull(note.getTooltip(), "why, on hovering");
        assertTrue(note.getTooltip().getText().startsWith("A class target has no horizon"),
                note.getTooltip().getText());
        Label horizon = robot.lookup("#horizonLabel").queryAs(Label.class);   // the Train tab's (Compare has one too)
        assertEquals("Horizon (rows)", horizon.getText());
        assertTrue(UiWait.onFx(() -> shown(horizon)), "the row keeps its label");
        assertEquals(note.getTooltip(), horizon.getTooltip(), "the label says why too");
        robot.interact(classes::fire);
        UiWait.until("the horizon back", () -> shown(spinner) && !shown(note));
        assertFalse(UiWait.onFx(() -> horizon.getTooltip() != null), "a forecast's horizon needs no excuse");
    }
}
