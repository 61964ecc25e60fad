package org.lstmlab.engine.tasks;

import java.util.List;
import java.util.SplittableRandom;

import org.lstmlab.engine.nn.SequenceModel;

/**
 * Samples text from a character model at a temperature: the model reads a prompt, then each next character is
 * drawn from {@code softmax(log p / temperature)} and fed back. Temperature 1 samples the model's own
 * distribution; lower is more conservative, and near 0 always takes the most probable character.
 */
public final class TextSampler {
    private TextSampler() {
    }

    /**
     * Generates {@code length} characters after {@code prompt} (characters outside the alphabet are skipped).
     * The model must not be in use by another thread.
     */
    public static String sample(SequenceModel model, List<String> alphabet, String prompt, int length,
                                double temperature, long seed) {
        if (!(temperature > 0)) {
            throw new IllegalArgumentException("temperature must be positive, got " + temperature);
        }
        StatefulRunner runner = new StatefulRunner(model);
        SplittableRandom rng = new SplittableRandom(seed);
        double[] p = null;
        for (int cp : prompt.codePoints().toArray()) {
            int id = alphabet.indexOf(new String(Character.toChars(cp)));
            if (id >= 0) {
                p = runner.step(id);
            }
        }
        if (p == null) {
            p = runner.step(rng.nextInt(alphabet.size()));
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int next = draw(p, temperature, rng);
            out.append(alphabet.get(next));
            p = runner.step(next);
        }
        return out.toString();
    }

    /** An index drawn from p reweighted by the temperature. */
    static int draw(double[] p, double temperature, SplittableRandom rng) {
        double[] w = new double[p.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < p.length; i++) {
            w[i] = Math.log(Math.max(p[i], 1e-300)) / temperature;
            max = Math.max(max, w[i]);
        }
        double sum = 0;
        for (int i = 0; i < w.length; i++) {
            w[i] = Math.exp(w[i] - max);
            sum += w[i];
        }
        double u = rng.nextDouble() * sum;
        for (int i = 0; i < w.length; i++) {
            u -= w[i];
            if (u <= 0) {
                return i;
            }
        }
        return w.length - 1;
    }
}
