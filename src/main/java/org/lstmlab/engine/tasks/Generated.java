package org.lstmlab.engine.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

import org.lstmlab.engine.data.Sample;

/** How every generated task makes its data: samples drawn one after another from one random stream. */
final class Generated {
    private Generated() {
    }

    /** {@code n} samples, each made by {@code one} from {@code rng}, in order (so a seed gives the same data). */
    static List<Sample> samples(int n, SplittableRandom rng, Function<SplittableRandom, Sample> one) {
        List<Sample> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(one.apply(rng));
        }
        return out;
    }
}
