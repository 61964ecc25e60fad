package org.lstmlab.ui.training;

import java.util.ResourceBundle;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.lstmlab.engine.tasks.TaskScore;
import org.lstmlab.ui.common.BaselineNames;
import org.lstmlab.ui.common.DebuggerLauncher;
import org.lstmlab.ui.common.I18n;
import org.lstmlab.ui.common.TaskTexts;

/**
 * The Train tab's "Open in debugger": pauses the run, has its worker pick a sample at a step boundary
 * ({@link DebuggerHandOff}) and, back on the FX executor, hands a copy of the weights and the sample to the
 * debugger under a title that says what the weights are, or says in the tab's message why it could not.
 */
final class DebuggerOpening {
    private DebuggerOpening() {
    }

    /**
     * @param run      the tab's run, or null
     * @param debugger where the model goes, or null when no debugger is connected
     * @param info     shows news ("Opened … in the debugger")
     * @param error    shows a problem
     */
    static void open(ResourceBundle i18n, Executor fx, TrainingRun run, DebuggerLauncher debugger,
                     Consumer<Supplier<String>> info, Consumer<Supplier<String>> error) {
        if (run == null || debugger == null) {
            error.accept(() -> i18n.getString("training.message.noDebugger"));
            return;
        }
        run.pause();
        run.atBoundary(DebuggerHandOff::pick).whenComplete((h, err) -> fx.execute(() -> {
            if (err != null) {
                error.accept(() -> I18n.format(i18n, "training.message.debuggerFailed", RunFiles.why(i18n, err)));
                return;
            }
            // a forecast is not right or wrong: it beats the naive forecast or not
            boolean forecast = h.task().metric() == TaskScore.Metric.MSE;
            String key = !h.wrong() ? h.epochs() == 0 ? "training.debugger.titleUntrained" : "training.debugger.title"
                    : h.epochs() == 0
                    ? forecast ? "training.debugger.titleUntrainedWorse" : "training.debugger.titleUntrainedWrong"
                    : forecast ? "training.debugger.titleWorse" : "training.debugger.titleWrong";
            Supplier<String> title = () -> h.titled(i18n, I18n.format(i18n, key, TaskTexts.title(i18n, h.task()),
                    h.epochs(), h.index() + 1, worse(i18n, h.miss())));
            debugger.openModel(h.model(), h.targets().input(), h.targets(), 0, title, h.names());
            info.accept(() -> I18n.format(i18n, "training.message.debuggerOpened", title.get()));
        }));
    }

    /**
     * What a forecast worse than the naive one got, for its title: "MSE 0.4102, always the training mean 0.1211"
     * (empty for a sample not wrong, or one judged on an accuracy).
     */
    static String worse(ResourceBundle i18n, TaskScore miss) {
        if (miss == null || miss.metric() != TaskScore.Metric.MSE || Double.isNaN(miss.baselineValue())) {
            return "";
        }
        String[] pair = org.lstmlab.engine.text.PlainNumbers.pair(miss.value(), miss.baselineValue(),
                AxisTicks::number);
        return I18n.format(i18n, "training.debugger.worse", pair[0], BaselineNames.of(i18n, miss), pair[1]);
    }
}
