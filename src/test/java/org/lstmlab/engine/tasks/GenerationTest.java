package org.lstmlab.engine.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.lstmlab.engine.loss.Loss;
import org.lstmlab.engine.nn.Batch;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.nn.HeadMode;
import org.lstmlab.engine.nn.Initializers;
import org.lstmlab.engine.nn.ModelSpec;
import org.lstmlab.engine.nn.SequenceInput;
import org.lstmlab.engine.nn.SequenceModel;

class GenerationTest {
    @ParameterizedTest
    @EnumSource(value = CellType.class, names = {"LSTM", "GRU", "RNN_TANH"})
    void steppingOneAtATimeEqualsTheWholeSequenceForward(CellType cell) {
        SequenceModel m = new SequenceModel(new ModelSpec(cell, 5, 6, 2, 5, HeadMode.EVERY_STEP,
                Loss.SOFTMAX_CROSS_ENTROPY));
        Initializers.initialize(m, Initializers.Scheme.TORCH, 3);
        int[] tokens = {0, 3, 1, 4, 4, 2, 0};
        m.forward(Batch.ofClasses(SequenceInput.oneHot(tokens, tokens.length, 1, 5), new int[tokens.length]));
        double[] whole = m.predictions();
        StatefulRunner runner = new StatefulRunner(m);
        for (int t = 0; t < tokens.length; t++) {
            double[] p = runner.step(tokens[t]);
            for (int k = 0; k < 5; k++) {
                assertEquals(whole[t * 5 + k], p[k], 1e-12, cell + " t=" + t + " k=" + k);
            }
        }
    }

    @Test
    void lowTemperatureTakesTheMostProbableHighSpreadsOut() {
        double[] p = {0.1, 0.6, 0.3};
        SplittableRandom rng = new SplittableRandom(1);
        int[] cold = new int[3];
        int[] warm = new int[3];
        for (int i = 0; i < 3000; i++) {
            cold[TextSampler.draw(p, 0.05, rng)]++;
            warm[TextSampler.draw(p, 1.0, rng)]++;
        }
        assertEquals(3000, cold[1]);
        assertEquals(0.1, warm[0] / 3000.0, 0.02);
        assertEquals(0.6, warm[1] / 3000.0, 0.03);
    }

    @Test
    void sampledTextUsesTheAlphabetAndDependsOnTheSeed() {
        List<String> alphabet = List.of("a", "b", " ", "字");
        SequenceModel m = new SequenceModel(new ModelSpec(CellType.LSTM, 4, 8, 1, 4, HeadMode.EVERY_STEP,
                Loss.SOFTMAX_CROSS_ENTROPY));
        Initializers.initialize(m, Initializers.Scheme.TORCH, 9);
        String a = TextSampler.sample(m, alphabet, "ab", 40, 1.0, 1);
        assertEquals(40, a.codePointCount(0, a.length()));
        assertTrue(a.chars().allMatch(c -> "ab 字".indexOf(c) >= 0), a);
        assertEquals(a, TextSampler.sample(m, alphabet, "ab", 40, 1.0, 1));
        assertNotEquals(a, TextSampler.sample(m, alphabet, "ab", 40, 1.0, 2));
    }
}
