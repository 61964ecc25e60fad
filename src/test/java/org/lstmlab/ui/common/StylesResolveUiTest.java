package org.lstmlab.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.paint.Paint;
import javafx.scene.shape.Rectangle;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lstmlab.ui.UiWait;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Each tab's stylesheet resolves the palette's looked-up colours on its own, in a scene without theme.css: no
 * "Could not resolve '-lab-gate-forget'" warnings, and the colours drawn are the palette's.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class StylesResolveUiTest {
    private final List<String> warnings = new ArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord r) {
            if (r.getLevel().intValue() >= Level.WARNING.intValue()) {
                synchronized (warnings) {
                    warnings.add(String.valueOf(r.getMessage()));
                }
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private final List<Runnable> shutdowns = new ArrayList<>();
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Logger.getLogger("javafx.css").addHandler(handler);
    }

    @AfterEach
    void stop(FxRobot robot) {
        Logger.getLogger("javafx.css").removeHandler(handler);
        robot.interact(() -> shutdowns.forEach(Runnable::run));
    }

    private Parent show(FxRobot robot, String fxml) {
        List<Parent> root = new ArrayList<>();
        robot.interact(() -> {
            FXMLLoader loader = new FXMLLoader(Resources.url(fxml), I18n.bundle(Locale.ENGLISH));
            try {
                root.add(loader.load());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            Object controller = loader.getController();
            shutdowns.add(() -> {
                try {
                    controller.getClass().getMethod("shutdown").invoke(controller);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            });
            stage.setScene(new Scene(root.get(0), 1200, 800));  // no theme.css: the tab must stand alone
            stage.show();
            root.get(0).applyCss();
            root.get(0).layout();
        });
        return root.get(0);
    }

    private static Paint probe(FxRobot robot, Parent root, String colour) {
        List<Paint> out = new ArrayList<>();
        robot.interact(() -> {
            Region r = new Region();
            r.setStyle("-fx-background-color: " + colour + ";");
            // a tab that scrolls (Compare) has the palette on its scroll pane: the probe goes into what it shows
            Pane host = root instanceof javafx.scene.control.ScrollPane s ? (Pane) s.getContent() : (Pane) root;
            host.getChildren().add(r);
            r.applyCss();
            out.add(r.getBackground().getFills().get(0).getFill());
            host.getChildren().remove(r);
        });
        return out.get(0);
    }

    @Test
    void theDebuggerResolvesItsColours(FxRobot robot) throws Exception {
        Parent root = show(robot, "debugger/DebuggerView.fxml");
        assertEquals(Palette.of(Palette.Role.FORGET), probe(robot, root, "-lab-gate-forget"));
        UiWait.until("the forget gate's level bar", () -> robot.from(root).lookup("#node-f .gate-level")
                .tryQuery().isPresent());
        Rectangle level = robot.from(root).lookup("#node-f .gate-level").queryAs(Rectangle.class);
        assertEquals(Palette.of(Palette.Role.FORGET), level.getFill());
        Label error = robot.from(root).lookup(".field-error").queryAs(Label.class);
        assertEquals(Palette.of(Palette.Role.EMPHASIS), error.getTextFill());
        assertEquals(List.of(), warnings);
    }

    @Test
    void theTrainTabResolvesItsColours(FxRobot robot) throws Exception {
        Parent root = show(robot, "training/TrainingView.fxml");
        Label message = robot.from(root).lookup("#messageLabel").queryAs(Label.class);
        // news ("Saved the model") is not red; a problem is
        assertTrue(!Palette.of(Palette.Role.FORGET).equals(message.getTextFill()), "news is not red");
        WaitForAsyncUtils.asyncFx(() -> {
            message.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("error"), true);
            root.applyCss();
        }).get();
        assertEquals(Palette.of(Palette.Role.FORGET), message.getTextFill());
        assertEquals(List.of(), warnings);
    }

    @Test
    void theCompareTabResolvesItsColours(FxRobot robot) {
        Parent root = show(robot, "compare/CompareView.fxml");
        assertEquals(Palette.of(Palette.Role.UPDATE), probe(robot, root, "-lab-gate-update"));
        assertEquals(List.of(), warnings);
    }
}
