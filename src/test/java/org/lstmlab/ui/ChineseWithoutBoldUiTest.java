package org.lstmlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lstmlab.ui.common.Fonts;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Chinese on a machine whose only Chinese face has no bold one (WenQuanYi Micro Hei alone, as on a Debian with
 * fonts-wqy-microhei and not fonts-noto-cjk): the main window's root, the root of its scene, takes
 * {@link Fonts#NO_BOLD}, and the style sheets' rule under it reaches the debugger's heading (coloured, since its bold
 * is drawn regular); in English it does not, nor in Chinese when a face with a bold one is there, and a language
 * switch adds and removes it. The fonts are assumed ({@link Fonts#assumeInstalled}), not this machine's: the test
 * reads the same wherever it runs. {@code FontsTest} checks the choice itself.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class ChineseWithoutBoldUiTest {
    /** The heading's colour where bold is missing (debugger.css, under {@code .chinese-without-bold}). */
    private static final Color MARKED = Color.web("#1a3d7c");
    private static final List<String> WEN_QUAN_YI = List.of("DejaVu Sans", "WenQuanYi Micro Hei");
    private static final Predicate<String> NO_FACE_BOLD = f -> false;

    private MainWindow window;

    @Start
    void start(Stage stage) {
        // each test opens its window after assuming its fonts
    }

    @AfterEach
    void stop() throws Exception {
        if (window != null) {
            TestWindows.close(window);
        }
        Fonts.assumeInstalled(null, null);
    }

    private Parent open(Locale language, List<String> families, Predicate<String> hasBold) throws Exception {
        Fonts.assumeInstalled(families, hasBold);
        FxToolkit.setupStage(stage -> window = TestWindows.show(stage, language, 1024, 768));
        WaitForAsyncUtils.waitForFxEvents();
        return WaitForAsyncUtils.asyncFx(() -> window.root().getScene().getRoot()).get();
    }

    /** The debugger's heading (the step's position), once the first trace has named the step. */
    private static Label heading(FxRobot robot) {
        UiWait.until("the debugger's heading", () -> !robot.lookup(".debugger .position-label").queryAll().isEmpty()
                && !robot.lookup(".debugger .position-label").queryAs(Label.class).getText().isEmpty());
        return robot.lookup(".debugger .position-label").queryAs(Label.class);
    }

    private static Color fill(Label label) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            label.applyCss();
            return (Color) label.getTextFill();
        }).get();
    }

    @Test
    void chineseWithoutABoldFaceMarksTheWindowAndItsHeadings(FxRobot robot) throws Exception {
        Parent root = open(Locale.SIMPLIFIED_CHINESE, WEN_QUAN_YI, NO_FACE_BOLD);
        assertTrue(root.getStyleClass().contains(Fonts.NO_BOLD), "the scene's root: " + root.getStyleClass());
        assertTrue(root.getStyle().contains("WenQuanYi Micro Hei"), root.getStyle());
        assertEquals(MARKED, fill(heading(robot)), "the heading coloured: its bold is drawn regular");

        WaitForAsyncUtils.asyncFx(() -> window.setLanguage(Locale.ENGLISH)).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(root.getStyleClass().contains(Fonts.NO_BOLD), "English is bold: " + root.getStyleClass());
        assertNotEquals(MARKED, fill(heading(robot)));

        WaitForAsyncUtils.asyncFx(() -> window.setLanguage(Locale.SIMPLIFIED_CHINESE)).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(root.getStyleClass().contains(Fonts.NO_BOLD), "Chinese again: " + root.getStyleClass());
        assertEquals(MARKED, fill(heading(robot)));
    }

    @Test
    void englishWithTheSameFontsIsNotMarked(FxRobot robot) throws Exception {
        Parent root = open(Locale.ENGLISH, WEN_QUAN_YI, NO_FACE_BOLD);
        assertFalse(root.getStyleClass().contains(Fonts.NO_BOLD), root.getStyleClass().toString());
        assertEquals("", root.getStyle(), "English keeps the system font");
        assertNotEquals(MARKED, fill(heading(robot)));
    }

    /** Debian's fonts-noto-cjk beside WenQuanYi: Noto Sans CJK SC has a bold face, so Chinese is bold in it. */
    @Test
    void chineseWithABoldFaceIsNotMarked(FxRobot robot) throws Exception {
        List<String> both = List.of("DejaVu Sans", "WenQuanYi Micro Hei", "Noto Sans CJK SC");
        Parent root = open(Locale.SIMPLIFIED_CHINESE, both, "Noto Sans CJK SC"::equals);
        assertFalse(root.getStyleClass().contains(Fonts.NO_BOLD), root.getStyleClass().toString());
        assertTrue(root.getStyle().contains("Noto Sans CJK SC"), root.getStyle());
        assertNotEquals(MARKED, fill(heading(robot)));
    }
}
