package org.lstmlab.ui.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.session.Comparison;
import org.lstmlab.engine.session.EpochReport;
import org.lstmlab.ui.common.TrainingThreads;

/**
 * Runs a {@link Comparison} (the engine's, which the {@code compare} command runs too) on a worker thread and
 * publishes what it has done as immutable {@link SweepSnapshot}s, latest wins. Stop ends it between two steps.
 */
public final class CompareSweep {
    private final Comparison comparison;
    private final AtomicReference<SweepSnapshot> latest = new AtomicReference<>(SweepSnapshot.EMPTY);
    private Thread worker;

    public CompareSweep(Comparison.Settings settings) {
        this.comparison = new Comparison(settings);
    }

    public void start() {
        worker = TrainingThreads.start("lstmlab-compare", this::work);
    }

    public void stop() {
        comparison.stop();
    }

    /** What this sweep compares. */
    public Comparison.Settings settings() {
        return comparison.settings();
    }

    public SweepSnapshot latest() {
        return latest.get();
    }

    public boolean awaitEnd(long millis) throws InterruptedException {
        if (worker != null) {
            worker.join(millis);
        }
        return worker == null || !worker.isAlive();
    }

    private void work() {
        List<Comparison.Point> points = new ArrayList<>();
        int total = comparison.settings().models();
        List<EpochReport> epochs = new ArrayList<>();   // the model being trained
        try {
            comparison.run(new Comparison.Listener() {
                @Override
                public void started(CellType cell, int seqLen) {
                    epochs.clear();
                    latest.set(new SweepSnapshot(List.copyOf(points), total, cell, seqLen, false, null, List.of()));
                }

                @Override
                public void epoch(CellType cell, int seqLen, EpochReport report) {
                    epochs.add(report);
                    latest.set(new SweepSnapshot(List.copyOf(points), total, cell, seqLen, false, null, epochs));
                }

                @Override
                public void finished(Comparison.Point point) {
                    points.add(point);
                    latest.set(new SweepSnapshot(List.copyOf(points), total, null, 0, false, null, List.of()));
                }
            });
            latest.set(new SweepSnapshot(List.copyOf(points), total, null, 0, true, null, List.of()));
        } catch (RuntimeException e) {
            latest.set(new SweepSnapshot(List.copyOf(points), total, null, 0, true,
                    org.lstmlab.engine.text.Reasons.of(e), List.of()));
        }
    }
}
