package org.lstmlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lstmlab.ui.common.Settings;
import org.lstmlab.ui.debugger.Cursor;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** View ▸ Language switches every label at once, keeps what the tabs were doing, and is remembered. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class LanguageSwitchUiTest {
    private MainWindow window;
    private final Settings settings = Settings.inMemory();

    @Start
    void start(Stage stage) {
        window = MainWindow.create(Locale.ENGLISH, settings);
        stage.setScene(new Scene(window.root(), 1280, 800));
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        TestWindows.close(window);
    }

    private List<String> tabs(FxRobot robot) {
        return robot.lookup("#mainTabs").queryAs(TabPane.class).getTabs().stream().map(t -> t.getText()).toList();
    }

    private String position(FxRobot robot) {
        return robot.from(robot.lookup(".debugger")).lookup(".position-label").queryAs(Label.class).getText();
    }

    @Test
    void switchingToChineseAndBackRelabelsEverythingAndKeepsTheWork(FxRobot robot) throws Exception {
        UiWait.until("the debugger's first trace", () -> window.debugger().viewModel().trace() != null);
        assertEquals(List.of("Debugger", "Train", "Compare", "Learn"), tabs(robot));
        robot.push(KeyCode.F11);
        robot.push(KeyCode.F11);
        UiWait.until("the cursor on the candidate", () -> position(robot).contains("candidate"));
        Cursor before = window.debugger().viewModel().cursor();
        WaitForAsyncUtils.asyncFx(() -> window.trainingView().viewModel().form().unitsProperty().set(77)).get();

        robot.clickOn("View").clickOn("Language").clickOn("中文（简体）");
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(List.of("调试器", "训练", "对比", "学习"), tabs(robot));
        assertEquals(Locale.SIMPLIFIED_CHINESE, window.language());
        assertEquals(Locale.SIMPLIFIED_CHINESE, settings.startLanguage(null, Locale.US), "remembered");
        List<String> menus = robot.lookup(".menu-bar").queryAs(MenuBar.class).getMenus().stream()
                .map(m -> m.getText()).toList();
        assertEquals(List.of("文件(_F)", "视图(_V)", "调试(_D)", "帮助(_H)"), menus);
        assertTrue(position(robot).contains("候选记忆元"), position(robot));
        assertEquals(before, window.debugger().viewModel().cursor(), "the debugger stays where it was");
        assertEquals(77, window.trainingView().viewModel().form().unitsProperty().get(), "the Train form is kept");
        robot.clickOn("训练");
        assertEquals("开始", robot.lookup("#startButton").queryAs(Button.class).getText());
        assertTrue(robot.lookup("#statusMessage").queryAs(Label.class).getText().contains("中文"));
        Label kernels = robot.lookup("#statusKernels").queryAs(Label.class);
        assertTrue(kernels.getText().contains("运算"), kernels.getText());
        assertTrue(kernels.getTooltip().getText().startsWith("计算内核")
                && !org.lstmlab.ui.training.EnglishText.hasSentence(kernels.getTooltip().getText()));

        robot.clickOn("调试器");
        robot.push(KeyCode.F11);  // the debugger's keys still work after the rebuild
        UiWait.until("the cursor on the output gate, in Chinese", () -> position(robot).contains("输出门"));

        robot.clickOn("视图(V)").clickOn("语言 / Language(L)").clickOn("English");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("Debugger", "Train", "Compare", "Learn"), tabs(robot));
        assertTrue(position(robot).contains("output gate"), position(robot));
    }

    private String text(FxRobot robot, String query) {
        return robot.from(robot.lookup(".debugger")).lookup(query).queryAs(Label.class).getText();
    }

    @Test
    void theDebuggersSpeedAndStatusLineAreRewrittenInTheNewLanguage(FxRobot robot) throws Exception {
        var debug = window.debugger().viewModel();
        UiWait.until("the debugger's first trace", () -> debug.trace() != null && !debug.busyProperty().get());
        WaitForAsyncUtils.asyncFx(() -> {
            debug.moves().addBreakpoint("f[0] < 0.2");
            debug.stepper().continueRun();
        }).get();
        UiWait.until("the breakpoint to hold", () -> text(robot, "#debugger-status").startsWith("Breakpoint 1 holds"));
        assertEquals("at once", text(robot, ".speed-label"));

        WaitForAsyncUtils.asyncFx(() -> window.setLanguage(Locale.SIMPLIFIED_CHINESE)).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("立即跳到", text(robot, ".speed-label"), "the speed next to the slider");
        String status = text(robot, "#debugger-status");
        assertEquals("断点 1 成立：f[0] < 0.2（t = 15，第 0 层，遗忘门）", status, "the status line under the toolbar");

        WaitForAsyncUtils.asyncFx(() -> window.setLanguage(Locale.ENGLISH)).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("at once", text(robot, ".speed-label"));
        assertEquals("Breakpoint 1 holds: f[0] < 0.2  (t = 15, layer 0, forget gate)", text(robot, "#debugger-status"));
    }

    @Test
    void theMessagesNextToBadFieldsAreRewrittenInTheNewLanguage(FxRobot robot) throws Exception {
        var debug = window.debugger().viewModel();
        UiWait.until("the debugger's first trace", () -> debug.trace() != null && !debug.busyProperty().get());
        WaitForAsyncUtils.asyncFx(() -> {
            debug.setupCommands().setField(org.lstmlab.ui.debugger.SetupForm.STEPS, "0");
            debug.moves().addBreakpoint("f[0] <");
            debug.addWatch("nope(c)");
            debug.moves().jumpTo("abc");
            debug.moves().followUnit("99");
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Must be between 1 and 5,000", text(robot, "#stepsError"));
        assertEquals("The expression ends too early", text(robot, "#breakpointError"));
        assertEquals("Unknown function \"nope\"", text(robot, "#watchError"));
        assertEquals("\"abc\" is not a whole number", text(robot, "#jumpError"));
        assertEquals("Must be between 0 and 3", text(robot, "#unitError"));

        WaitForAsyncUtils.asyncFx(() -> window.setLanguage(Locale.SIMPLIFIED_CHINESE)).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("必须在 1 到 5,000 之间", text(robot, "#stepsError"));
        assertEquals("表达式提前结束了", text(robot, "#breakpointError"));
        assertEquals("未知函数“nope”", text(robot, "#watchError"));
        assertEquals("“abc”不是整数", text(robot, "#jumpError"));
        assertEquals("必须在 0 到 3 之间", text(robot, "#unitError"));
    }

    @Test
    void theWeightEditorsAndTheInputTablesMessagesAreRewrittenInTheNewLanguage() throws Exception {
        var debug = window.debugger().viewModel();
        UiWait.until("the debugger's first trace", () -> debug.trace() != null && !debug.busyProperty().get());
        var editor = debug.weightEditor();
        WaitForAsyncUtils.asyncFx(() -> {
            editor.pick("W_if", 0, 0, 0, 0.5);
            editor.rowProperty().set("99");
            editor.apply();
            debug.editInput(0, 0, "abc");
        }).get();
        String weight = UiWait.onFx(() -> editor.errorProperty().get());
        assertTrue(weight.startsWith("W_if has rows 0 to "), weight);
        assertEquals("\"abc\" is not a number (NaN and infinity are not allowed either)",
                UiWait.onFx(() -> debug.inputErrorProperty().get()));

        WaitForAsyncUtils.asyncFx(() -> window.setLanguage(Locale.SIMPLIFIED_CHINESE)).get();
        WaitForAsyncUtils.waitForFxEvents();
        String zh = UiWait.onFx(() -> editor.errorProperty().get());
        assertTrue(zh.startsWith("W_if 的行号为 0 到 "), zh);
        assertEquals("“abc”不是数（也不允许 NaN 和无穷大）", UiWait.onFx(() -> debug.inputErrorProperty().get()));
    }

    @Test
    void aRefusalIsRewrittenInTheNewLanguage(FxRobot robot) throws Exception {
        var debug = window.debugger().viewModel();
        UiWait.until("the debugger's first trace", () -> debug.trace() != null && !debug.busyProperty().get());
        WaitForAsyncUtils.asyncFx(() -> debug.setupCommands()
                .chooseWeights(org.lstmlab.ui.debugger.WeightPreset.LATCH)).get();
        UiWait.until("the latch traced", () -> !debug.busyProperty().get() && !debug.refusalProperty().get().isEmpty());
        assertTrue(debug.refusalProperty().get().startsWith("The weights \"Hand-built: latch"),
                debug.refusalProperty().get());
        WaitForAsyncUtils.asyncFx(() -> window.setLanguage(Locale.SIMPLIFIED_CHINESE)).get();
        WaitForAsyncUtils.waitForFxEvents();
        String zh = UiWait.onFx(() -> debug.refusalProperty().get());
        assertTrue(zh.contains("手工构造") && !org.lstmlab.ui.training.EnglishText.hasSentence(zh), zh);
    }

    /**
     * The sample's title is drawn whole at 1024 × 768, on its own line over the status: beside the status it had half
     * the width ("Your CSV series, epoch 20, validation sample 1 (worse th…").
     */
    private static void assertDrawnWhole(FxRobot robot, String where) {
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.Label title = robot.lookup(".debugger-title").queryAs(javafx.scene.control.Label.class);
        assertEquals(UiWait.onFx(title::getText), UiWait.onFx(() -> Drawn.text(title)), "the title drawn in " + where);
        assertTrue(UiWait.onFx(() -> title.isVisible() && title.getParent().isVisible()), "the title shows, " + where);
    }

    @Test
    void theTitleOfASampleOpenedFromTheTrainTabIsRewrittenInTheNewLanguage(FxRobot robot) throws Exception {
        var debug = window.debugger().viewModel();
        var train = window.trainingView().viewModel();
        UiWait.until("the debugger's first trace", () -> debug.trace() != null && !debug.busyProperty().get());
        WaitForAsyncUtils.asyncFx(() -> {
            train.form().stepsProperty().set(10);
            train.form().unitsProperty().set(4);
            train.start();
        }).get();
        UiWait.until("the run's first numbers", () -> train.snapshotProperty().get() != null);
        WaitForAsyncUtils.asyncFx(train::openInDebugger).get();
        UiWait.until("the sample in the debugger", () -> !debug.titleProperty().get().isEmpty());
        String en = text(robot, ".debugger-title");
        assertTrue(en.matches("Adding problem, (epoch \\d+|untrained), validation sample \\d+.*"), en);
        assertDrawnWhole(robot, "English");

        WaitForAsyncUtils.asyncFx(() -> window.setLanguage(Locale.SIMPLIFIED_CHINESE)).get();
        WaitForAsyncUtils.waitForFxEvents();
        String zh = text(robot, ".debugger-title");
        assertTrue(zh.matches("加法问题，(第 \\d+ 个迭代周期|未训练)，验证样本 \\d+.*"), zh);
        assertDrawnWhole(robot, "Chinese");
        assertEquals(zh, UiWait.onFx(() -> ((javafx.scene.control.Label) robot.lookup(".debugger-title").query())
                .getTooltip().getText()), "the title whole when the pointer rests on it, cut short or not");
        assertEquals(en.replaceAll("\\D+", " "), zh.replaceAll("\\D+", " "), "the same epoch and sample");

        WaitForAsyncUtils.asyncFx(() -> window.setLanguage(Locale.ENGLISH)).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(en, text(robot, ".debugger-title"));
    }
}
