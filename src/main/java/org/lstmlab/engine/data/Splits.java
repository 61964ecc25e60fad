package org.lstmlab.engine.data;

import java.util.ArrayList;
import java.util.List;

import org.lstmlab.engine.text.Refusal;

/** Re-dividing a dataset between training and validation. */
public final class Splits {
    private Splits() {
    }

    /**
     * The same samples with the last {@code fraction} of them (training first, then validation, in order) held out
     * for validation. Order is kept, so a time series is still judged on its latest part.
     */
    public static Dataset resplit(Dataset d, double fraction) {
        if (!(fraction > 0 && fraction < 1)) {
            throw Refusal.of("engine.data.splitOpen", Double.toString(fraction));
        }
        List<Sample> all = new ArrayList<>(d.train());
        all.addAll(d.validation());
        int val = (int) Math.round(all.size() * fraction);
        if (val < 1 || val >= all.size()) {
            throw Refusal.of("engine.data.splitLeaves", Double.toString(fraction), Integer.toString(all.size() - val),
                    Integer.toString(val), Integer.toString(all.size()));
        }
        return new Dataset(d.name(), all.subList(0, all.size() - val), all.subList(all.size() - val, all.size()),
                d.inputSize(), d.outputSize(), d.head(), d.loss(), d.vocabulary());
    }
}
