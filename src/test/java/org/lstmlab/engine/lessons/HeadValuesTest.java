package org.lstmlab.engine.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.lstmlab.engine.data.Batches;
import org.lstmlab.engine.data.Dataset;
import org.lstmlab.engine.nn.Dense;
import org.lstmlab.engine.nn.SequenceModel;

/**
 * The numbers a lesson reads from an opened model's head ({@code logit}, {@code prediction}, {@code target},
 * {@code loss}) are the model's own on its first validation sequence, and follow the weights the lesson edits;
 * {@code dense} counts a fully connected layer's parameters as the engine's Dense keeps them.
 */
class HeadValuesTest {
    private static final String LESSON = LessonReaderTest.HEAD + LessonReaderTest.STEP + """
                actions:
                  - train: {name: k, task: keras-example, cell: lstm, steps: 10, hidden: 4, epochs: 1, \
            train-size: 64, validation-size: 16, seed: 3}
                  - open-trained: k
                values:
                  z: "logit[0]"
                  p: "prediction[0]"
                  y: "target[0]"
                  l: "loss"
              - text: {en: "b", zh: "乙"}
                actions:
                  - set-weight: {name: b_ho, row: 0, col: 0, value: 3}
                values:
                  z2: "logit[0]"
                  cell: {dense: {input: 50, units: 50}}
                  extra: {dense: {input: 1, units: 50}}
            """;

    @Test
    void theHeadsNumbersAreTheModelsOwnOnItsFirstValidationSequence() throws Exception {
        LessonRun run = new LessonRun(LessonReader.parse("x.yaml", LESSON));
        run.performThrough(0);
        double z = run.numbers().get("z");
        double p = run.numbers().get("p");
        double y = run.numbers().get("y");
        double l = run.numbers().get("l");

        TrainingRuns.Run k = run.runs().get("k");
        Dataset data = k.data();
        SequenceModel m = k.model().replica();
        double loss = m.forward(Batches.toBatch(List.of(data.validation().get(0)), data.head(), data.outputSize()));
        assertEquals(loss, l, 0.0);
        assertEquals(m.predictions()[0], p, 0.0);
        assertEquals(m.logits()[0], z, 0.0);

        assertEquals(1 / (1 + Math.exp(-z)), p, 1e-12, "the prediction is the sigmoid of the logit");
        assertTrue(y == 0 || y == 1, "a binary target: " + y);
        double bce = Math.max(z, 0) - z * y + Math.log1p(Math.exp(-Math.abs(z)));
        assertEquals(bce, l, 1e-12, "binary cross-entropy computed from the logit");

        run.performThrough(1);
        assertNotEquals(z, run.numbers().get("z2"), "an edited weight reaches the head's numbers");
        Dense d = new Dense(50, 50);
        assertEquals(d.weight().size() + d.bias().size(), run.numbers().get("cell"), 0.0);
        assertEquals(50 * 1 + 50, run.numbers().get("extra"), 0.0);
    }
}
