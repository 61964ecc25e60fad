package org.lstmlab.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.lstmlab.engine.tasks.Tasks;
import org.lstmlab.ui.common.I18n;

/**
 * The second chart before a run: titled with the measure the chosen task is judged on. A student's CSV series (or
 * the sine task) is judged on its MSE, and its empty chart said "Validation accuracy" until the first epoch ended.
 */
class MetricChartTest {
    private final FakeFx fx = new FakeFx();
    private final TrainingViewModel vm = new TrainingViewModel(I18n.bundle(Locale.ENGLISH), fx);

    @Test
    void anEmptyChartIsTitledWithTheTasksMeasure() {
        assertEquals("Validation accuracy", vm.metricChartProperty().get().title(), "the adding problem's");
        assertTrue(vm.metricChartProperty().get().unitRange());
        vm.chooseTask(Tasks.byName("sine"));
        assertEquals("Validation MSE", vm.metricChartProperty().get().title());
        assertFalse(vm.metricChartProperty().get().unitRange(), "an MSE is not drawn on [0, 1]");
        Path csv = Path.of("src/test/resources/data/good/series.csv");
        vm.chooseTask(Tasks.byName("adding"));
        vm.chooseDataFile(csv);
        fx.until(vm, () -> csv.equals(vm.form().dataFile.get()));
        assertEquals("Validation MSE", vm.metricChartProperty().get().title(), "a CSV series, before its run");
        vm.chooseTask(Tasks.byName("charlm"));
        assertEquals("Validation cross-entropy (nats per character)", vm.metricChartProperty().get().title());
    }
}
