package org.lstmlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.lstmlab.engine.lessons.Highlight;
import org.lstmlab.engine.trace.Direction;
import org.lstmlab.engine.trace.Equation;
import org.lstmlab.ui.common.I18n;
import org.lstmlab.ui.debugger.Cursor;
import org.lstmlab.ui.debugger.DebuggerViewModel;
import org.lstmlab.ui.debugger.DebuggerWorker;

/**
 * A step that points at an equation brings the debugger's cursor to it, at the timestep and in the direction on
 * show, so that the substitution panel shows the numbers of the equation the step's text talks about (before, the
 * row was only outlined and the lessons asked the student to click it). Driven without a toolkit.
 */
class LessonBridgeTest {
    private final DebuggerViewModel debugger = new DebuggerViewModel(I18n.bundle(Locale.ENGLISH),
            DebuggerWorker.direct());
    private final java.util.List<org.lstmlab.ui.common.TrainSettings> trainTab = new java.util.ArrayList<>();
    private final java.util.List<org.lstmlab.engine.lessons.TrainTabPart> parts = new java.util.ArrayList<>();
    private final LessonBridge bridge = new LessonBridge(debugger, () -> { }, (s, part) -> {
        trainTab.add(s);
        parts.add(part);
    }, I18n.bundle(Locale.ENGLISH));

    private int index(String id) {
        var ids = debugger.equations().stream().map(Equation::id).toList();
        assertTrue(ids.contains(id), id + " in " + ids);
        return ids.indexOf(id);
    }

    private void point(Highlight.Kind kind, String target) {
        bridge.highlight(new Highlight(kind, target));
        debugger.pulse(1);
    }

    @Test
    void anEquationStepMovesTheCursorToItsRowAtTheSameTimestepAndDirection() {
        assertTrue(debugger.setupCommands().applySetup());
        debugger.pulse(1);
        assertNull(debugger.moves().jumpTo(3));
        assertEquals(new Cursor(Direction.FORWARD, 2, 0, 0), debugger.cursor());

        point(Highlight.Kind.EQUATION, "lstm.f");
        assertEquals(new Cursor(Direction.FORWARD, 2, 0, index("lstm.f")), debugger.cursor());
        assertEquals("lstm.f", debugger.highlights().equationProperty().get());
        assertTrue(debugger.substitutionProperty().get().text().startsWith("fₜ[0]"),
                debugger.substitutionProperty().get().text());

        point(Highlight.Kind.EQUATION, "lstm.h");
        assertEquals(new Cursor(Direction.FORWARD, 2, 0, index("lstm.h")), debugger.cursor(), "later in the step");
        point(Highlight.Kind.EQUATION, "lstm.i");
        assertEquals(new Cursor(Direction.FORWARD, 2, 0, index("lstm.i")), debugger.cursor(), "and back in it");

        debugger.moves().setBackward(true);
        debugger.pulse(2);
        assertNull(debugger.moves().jumpTo(1));
        point(Highlight.Kind.EQUATION, "lstm.dc_prev");
        assertEquals(new Cursor(Direction.BACKWARD, 0, 0, index("lstm.dc_prev")), debugger.cursor(),
                "backward mode stays backward");
    }

    /** Applies the first {@code train-tab} action of a built-in lesson, as its step's "Show me" does. */
    private void applyTheFirstTrainTab(String id) throws Exception {
        var lesson = org.lstmlab.engine.lessons.Lessons.load(id);
        var action = lesson.steps().stream().flatMap(s -> s.actions().stream())
                .filter(a -> a instanceof org.lstmlab.engine.lessons.Action.TrainTab).findFirst().orElseThrow();
        bridge.apply(new org.lstmlab.engine.lessons.LessonRun.Applied(action, null), null);
    }

    /** The checkup lesson's {@code train-tab: a} puts run a's settings into the Train tab's form, learning rate 3. */
    @Test
    void aTrainTabActionGivesTheRunsSettingsToTheTrainTab() throws Exception {
        applyTheFirstTrainTab("checkup");
        assertEquals(1, trainTab.size());
        var s = trainTab.get(0);
        assertEquals("adding", s.task().name());
        assertEquals(org.lstmlab.engine.nn.CellType.LSTM, s.cell());
        assertEquals(List.of(20, 16, 2), List.of(s.steps(), s.hidden(), s.epochs()));
        assertEquals(3.0, s.config().learningRate(), "the lesson's broken run: a learning rate of 3");
        assertEquals(0.0, s.config().clipNorm());
        assertEquals(1L, s.config().seed());
        assertEquals(List.of(org.lstmlab.engine.lessons.TrainTabPart.SETTINGS), parts, "no show: the settings");
    }

    /** seed-keras-model's step on the tutorial's x_train says {@code show: code}: the bridge passes it on. */
    @Test
    void aStepsShowNamesThePartOfTheTrainTabToBringIntoView() throws Exception {
        applyTheFirstTrainTab("seed-keras-model");
        assertEquals(List.of(org.lstmlab.engine.lessons.TrainTabPart.CODE), parts);
        assertEquals("keras-example", trainTab.get(0).task().name());
    }

    /**
     * overfitting's {@code train-tab: j}, a run on the bundled poem, hands the Train tab the character model on the
     * poem with the run's settings, and the Train tab's form then shows the poem.
     */
    @Test
    void aTrainTabActionOnThePoemSetsTheFormToThePoem() throws Exception {
        applyTheFirstTrainTab("overfitting");
        var s = trainTab.get(0);
        var poem = org.lstmlab.engine.tasks.CharLmTask.bundled("jabberwocky");
        assertEquals(poem, s.task());
        assertEquals(List.of(32, 64, 5), List.of(s.steps(), s.hidden(), s.epochs()));
        assertEquals(0.005, s.config().learningRate());
        var tab = new org.lstmlab.ui.training.TrainingViewModel(I18n.bundle(Locale.ENGLISH), Runnable::run);
        tab.prepare(s);
        assertEquals(poem, tab.form().taskProperty().get());
        assertEquals(64, tab.form().unitsProperty().get());
        assertEquals(5, tab.form().epochsProperty().get());
    }

    @Test
    void anEquationNotOnShowAHeatmapOrAPartLeaveTheCursorWhereItIs() {
        assertTrue(debugger.setupCommands().applySetup());
        debugger.pulse(1);
        assertNull(debugger.moves().jumpTo(4));
        debugger.stepper().stepInto();
        Cursor before = debugger.cursor();
        point(Highlight.Kind.EQUATION, "gru.h");
        assertEquals(before, debugger.cursor(), "another cell's equation");
        assertNull(debugger.highlights().equationProperty().get());
        point(Highlight.Kind.EQUATION, "lstm.dc_prev");
        assertEquals(before, debugger.cursor(), "a backward equation in forward mode");
        point(Highlight.Kind.HEATMAP, "c");
        assertEquals(before, debugger.cursor());
        point(Highlight.Kind.GATE, "f");
        assertEquals(before, debugger.cursor());
        bridge.highlight(null);
        debugger.pulse(1);
        assertEquals(before, debugger.cursor());
    }

    /**
     * A lesson's trained model of symbols opens with them: the counting lesson's sample reads SaaaXbbb and each
     * target a symbol, not "class 1" (the bridge gave the debugger no vocabulary).
     */
    @Test
    void aTrainedModelOfSymbolsOpensWithItsVocabulary() throws Exception {
        var lesson = org.lstmlab.engine.lessons.Lessons.load("lstm-counts");
        int step = -1;
        for (int k = 0; k < lesson.steps().size() && step < 0; k++) {
            if (lesson.steps().get(k).actions().stream()
                    .anyMatch(a -> a instanceof org.lstmlab.engine.lessons.Action.OpenTrained)) {
                step = k;
            }
        }
        var run = new org.lstmlab.engine.lessons.LessonRun(lesson);
        run.performThrough(step);
        for (var applied : run.applied(step)) {
            bridge.apply(applied, run);
        }
        debugger.pulse(1);
        assertNull(debugger.moves().jumpTo(1));
        debugger.pulse(1);
        String story = debugger.storyProperty().get();
        assertTrue(story.startsWith("Input: [S]aaa"), "the string as symbols: " + story);
        assertTrue(story.contains("at t = 1: target 'a', prediction "), "the target a symbol: " + story);
    }

    /**
     * The Cell box named nothing while a lesson ran a tutorial's mistake, which was not among its items. Its items
     * now list that cell while it runs (shown short), after the lesson ends too, and drop it when the user chooses
     * another cell; Undo brings it back with the cell.
     */
    @Test
    void theCellBoxListsTheTutorialsMistakeOnlyWhileItRuns() throws Exception {
        var form = debugger.form();
        assertEquals(org.lstmlab.engine.nn.CellType.standard(), form.cellChoices());
        var run = new org.lstmlab.engine.lessons.LessonRun(org.lstmlab.engine.lessons.Lessons.load("tanh-input-gate"));
        run.performThrough(0);
        for (var applied : run.applied(0)) {
            bridge.apply(applied, run);
        }
        debugger.pulse(1);
        var tanh = org.lstmlab.engine.nn.CellType.LSTM_TANH_INPUT;
        assertEquals(tanh, debugger.trace().cell());
        assertEquals(tanh, form.cellProperty().get());
        assertTrue(form.cellChoices().contains(tanh), "the box lists what runs: " + form.cellChoices());
        assertEquals(org.lstmlab.engine.nn.CellType.standard().size() + 1, form.cellChoices().size());
        var label = org.lstmlab.ui.debugger.SetupForm.cellLabel(I18n.bundle(Locale.ENGLISH));
        assertEquals("LSTM (tutorial's: tanh input gate)", label.apply(tanh));
        assertEquals("LSTM（教程的错误：tanh 输入门）",
                org.lstmlab.ui.debugger.SetupForm.cellLabel(I18n.bundle(Locale.SIMPLIFIED_CHINESE)).apply(tanh));
        assertEquals("GRU", label.apply(org.lstmlab.engine.nn.CellType.GRU));

        assertTrue(debugger.setupCommands().chooseCell(org.lstmlab.engine.nn.CellType.GRU));
        debugger.pulse(2);
        assertEquals(org.lstmlab.engine.nn.CellType.GRU, debugger.trace().cell());
        assertEquals(org.lstmlab.engine.nn.CellType.standard(), form.cellChoices(), "the mistake is not offered");

        debugger.undo();
        debugger.pulse(3);
        assertEquals(tanh, debugger.trace().cell());
        assertEquals(tanh, form.cellProperty().get());
        assertTrue(form.cellChoices().contains(tanh), "Undo: the box names the mistake again");
    }
}
