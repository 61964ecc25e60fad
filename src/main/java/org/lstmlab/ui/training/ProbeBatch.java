package org.lstmlab.ui.training;

import java.util.List;

import org.lstmlab.engine.data.Batches;
import org.lstmlab.engine.data.Dataset;
import org.lstmlab.engine.data.Sample;
import org.lstmlab.engine.nn.Batch;

/** A fixed batch of validation samples (one length, up to 32) that the probes run forward and backward. */
record ProbeBatch(Batch batch) {
    static final int SIZE = 32;

    static ProbeBatch of(Dataset data) {
        List<Sample> from = data.validation().isEmpty() ? data.train() : data.validation();
        List<Sample> first = Batches.plan(from, SIZE, null).get(0);
        return new ProbeBatch(Batches.toBatch(first, data.head(), data.outputSize()));
    }
}
