package org.lstmlab.ui.training;

import java.util.List;
import java.util.ResourceBundle;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.lstmlab.engine.io.SeriesScaling;
import org.lstmlab.engine.session.LearningProgress;
import org.lstmlab.engine.tasks.TaskScore;
import org.lstmlab.ui.common.CheckupPanel;
import org.lstmlab.ui.common.I18n;
import org.lstmlab.ui.common.ProblemList;

/**
 * What the Train tab shows of its run: a snapshot the run published (read once per frame, never waited for)
 * becomes the status line, the progress, the verdict, the checkup, the metric chart and the controls on offer; a
 * run that halted, failed or skipped steps says so in the tab's message. Before a run, the status says what to do.
 */
final class RunDisplay {
    private final ResourceBundle i18n;
    private final TabMessage message;
    private final ReadOnlyObjectWrapper<TrainingSnapshot> snapshot = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<RunState> state = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper verdict = new ReadOnlyStringWrapper("");
    private final CheckupPanel checkup = new CheckupPanel();
    private final ReadOnlyObjectWrapper<MetricChart> metricChart = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper idle = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyBooleanWrapper canPause = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper canResume = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper canStop = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper canTrainMore = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper hasModel = new ReadOnlyBooleanWrapper(false);
    private long shownVersion = -1;
    private SeriesScaling scaling;   // the run's, for a CSV series
    private TaskScore.Metric expected = TaskScore.Metric.ACCURACY;   // the form's task's, for an empty chart

    RunDisplay(ResourceBundle i18n, TabMessage message) {
        this.i18n = i18n;
        this.message = message;
        showReady();
        metricChart.set(MetricChart.of(i18n, List.of(), expected));
        updateState(null);
    }

    ReadOnlyObjectProperty<TrainingSnapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<RunState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    ReadOnlyStringProperty verdictProperty() {
        return verdict.getReadOnlyProperty();
    }

    CheckupPanel checkup() {
        return checkup;
    }

    ReadOnlyObjectProperty<MetricChart> metricChartProperty() {
        return metricChart.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty idleProperty() {
        return idle.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty canPauseProperty() {
        return canPause.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty canResumeProperty() {
        return canResume.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty canTrainMoreProperty() {
        return canTrainMore.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty canStopProperty() {
        return canStop.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty hasModelProperty() {
        return hasModel.getReadOnlyProperty();
    }

    /** Shows the latest snapshot of {@code run} (null: none), unless it is the one on show. */
    void show(TrainingRun run) {
        if (run == null) {
            return;
        }
        TrainingSnapshot s = run.latest();
        if (s.version() == shownVersion && shownVersion >= 0) {
            return;
        }
        shownVersion = s.version();
        snapshot.set(s);
        progress.set(s.progress());
        status.set(RunText.status(i18n, s));
        scaling = run.scaling();
        if (s.lastEpoch() != null) {
            verdict.set(VerdictText.of(i18n, s.lastEpoch(), scaling));
        }
        checkup.show(i18n, s.checkup(), s.state().isOver()
                ? LearningProgress.forCheckup(s.checkup(), s.epochMetrics()) : null);
        metricChart.set(MetricChart.of(i18n, s.epochMetrics(), expected));
        if (s.state() == RunState.HALTED) {
            message.error(() -> s.failure() != null ? I18n.explain(i18n, s.failure()) : s.message());
        } else if (s.state() == RunState.FAILED) {
            message.error(() -> RunText.failed(i18n, s.failure(), s.message()));
            message.details(() -> ProblemList.of(i18n, s.failure()));
        } else if (s.skippedSteps() > 0 && !s.state().isOver()) {
            message.error(() -> I18n.format(i18n, "training.message.skipped", s.skippedSteps()));
        }
        updateState(s.state());
    }

    /** The form's task judges on {@code m}: an empty chart (no run on show) is titled with it. */
    void expect(TaskScore.Metric m) {
        expected = m;
        if (snapshot.get() == null) {
            metricChart.set(MetricChart.of(i18n, List.of(), expected));
        }
    }

    /** A new run starts: its first snapshot is news, and the last run's verdict and checkup go. */
    void newRun() {
        shownVersion = -1;
        verdict.set("");
        checkup.clear();
    }

    /** No run any more: what the last one showed goes, and the status says what to do next. */
    void clear() {
        shownVersion = -1;
        snapshot.set(null);
        verdict.set("");
        checkup.clear();
        metricChart.set(MetricChart.of(i18n, List.of(), expected));
        progress.set(0);
        showReady();
        updateState(null);
    }

    /** Says again, in the bundle's current language, what is on show of the run (or what to do before one). */
    void relabel() {
        TrainingSnapshot s = snapshot.get();
        if (s != null) {
            status.set(RunText.status(i18n, s));
            if (s.lastEpoch() != null) {
                verdict.set(VerdictText.of(i18n, s.lastEpoch(), scaling));
            }
            checkup.relabel(i18n);
            metricChart.set(MetricChart.of(i18n, s.epochMetrics(), expected));
        } else {
            showReady();  // no run yet (or the last one forgotten): what to do next
            metricChart.set(MetricChart.of(i18n, List.of(), expected));
        }
    }

    /** The status line before a run: what to do next. */
    private void showReady() {
        status.set(i18n.getString("training.status.ready"));
    }

    private void updateState(RunState s) {
        state.set(s);
        boolean over = s == null || s.isOver();
        idle.set(over);
        canPause.set(s == RunState.RUNNING || s == RunState.PREPARING);
        canResume.set(s == RunState.PAUSED);
        canStop.set(!over);
        canTrainMore.set(s == RunState.FINISHED);
        hasModel.set(s != null && s != RunState.PREPARING && s != RunState.FAILED);
    }
}
