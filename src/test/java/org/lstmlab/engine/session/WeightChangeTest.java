package org.lstmlab.engine.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.lstmlab.engine.nn.Param;

/** ‖w − w₀‖ / ‖w₀‖ over every weight, measured from the last look. */
class WeightChangeTest {
    @Test
    void theChangeIsRelativeToTheWeightsOfTheLastLook() {
        Param a = new Param("a", 2);
        Param b = new Param("b", 1, 2);
        a.data()[0] = 3;
        b.data()[1] = 4;   // ‖w₀‖ = 5
        WeightChange change = new WeightChange(List.of(a, b));
        a.data()[1] = 0.3;
        b.data()[0] = -0.4;  // ‖Δw‖ = 0.5
        assertEquals(0.1, change.measure(List.of(a, b)), 1e-15);
        assertEquals(0, change.measure(List.of(a, b)), "nothing moved since");
        a.data()[0] = 3 + 5.05;
        double r = change.measure(List.of(a, b));
        assertEquals(5.05 / Math.sqrt(9 + 0.09 + 0.16 + 16), r, 1e-15);
        a.data()[0] = Double.NaN;
        assertTrue(Double.isNaN(change.measure(List.of(a, b))));
        assertTrue(Double.isNaN(new WeightChange(List.of(new Param("z", 3))).measure(List.of(new Param("z", 3)))),
                "all zero: no size to compare with");
    }
}
