package org.lstmlab.ui.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.session.Comparison;
import org.lstmlab.engine.tasks.Tasks;
import org.lstmlab.ui.common.I18n;

/**
 * The Compare tab's "Same number of units | parameters": the choice reaches the comparison's settings, stays when
 * the task changes, and a model handed to the Train tab keeps its own units.
 */
class CompareSizingTest {
    @Test
    void theChoiceIsInTheSettingsAndATaskLeavesItAlone() {
        CompareViewModel vm = new CompareViewModel(I18n.bundle(Locale.ENGLISH));
        assertEquals(Comparison.Sizing.UNITS, vm.settings().sizing(), "as before: the same units");
        vm.sizingProperty().set(Comparison.Sizing.PARAMETERS);
        assertEquals(Comparison.Sizing.PARAMETERS, vm.settings().sizing());
        vm.taskProperty().set(Tasks.byName("temporal-order"));
        assertEquals(Comparison.Sizing.PARAMETERS, vm.settings().sizing(), "the task's defaults leave it");
    }

    @Test
    void theChoicesReadInBothLanguages() {
        var en = I18n.bundle(Locale.ENGLISH);
        var zh = I18n.bundle(Locale.SIMPLIFIED_CHINESE);
        assertEquals("Same number of units", en.getString("compare.same.UNITS"));
        assertEquals("Same number of parameters", en.getString("compare.same.PARAMETERS"));
        assertEquals("相同单元数", zh.getString("compare.same.UNITS"));
        assertEquals("相同参数量", zh.getString("compare.same.PARAMETERS"));
    }

    @Test
    void eachModelGoesToTheTrainTabWithItsOwnUnitsAndTheCostLineSaysThem() {
        CompareViewModel vm = new CompareViewModel(I18n.bundle(Locale.ENGLISH));
        vm.taskProperty().set(Tasks.byName("adding"));
        vm.lengthsProperty().set("10");
        vm.epochsProperty().set(1);
        vm.samplesProperty().set(100);
        vm.sizingProperty().set(Comparison.Sizing.PARAMETERS);
        List<Comparison.Point> points = CompareRuns.run(vm);
        assertEquals(List.of(66, 37, 32), points.stream().map(Comparison.Point::units).toList());
        List<Integer> handed = new ArrayList<>();
        vm.setTrainLauncher(s -> handed.add(s.hidden()));
        List<Integer> expected = new ArrayList<>();
        for (Comparison.Point p : vm.checkup().failed()) {   // one epoch of 100 sequences solves nothing
            vm.checkup().chosenProperty().set(p);
            vm.trainChosen();
            expected.add(p.units());
        }
        assertEquals(List.of(CellType.RNN_TANH, CellType.GRU, CellType.LSTM),
                vm.checkup().failed().stream().map(Comparison.Point::cell).toList(), points.toString());
        assertEquals(List.of(66, 37, 32), expected);
        assertEquals(expected, handed, "each model's own units in the Train tab's form");
        assertEquals(List.of("SimpleRNN, 66 units, T = 10", "GRU, 37 units, T = 10", "LSTM, 32 units, T = 10"),
                vm.checkup().failed().stream().map(p -> vm.checkup().name(p))
                        .map(n -> n.substring(0, n.indexOf(" ("))).toList(), "the list names each model's units");
        String cost = CompareCost.text(I18n.bundle(Locale.ENGLISH), points);
        assertEquals(true, cost.startsWith("Cost of each cell: SimpleRNN: 66 units, 4,687 parameters, "), cost);
        assertEquals(true, cost.contains("GRU: 37 units, 4,589 parameters, "), cost);
        assertEquals(true, cost.contains("LSTM: 32 units, 4,641 parameters, "), cost);
    }
}
