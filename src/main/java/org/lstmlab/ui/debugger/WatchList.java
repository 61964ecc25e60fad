package org.lstmlab.ui.debugger;

import java.util.List;
import java.util.ResourceBundle;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.lstmlab.engine.trace.Trace;
import org.lstmlab.engine.trace.expr.ExprError;

/**
 * The watches: their values at the cursor (read on the FX thread: a few vectors) and their series over time (one
 * evaluation per timestep, so computed on the worker whenever the trace, the layer or the followed unit changes), of
 * which the steps computed at the cursor are shown.
 */
final class WatchList {
    private final ResourceBundle i18n;
    private final DebuggerWorker worker;
    private final ObservableList<WatchRow> rows = FXCollections.observableArrayList();
    private long generation;
    private Trace seriesTrace;
    private int seriesLayer = -1;
    private int seriesUnit = -1;

    WatchList(ResourceBundle i18n, DebuggerWorker worker) {
        this.i18n = i18n;
        this.worker = worker;
    }

    ObservableList<WatchRow> rows() {
        return rows;
    }

    /** Adds a watch; returns how to write the message to show next to the field, or null. */
    java.util.function.Supplier<String> add(String text) {
        try {
            rows.add(new WatchRow(Watch.parse(text), "", false, null, 0, 0));
            seriesTrace = null;
            return null;
        } catch (ExprError e) {
            return () -> ExprMessages.of(i18n, e);
        }
    }

    void remove(int index) {
        if (index >= 0 && index < rows.size()) {
            rows.remove(index);
        }
    }

    /** The values at the cursor; the series too if the trace, the layer or the unit changed. */
    void update(Trace tr, Cursor c, int unit) {
        for (int k = 0; k < rows.size(); k++) {
            WatchRow row = rows.get(k);
            Watch.Reading r = row.watch().read(tr, c);
            String text = r.pending() ? i18n.getString("debugger.watch.pending")
                    : r.error() != null ? ExprMessages.of(i18n, r.error()) : ValueText.of(r.value(), unit);
            int[] steps = row.watch().computedSteps(tr, c);
            if (!text.equals(row.value()) || r.pending() != row.pending() || steps[0] != row.from()
                    || steps[1] != row.to()) {
                rows.set(k, new WatchRow(row.watch(), text, r.pending(), row.series(), steps[0], steps[1]));
            }
        }
        if (tr != seriesTrace || c.layer() != seriesLayer || unit != seriesUnit) {
            seriesTrace = tr;
            seriesLayer = c.layer();
            seriesUnit = unit;
            refreshSeries(tr, c.layer(), unit);
        }
    }

    private void refreshSeries(Trace tr, int layer, int unit) {
        if (rows.isEmpty()) {
            return;
        }
        List<Watch> list = rows.stream().map(WatchRow::watch).toList();
        long gen = ++generation;
        worker.submit(p -> list.stream().map(w -> w.series(tr, layer, unit)).toList(), series -> {
            if (gen != generation) {
                return;
            }
            for (int k = 0; k < Math.min(series.size(), rows.size()); k++) {
                WatchRow row = rows.get(k);
                if (row.watch() == list.get(k)) {
                    rows.set(k, new WatchRow(row.watch(), row.value(), row.pending(), series.get(k), row.from(),
                            row.to()));
                }
            }
        }, e -> { });
    }
}
