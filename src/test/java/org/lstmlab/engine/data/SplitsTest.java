package org.lstmlab.engine.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.lstmlab.engine.text.Refusal;
import org.lstmlab.engine.tasks.Tasks;
import org.lstmlab.testing.EngineBundles;

/** A validation split that leaves no training or no validation samples is refused, in English and in Chinese. */
class SplitsTest {
    private static Dataset ofSize(int n) {
        Dataset d = Tasks.byName("sine").generate(0, 1);
        return new Dataset(d.name(), d.train().subList(0, n), List.of(), d.inputSize(), d.outputSize(), d.head(),
                d.loss(), d.vocabulary());
    }

    @Test
    void aSplitThatLeavesNothingToTrainOnIsRefusedInBothLanguages() {
        Refusal r = assertThrows(Refusal.class, () -> Splits.resplit(ofSize(3), 0.9));
        assertEquals("a validation split of 0.9 leaves 0 training and 3 validation samples of 3", r.getMessage());
        assertEquals("验证集比例为 0.9 时，3 个样本只分出 0 个训练样本和 3 个验证样本", r.userMessage().in(EngineBundles.ZH));
        Refusal open = assertThrows(Refusal.class, () -> Splits.resplit(ofSize(3), 1.0));
        assertEquals("验证集比例必须在 0 和 1 之间（不含 0 和 1），现在是 1.0", open.userMessage().in(EngineBundles.ZH));
        assertEquals(7, Splits.resplit(ofSize(10), 0.3).train().size());
    }
}
