package org.lstmlab.ui;

import org.lstmlab.engine.lessons.Action;
import org.lstmlab.engine.lessons.Highlight;
import org.lstmlab.engine.lessons.LessonRun;
import org.lstmlab.engine.lessons.TrainingRuns;
import org.lstmlab.engine.lessons.Workbench;
import org.lstmlab.engine.nn.Batch;
import org.lstmlab.engine.trace.Equation;
import org.lstmlab.ui.common.TrainSettings;
import org.lstmlab.ui.debugger.DebuggerViewModel;
import org.lstmlab.ui.debugger.Highlights;
import org.lstmlab.ui.debugger.InputPreset;
import org.lstmlab.ui.debugger.LossKind;
import org.lstmlab.ui.debugger.Setup;
import org.lstmlab.ui.debugger.WeightPreset;
import org.lstmlab.ui.learn.LessonHost;

/**
 * Repeats a lesson's actions on the debugger ("show me"), with the state the lesson's own workbench reached after
 * each one, so that the debugger shows the very numbers the lesson quotes. Lives with the main window, which is
 * the one place that knows both tabs.
 */
final class LessonBridge implements LessonHost {
    private final DebuggerViewModel debugger;
    private final Runnable showDebugger;
    private final java.util.function.BiConsumer<TrainSettings, org.lstmlab.engine.lessons.TrainTabPart> trainTab;
    private final java.util.ResourceBundle i18n;
    /** A step set up the Train tab: that tab stays on show instead of the debugger. */
    private boolean trainTabShown;

    /** {@code trainTab} sets up the Train tab as a {@code train-tab} action says and brings its part into view. */
    LessonBridge(DebuggerViewModel debugger, Runnable showDebugger,
                 java.util.function.BiConsumer<TrainSettings, org.lstmlab.engine.lessons.TrainTabPart> trainTab,
                 java.util.ResourceBundle i18n) {
        this.debugger = debugger;
        this.i18n = i18n;
        this.showDebugger = showDebugger;
        this.trainTab = trainTab;
    }

    @Override
    public void apply(LessonRun.Applied applied, LessonRun run) {
        Action a = applied.action();
        Workbench.State s = applied.after();
        if (a instanceof Action.Setup) {
            debugger.form().show(new Setup(s.cell(), s.steps(), s.inputSize(), s.hiddenSize(), 1, input(s.input()),
                    s.word(), weights(s.weights()), s.seed(), loss(s.loss())));
            debugger.setupCommands().applySetup();
        } else if (a instanceof Action.SetWeight w) {
            debugger.editWeight(0, w.name(), w.row(), w.col(), Double.toString(w.value()));
        } else if (a instanceof Action.SetInput x) {
            debugger.editInput(x.t() - 1, x.d(), Double.toString(x.value()));
        } else if (a instanceof Action.Breakpoint b) {
            if (debugger.stepper().breakpoints().stream().noneMatch(x -> x.text().equals(b.condition()))) {
                debugger.stepper().addBreakpoint(b.condition());
            }
            debugger.whenTraced(() -> debugger.stepper().jumpTo(Integer.toString(s.cursor())));
        } else if (a instanceof Action.Jump j) {
            debugger.whenTraced(() -> debugger.stepper().jumpTo(Integer.toString(j.t())));
        } else if (a instanceof Action.Mode m) {
            debugger.whenTraced(() -> debugger.stepper().setDirection(m.direction()));
        } else if (a instanceof Action.Beside b) {
            for (var c : java.util.List.copyOf(debugger.companions())) {
                debugger.beside().remove(c.cell());
            }
            if (b.cell() != null) {
                if (b.cell().gates().equals(s.cell().gates())) {
                    debugger.beside().addWithSameWeights(b.cell());
                } else {
                    debugger.beside().add(b.cell());
                }
            }
        } else if (a instanceof Action.OpenTrained o) {
            TrainingRuns.Run r = run.runs().get(o.name());
            Batch sample = r.firstValidation();
            debugger.openModel(r.model(), sample.input(), sample, 0, trainedTitle(i18n, r), r.data().vocabulary());
        } else if (a instanceof Action.TrainTab t) {
            trainTab.accept(new TrainSettings(TrainingRuns.task(t.spec()), t.cell(), t.spec().steps(),
                    t.spec().hidden(), t.spec().epochs(), t.spec().config()), t.show());
            trainTabShown = true;
        }
    }

    /**
     * The debugger's title for a model a lesson trained, "LSTM trained in this lesson, epoch 8, validation sequence
     * 1", in the bundle's language when asked (after View ▸ Language too); it read the run's name in the lesson
     * file, such as v_rnn_tanh.
     */
    static java.util.function.Supplier<String> trainedTitle(java.util.ResourceBundle i18n, TrainingRuns.Run r) {
        int epochs = r.epochLoss().size();
        return () -> org.lstmlab.ui.common.I18n.format(i18n, "learn.trainedTitle",
                i18n.getString("debugger.cell." + r.cell().name()), epochs);
    }

    /**
     * Each kind of highlight separately: an equation the debugger does not show at the moment (another cell, the
     * other direction) is simply not pointed at. An equation on show is also where the cursor goes, at the timestep,
     * layer and direction on show, so that the substitution panel shows its numbers (the step's text talks about
     * them; clicking the row would do the same).
     */
    @Override
    public void highlight(Highlight h) {
        debugger.whenTraced(() -> {
            Highlights marks = debugger.highlights();
            quietly(() -> {
                String id = target(h, Highlight.Kind.EQUATION);
                marks.showEquation(id);
                if (id != null) {
                    debugger.moves().goToEquation(debugger.equations().stream().map(Equation::id).toList().indexOf(id));
                }
            });
            quietly(() -> marks.showPart(target(h, Highlight.Kind.GATE)));
            // cleared first, so that pointing at the same heatmap again brings it to the front again
            quietly(() -> marks.showHeatmap(0, null));
            quietly(() -> marks.showHeatmap(0, target(h, Highlight.Kind.HEATMAP)));
        });
    }

    /** What {@code h} points at if it is of this kind, else null (that kind of mark is cleared). */
    private static String target(Highlight h, Highlight.Kind kind) {
        return h != null && h.kind() == kind ? h.target() : null;
    }

    private static void quietly(Runnable r) {
        try {
            r.run();
        } catch (IllegalArgumentException notShownNow) {
            // nothing of that name on screen for the debugger's current cell and direction
        }
    }

    @Override
    public void showDebugger() {
        if (!trainTabShown) {
            showDebugger.run();
        }
        trainTabShown = false;
    }

    private static InputPreset input(String s) {
        return switch (s) {
            case "counting" -> InputPreset.COUNTING;
            case "word" -> InputPreset.WORD;
            case "table" -> InputPreset.TABLE;
            case "sample" -> InputPreset.SAMPLE;
            default -> InputPreset.SINE;
        };
    }

    private static WeightPreset weights(String s) {
        return switch (s) {
            case "keras" -> WeightPreset.RANDOM_KERAS;
            case "latch" -> WeightPreset.LATCH;
            case "counter" -> WeightPreset.COUNTER;
            case "trained" -> WeightPreset.TRAINED;
            default -> WeightPreset.RANDOM_TORCH;
        };
    }

    private static LossKind loss(String s) {
        return switch (s) {
            case "every-step" -> LossKind.EVERY_STEP_SUM;
            case "model" -> LossKind.MODEL_HEAD;
            default -> LossKind.LAST_STEP_SUM;
        };
    }
}
