package org.lstmlab.ui.training;

import org.lstmlab.engine.data.Dataset;
import org.lstmlab.engine.nn.Batch;
import org.lstmlab.engine.session.GradientReach;

/** A fixed batch of validation samples (one length, up to 32) that the probes run forward and backward. */
record ProbeBatch(Batch batch) {
    static ProbeBatch of(Dataset data) {
        return new ProbeBatch(GradientReach.batch(data));
    }
}
