package org.lstmlab.engine.math;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The FMA peak probe gives a finite, positive rate for both precisions (how high depends on the machine). */
class PeakProbeTest {
    @Test
    void measuresAPositiveRateForBothPrecisions() {
        for (Precision p : Precision.values()) {
            double g = PeakProbe.gflops(p, 50);
            assertTrue(Double.isFinite(g) && g > 0.1, p + ": " + g);
        }
    }
}
