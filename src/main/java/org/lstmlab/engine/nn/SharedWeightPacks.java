package org.lstmlab.engine.nn;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@link PackedWeights} of every recurrent layer of a model, shared by its data-parallel replicas: the trainer
 * prepares them once per step, in {@link #jobs()} pieces its threads share, instead of each replica packing the
 * same weights for itself. One copy of the packed weights sits in the caches instead of one per thread (W3 float64
 * at two threads: 2–4 % faster a step, docs/kernels.md).
 */
public final class SharedWeightPacks {
    private final List<PackedWeights> layers = new ArrayList<>();

    /** Packs for the layers of {@code model}, whose weights its replicas share. */
    public SharedWeightPacks(SequenceModel model) {
        RecurrentStack rnn = model.rnn();
        for (int k = 0; k < rnn.numLayers(); k++) {
            layers.add(new PackedWeights(rnn.layer(k), k > 0));
        }
    }

    /** How many independent pieces {@link #prepare} has. */
    public int jobs() {
        return layers.size() * PackedWeights.JOBS;
    }

    /** Prepares piece {@code job} from the current weights; pieces may run on different threads at once. */
    public void prepare(int job) {
        layers.get(job / PackedWeights.JOBS).prepare(job % PackedWeights.JOBS);
    }

    /** While active, the replicas' float64 passes read these packs; deactivate before the weights change. */
    public void setActive(boolean on) {
        for (PackedWeights p : layers) {
            p.setActive(on);
        }
    }

    /** Lets a replica of the model read these packs while they are active. */
    public void attachTo(SequenceModel replica) {
        RecurrentStack rnn = replica.rnn();
        if (rnn.numLayers() != layers.size()) {
            throw new IllegalArgumentException("a replica with " + rnn.numLayers() + " layers, not " + layers.size());
        }
        for (int k = 0; k < layers.size(); k++) {
            rnn.layer(k).useSharedPacks(layers.get(k));
        }
    }
}
