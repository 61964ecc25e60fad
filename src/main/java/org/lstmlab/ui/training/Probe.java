package org.lstmlab.ui.training;

import java.util.ArrayList;
import java.util.List;

import org.lstmlab.engine.nn.Param;
import org.lstmlab.engine.nn.SequenceModel;
import org.lstmlab.engine.session.GradientReach;

/**
 * What the charts show of the network itself, measured on the probe batch between two training steps: the
 * gradient reaching each timestep, ‖∂L/∂h_t‖ from backpropagation's own trace (vanishing gradients show as a
 * curve falling towards t = 1) and the share of saturated gates, for every layer (the checkup judges each), and
 * histograms of the weights and of the probe batch's gradients.
 */
record Probe(List<GradientReach.Measure> layers, Histogram weights, Histogram gradients) {

    /** ‖∂L/∂h_t‖ for t = 1..T, one array per layer, the input's first. */
    List<double[]> gradNormPerStep() {
        return layers.stream().map(GradientReach.Measure::reach).toList();
    }

    /**
     * Runs the probe on {@code replica} (sharing the weights of {@code model}, with buffers of its own); call it on
     * the training worker between steps, when no weight changes.
     */
    static Probe run(SequenceModel replica, SequenceModel model, ProbeBatch probe, int bins) {
        replica.zeroGrad();
        replica.forward(probe.batch());
        replica.backward();
        List<GradientReach.Measure> perLayer = new ArrayList<>();
        for (int k = 0; k < replica.rnn().numLayers(); k++) {
            perLayer.add(new GradientReach.Measure(GradientReach.stepNorms(replica.rnn().grads(k)),
                    GradientReach.saturated(replica.rnn().trace(k), replica.rnn().cell())));
        }
        List<Param> params = model.parameters();
        double[][] w = new double[params.size()][];
        double[][] g = new double[params.size()][];
        List<Param> mine = replica.parameters();
        for (int i = 0; i < params.size(); i++) {
            w[i] = params.get(i).data();
            g[i] = mine.get(i).gradData();
        }
        return new Probe(List.copyOf(perLayer), Histogram.of(bins, w), Histogram.of(bins, g));
    }
}
