package org.lstmlab.ui.debugger;

import java.util.ResourceBundle;
import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import org.lstmlab.engine.trace.Trace;
import org.lstmlab.ui.common.I18n;
import org.lstmlab.ui.common.Sentence;

/**
 * Traces the numbers on show on the worker and hands the newest result to the view model, once per frame: a trace
 * asked for later makes an earlier one in flight stale, and it is dropped. Keeps the progress bar and the status
 * line ("Tracing 1000 timesteps…") up to date meanwhile.
 */
final class Tracing {
    private final ResourceBundle i18n;
    private final DebuggerWorker worker;
    private final Sentence status;
    private final Consumer<TraceJob.Result> publish;
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(1);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private long generation;
    private boolean inFlight;
    private final java.util.List<Runnable> afterTrace = new java.util.ArrayList<>();

    Tracing(ResourceBundle i18n, DebuggerWorker worker, Sentence status,
            Consumer<TraceJob.Result> publish) {
        this.i18n = i18n;
        this.worker = worker;
        this.status = status;
        this.publish = publish;
    }

    ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Traces a copy of the workspace on the worker; the result is published unless a newer trace was asked for. */
    void trace(Workspace w) {
        long gen = ++generation;
        TraceRequest req = w.request();
        busy.set(true);
        inFlight = true;
        status.say(() -> I18n.format(i18n, "debugger.status.tracing", req.steps()));
        worker.submit(p -> TraceJob.run(req, p), r -> {
            if (gen == generation) {
                publish.accept(r);
                inFlight = false;
                java.util.List<Runnable> queued = java.util.List.copyOf(afterTrace);
                afterTrace.clear();
                queued.forEach(Runnable::run);
            }
        }, e -> {
            if (gen == generation) {
                inFlight = false;
                afterTrace.clear();
                status.say(() -> I18n.format(i18n, "debugger.status.failed", I18n.explain(i18n, e)));
            }
        });
    }

    /** Runs {@code action} once the trace in flight has been published, or now when none is in flight. */
    void whenDone(Runnable action) {
        if (inFlight) {
            afterTrace.add(action);
        } else {
            action.run();
        }
    }

    /** Whether there is work on the worker or a result waiting to be collected. */
    boolean working() {
        return !worker.idle();
    }

    /** Once per frame on the FX thread: collects finished work and shows the progress of what still runs. */
    void pulse() {
        worker.drain();
        boolean b = worker.busy();
        busy.set(b);
        progress.set(b ? worker.progress() : 1);
    }

    /**
     * Writes {@code tr} (forward, and backward when it has been recorded) to a {@code .csv}, {@code .json} or
     * {@code .safetensors} file on the worker; the status line says where, or why not. A null trace writes nothing.
     */
    void export(java.nio.file.Path file, Trace tr) {
        if (tr == null) {
            return;
        }
        worker.submit(p -> {
            try {
                org.lstmlab.engine.interop.TraceExport.write(file, tr);
                return file;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, f -> status.say(() -> I18n.format(i18n, "debugger.status.exported", f.getFileName())),
                e -> status.say(() -> I18n.format(i18n, "debugger.status.failed", I18n.explain(i18n, e))));
    }
}
