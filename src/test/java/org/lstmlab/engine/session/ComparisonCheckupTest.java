package org.lstmlab.engine.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.lstmlab.engine.session.Checkup.Sign;
import org.lstmlab.engine.tasks.Tasks;

/**
 * Each model of a comparison that does not solve its task comes with the checkup's signs, as {@code train} prints
 * them; a solved one with none. On the adding problem a GRU solves T = 10 in two epochs, while a SimpleRNN at T = 60
 * stays at the naive prediction's accuracy.
 */
class ComparisonCheckupTest {
    @Test
    void theModelsThatFailCarryTheirWarningSignsAndTheSolvedOnesNone() {
        var settings = new Comparison.Settings(Tasks.byName("adding"), List.of(10, 60), 2, 3000, 42, 2);
        List<Comparison.Point> points = new Comparison(settings).run(new Comparison.Listener() {
        });
        assertEquals(6, points.size());
        int solved = 0;
        int nearChance = 0;
        for (Comparison.Point p : points) {
            String what = p.cell() + " at T = " + p.seqLen() + ": " + p.accuracy() + ", " + p.signs();
            if (p.solved()) {
                solved++;
                assertEquals(List.of(), p.signs(), what);
                continue;
            }
            var last = p.epochs().get(p.epochs().size() - 1).score();
            boolean atChance = last.value() <= last.baselineValue() + 0.02;   // within 2 points, or below
            nearChance += atChance ? 1 : 0;
            assertEquals(atChance, p.signs().stream().anyMatch(f -> f.sign() == Sign.NO_BETTER_THAN_BASELINE),
                    what + " (chance " + last.baselineValue() + ")");
            for (Checkup.Finding f : p.signs()) {
                assertTrue(f.text().english().length() > 20 && !f.text().english().contains("{"), f.toString());
            }
        }
        assertTrue(solved >= 1, "the GRU solves T = 10: " + points);
        assertTrue(nearChance >= 1, "the SimpleRNN fails at T = 60: " + points);
    }
}
