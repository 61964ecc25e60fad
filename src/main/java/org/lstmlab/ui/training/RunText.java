package org.lstmlab.ui.training;

import java.util.Locale;
import java.util.ResourceBundle;

import org.lstmlab.engine.data.DataFileException;
import org.lstmlab.ui.common.I18n;

/** The progress line under the bar, from a snapshot (epoch, samples per second, time left, state); why a run failed. */
final class RunText {
    private RunText() {
    }

    static String status(ResourceBundle i18n, TrainingSnapshot s) {
        String state = i18n.getString("training.state." + s.state().name().toLowerCase(Locale.ROOT));
        if (s.state() == RunState.PREPARING) {
            return state;
        }
        int epoch = Math.min(s.epochs(), s.epoch() + 1);
        // every epoch done: the last one's batches are all done too (not "epoch 20/20, batch 0/63")
        int batch = s.epoch() >= s.epochs() ? s.batchesPerEpoch() : s.batch();
        String speed = Double.isFinite(s.samplesPerSecond()) && s.samplesPerSecond() > 0
                ? String.format(Locale.ROOT, "%,.0f", s.samplesPerSecond()) : "–";
        String left = duration(s.secondsLeft());
        return I18n.format(i18n, "training.status", state, epoch, s.epochs(), batch, s.batchesPerEpoch(), speed,
                left, s.steps());
    }

    /**
     * Why a run failed: {@code failure}'s reason, or {@code message} without one. A data file refused when Start
     * read it again (a column typed wrong, the file changed since it was chosen) is named, as when it was chosen.
     */
    static String failed(ResourceBundle i18n, Throwable failure, String message) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof DataFileException d) {
                String file = d.file();
                String name = file.substring(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
                return I18n.format(i18n, "training.message.dataFailed", name, I18n.explain(i18n, d));
            }
        }
        return I18n.format(i18n, "training.message.failed", failure != null ? I18n.explain(i18n, failure) : message);
    }

    /** m:ss or h:mm:ss; a dash when unknown. */
    static String duration(double seconds) {
        if (!Double.isFinite(seconds) || seconds < 0) {
            return "–";
        }
        long s = Math.round(seconds);
        if (s >= 3600) {
            return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
        }
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
