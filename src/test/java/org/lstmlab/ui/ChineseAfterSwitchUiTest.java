package org.lstmlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmlab.engine.tasks.Tasks;
import org.lstmlab.ui.debugger.SetupForm;
import org.lstmlab.ui.debugger.WeightPreset;
import org.testfx.api.FxRobot;

/**
 * What was said in English before View ▸ Language ▸ 中文 is said again in Chinese: a run trained and paused, its
 * sample in the debugger, a data file and a model file that could not be used, a breakpoint and a watch that did
 * not parse, a lesson that could not be read. After the switch no English is left on the screen
 * ({@link ScreenText}, {@link EnglishWords}).
 */
class ChineseAfterSwitchUiTest extends MainWindowUiBase {
    @TempDir
    Path dir;

    @Override
    protected boolean newLessonProgress() {
        return true;
    }

    @Test
    void whatWasSaidInEnglishIsSaidAgainInChinese(FxRobot robot) throws Exception {
        UiWait.until("the first trace", () -> window.debugger().viewModel().trace() != null);
        var debugger = window.debugger().viewModel();
        var error = debugger.form().error(SetupForm.WEIGHTS);
        Path model = dir.resolve("garbage.safetensors");
        Files.writeString(model, "not a model");
        robot.interact(() -> debugger.setupCommands().openModelFile(model, WeightPreset.RANDOM_TORCH));
        UiWait.until("the model file refused", () -> !error.get().isEmpty());
        robot.interact(() -> debugger.moves().addBreakpoint("f[0] <"));
        robot.interact(() -> debugger.addWatch("foo(h)"));
        var train = BriefRun.trainAndPause(window);
        robot.interact(() -> window.selectTab("train"));
        robot.interact(train::openInDebugger);
        UiWait.until("the run's sample in the debugger", () -> !debugger.busyProperty().get()
                && debugger.titleProperty().get().length() > 0);
        robot.interact(() -> window.selectTab("train"));
        robot.interact(() -> {
            train.chooseTask(Tasks.byName("sine"));
            train.chooseDataFile(dir.resolve("missing.csv"));
        });
        UiWait.until("the data file refused", () -> train.messageProperty().get().contains("missing.csv")
                && !train.messageProperty().get().contains("…"));
        var learn = window.learnView().viewModel();
        Path lesson = dir.resolve("bad.yaml");
        Files.writeString(lesson, "id: t\ntitle: [1\n");
        robot.interact(() -> learn.openFile(lesson));
        UiWait.until("the lesson refused", () -> !learn.errorProperty().get().isEmpty());

        String english = EnglishWords.report(UiWait.onFx(ScreenText::ofShowingWindows), List.of());
        assertTrue(english.contains("#messageLabel"),
                "the data file's English error is seen before the switch: " + english);

        robot.interact(() -> window.setLanguage(Locale.SIMPLIFIED_CHINESE));
        UiWait.until("the lesson refused again", () -> !learn.busyProperty().get()
                && !learn.errorProperty().get().isEmpty());
        StringBuilder leaks = new StringBuilder();
        for (String tab : List.of("train", "debugger", "learn", "compare")) {
            robot.interact(() -> window.selectTab(tab));
            String found = EnglishWords.report(UiWait.onFx(ScreenText::ofShowingWindows),
                    List.of(dir.toString(), dir.getFileName().toString(), "foo"));
            if (!found.isEmpty()) {
                leaks.append("== ").append(tab).append('\n').append(found);
            }
        }
        assertEquals("", leaks.toString());
    }
}
