package org.lstmlab.engine.train;

import java.util.List;

import org.lstmlab.engine.data.Sample;

/**
 * A model's outputs on a set of samples.
 *
 * @param loss        mean loss over the samples
 * @param samples     the samples, in order
 * @param predictions per sample: its prediction rows (O for a last-step head, T × O for every step)
 */
public record Evaluation(double loss, List<Sample> samples, List<double[]> predictions) {
}
