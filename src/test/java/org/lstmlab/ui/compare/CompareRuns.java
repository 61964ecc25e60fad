package org.lstmlab.ui.compare;

import java.util.List;

import org.lstmlab.engine.session.Comparison;

/**
 * For the tests that run a real comparison in the Compare tab's view model (the tab's and the compare command's): the
 * run to its end, as the tab's pulses see it.
 */
public final class CompareRuns {
    private CompareRuns() {
    }

    /**
     * Starts {@code vm}'s comparison with the settings it has, pulses it as the tab's timer does until it is done,
     * and returns its models, with the view model (its checkup's list of failures too) showing the last of them.
     */
    public static List<Comparison.Point> run(CompareViewModel vm) {
        vm.start();
        org.lstmlab.testing.Await.until("the comparison to end", () -> {
            vm.pulse();
            return vm.snapshotProperty().get().done();
        }, () -> vm.snapshotProperty().get().points().size() + " points");
        vm.pulse();
        return vm.snapshotProperty().get().points();
    }
}
