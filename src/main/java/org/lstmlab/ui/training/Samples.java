package org.lstmlab.ui.training;

import java.util.List;

import org.lstmlab.engine.nn.Param;
import org.lstmlab.engine.nn.SequenceModel;
import org.lstmlab.engine.tasks.TextSampler;

/** Copies of a model for use outside the worker, and text sampled from a character model. */
final class Samples {
    static final int LENGTH = 240;

    private Samples() {
    }

    /** A model with its own copy of every weight. */
    static SequenceModel copy(SequenceModel model) {
        SequenceModel c = new SequenceModel(model.spec());
        List<Param> from = model.parameters();
        List<Param> to = c.parameters();
        for (int i = 0; i < from.size(); i++) {
            System.arraycopy(from.get(i).data(), 0, to.get(i).data(), 0, from.get(i).size());
        }
        return c;
    }

    /** Text sampled from a copy of {@code model} at a temperature (seeded by the step, so it changes). */
    static String text(SequenceModel model, List<String> vocabulary, double temperature, long seed) {
        return TextSampler.sample(copy(model), vocabulary, "", LENGTH, temperature, seed);
    }
}
