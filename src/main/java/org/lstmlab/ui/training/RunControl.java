package org.lstmlab.ui.training;

import java.util.ResourceBundle;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import org.lstmlab.engine.io.CheckpointFile;
import org.lstmlab.engine.tasks.Task;
import org.lstmlab.engine.tasks.UserData;
import org.lstmlab.ui.common.I18n;

/**
 * The Train tab's run lifecycle: starts a run from the form ({@link FormSetup}), or one opened from a file, in
 * place of the last; pauses, steps, resumes and stops it; hands it the sampling temperature; and drops a finished
 * run when the task changes. {@link #pulse} shows its latest snapshot ({@link RunDisplay}).
 */
final class RunControl {
    private final ResourceBundle i18n;
    private final TrainingForm form;
    private final TabMessage message;
    private final RunDisplay display;
    private final Predicate<Runnable> deferStart;
    private final Function<UserData.Request, Supplier<String>> fileNotes;
    private final Executor fx;
    private final Consumer<TrainingRun> starter;
    private final DoubleProperty temperature = new SimpleDoubleProperty(0.8);
    private TrainingRun run;

    /**
     * @param deferStart keeps a start for later and returns true while a chosen data file is still being read
     *                   ({@link org.lstmlab.ui.common.DataFileLoading#deferStart})
     * @param fileNotes  the notes on the user's file for a run on it, or null
     *                   ({@link org.lstmlab.ui.common.DataFileLoading#notesFor}): they stay in the message
     * @param starter    starts a run's worker: {@link TrainingRun#start}
     */
    RunControl(ResourceBundle i18n, TrainingForm form, TabMessage message, RunDisplay display,
               Predicate<Runnable> deferStart, Function<UserData.Request, Supplier<String>> fileNotes, Executor fx,
               Consumer<TrainingRun> starter) {
        this.i18n = i18n;
        this.form = form;
        this.message = message;
        this.display = display;
        this.deferStart = deferStart;
        this.fileNotes = fileNotes;
        this.fx = fx;
        this.starter = starter;
        temperature.addListener((o, a, b) -> {
            if (run != null) {
                run.setTemperature(b.doubleValue());
            }
        });
    }

    DoubleProperty temperatureProperty() {
        return temperature;
    }

    /** The current run, or null. */
    TrainingRun run() {
        return run;
    }

    /**
     * Starts a new run from the form, stopping one that is still going; the form's problem, if it has one. The notes
     * on the user's file (a row number among the inputs, a target of 0 and 1) stay in the message while it trains.
     */
    void start() {
        if (deferStart.test(this::start)) {
            return;   // a chosen file is still being read: the run starts on it once it is
        }
        RunSetup setup = FormSetup.of(i18n, form, message::error);
        if (setup != null) {
            launch(new TrainingRun(setup, false), notes(setup.run().data()));
        }
    }

    /** The notes on the user's file {@code data} for a run on it; nothing without a file or notes. */
    private Supplier<String> notes(UserData.Request data) {
        Supplier<String> n = data == null ? null : fileNotes.apply(data);
        return n == null ? () -> "" : n;
    }

    /**
     * Makes {@code next} the tab's run, in place of the current one, and starts it, with {@code news} in the message
     * from the start ("" clears it; a file opened as a paused run, the notes on the user's file): it is said before
     * the run starts, so the run's first pulse, and every pulse after it, shows a failure over it. A run that fails
     * at once (a model that does not fit its task) may have failed by the time the run's first pulse is shown;
     * news said after that pulse covered the failure, and no later pulse said it again.
     */
    void launch(TrainingRun next, Supplier<String> news) {
        if (run != null) {
            run.stop();
        }
        run = next;
        message.info(news);
        message.details(() -> "");
        display.newRun();
        run.setTemperature(temperature.get());
        starter.accept(run);
        pulse();
    }

    /**
     * Trains the finished run's model {@code more} epochs further, as one run with its charts, epochs and checkup
     * going on (Keras' {@code fit} called again): the weights and the optimizer's state are copied where the run
     * ended, and the result is what a run configured with that many more epochs would have given.
     */
    void trainMore(int more) {
        TrainingRun last = run;
        if (last == null || last.latest().state() != RunState.FINISHED) {
            return;
        }
        TrainingSnapshot before = last.latest();
        last.atBoundary(a -> {
            CheckpointFile.Loaded resume = a.session().snapshot().continuing(more);
            Task task = a.session().task();   // the data it trained on: the user's file is not read again
            return new RunSetup(() -> task, a.setup().run(), resume.config(), resume);
        }).whenComplete((setup, err) -> fx.execute(() -> {
            if (err != null) {
                message.error(() -> I18n.explain(i18n, err));   // it looks past the future's wrapper
            } else if (run == last) {   // nothing else was started meanwhile
                launch(new TrainingRun(setup, false, before), notes(setup.run().data()));
            }
        }));
    }

    void pause() {
        if (run != null) {
            run.pause();
        }
    }

    void resume() {
        if (run != null) {
            run.resume();
        }
    }

    /** One step while paused (pauses first if running). */
    void step() {
        if (run != null) {
            run.pause();
            run.stepOnce();
        }
    }

    void stop() {
        if (run != null) {
            run.stop();
        }
    }

    /** Shows the run's latest snapshot, if it is new. */
    void pulse() {
        display.show(run);
    }

    /** A new task makes the last run's charts and verdict meaningless: drop them (a running run stays). */
    void forgetFinishedRun() {
        if (run != null && !run.latest().state().isOver()) {
            return;
        }
        run = null;
        display.clear();
    }
}
