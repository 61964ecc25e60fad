package org.lstmlab.ui.training;

import java.util.ArrayList;
import java.util.List;

import org.lstmlab.engine.nn.Param;
import org.lstmlab.engine.nn.SequenceModel;
import org.lstmlab.engine.session.GradientReach;

/**
 * What the charts show of the network itself, measured on the probe batch between two training steps: the
 * gradient reaching each timestep, ‖∂L/∂h_t‖ from backpropagation's own trace (vanishing gradients show as a
 * curve falling towards t = 1), the share of the first layer's saturated gates (for the checkup), and histograms
 * of the weights and of the probe batch's gradients.
 */
record Probe(List<double[]> gradNormPerStep, double saturated, Histogram weights, Histogram gradients) {

    /**
     * Runs the probe on {@code replica} (sharing the weights of {@code model}, with buffers of its own); call it on
     * the training worker between steps, when no weight changes.
     */
    static Probe run(SequenceModel replica, SequenceModel model, ProbeBatch probe, int bins) {
        replica.zeroGrad();
        replica.forward(probe.batch());
        replica.backward();
        List<double[]> perLayer = new ArrayList<>();
        for (int k = 0; k < replica.rnn().numLayers(); k++) {
            perLayer.add(GradientReach.stepNorms(replica.rnn().grads(k)));
        }
        List<Param> params = model.parameters();
        double[][] w = new double[params.size()][];
        double[][] g = new double[params.size()][];
        List<Param> mine = replica.parameters();
        for (int i = 0; i < params.size(); i++) {
            w[i] = params.get(i).data();
            g[i] = mine.get(i).gradData();
        }
        double saturated = GradientReach.saturated(replica.rnn().trace(0), replica.rnn().cell());
        return new Probe(List.copyOf(perLayer), saturated, Histogram.of(bins, w), Histogram.of(bins, g));
    }
}
