package org.lstmlab.engine.lessons;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.lstmlab.engine.data.Batches;
import org.lstmlab.engine.data.Dataset;
import org.lstmlab.engine.data.Sample;
import org.lstmlab.engine.nn.Batch;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.nn.Initializers;
import org.lstmlab.engine.nn.LayerGrads;
import org.lstmlab.engine.nn.LayerTrace;
import org.lstmlab.engine.nn.ModelSpec;
import org.lstmlab.engine.nn.Param;
import org.lstmlab.engine.nn.SequenceModel;
import org.lstmlab.engine.optim.Flavour;
import org.lstmlab.engine.tasks.Task;
import org.lstmlab.engine.tasks.TaskScore;
import org.lstmlab.engine.tasks.Tasks;
import org.lstmlab.engine.train.StepResult;
import org.lstmlab.engine.train.Trainer;
import org.lstmlab.engine.train.TrainingConfig;
import org.lstmlab.engine.train.TrainingHaltedException;

/**
 * The lessons' small training runs and comparisons. This is the one class through which the lessons train: it
 * drives {@link Trainer} and the built-in {@link Task}s today, and is the single place to change when the engine's
 * training session replaces them.
 *
 * <p>A run of cell {@code C} stored as {@code P} (the run's name, or {@code name_C} in a comparison, with the cell's
 * id written with underscores) defines these numbers:
 * <ul>
 * <li>{@code P_accuracy}, {@code P_solved} (1 or 0), {@code P_loss}: the task's verdict on the validation set;</li>
 * <li>{@code P_diverged}: 1 when training stopped because the loss or gradient was not finite, else 0;</li>
 * <li>{@code P_first_grad_norm}, {@code P_max_grad_norm}: the global gradient norm (before clipping) of the first
 * step and the largest of the run;</li>
 * <li>with {@code long-steps}: {@code P_long_accuracy}, the accuracy on sequences of that length;</li>
 * <li>with {@code gradient}: {@code P_grad_eK}, the mean over the validation sequences of log₁₀‖∂L/∂h₁‖ (the
 * gradient of each sequence's loss reaching the first step) after K epochs, K = 0 … epochs, and for an LSTM
 * {@code P_f_eK}, the mean forget gate over those sequences, steps and units, and {@code P_fmax_eK}, the forget gate
 * of the unit that keeps most (its mean over sequences and steps).</li>
 * </ul>
 */
public final class TrainingRuns {
    private TrainingRuns() {
    }

    /**
     * What to train. {@code steps} is the task's length parameter; {@code trainSize} and {@code validationSize} keep
     * the first sequences of the task's data (0: all); {@code recurrentScale} multiplies W_hh after initialisation;
     * {@code longSteps} > 0 also scores the model on data of that length; {@code gradient} measures the gradient
     * reaching the first step after every epoch on {@code gradientSequences} validation sequences.
     */
    public record Spec(String task, int steps, int hidden, int epochs, int trainSize, int validationSize, int batch,
                       String optimizer, double learningRate, double clip, long seed, String init,
                       double recurrentScale, int longSteps, boolean gradient, int gradientSequences) {
    }

    /** One finished run: the numbers it defines, its trained model and data, and the loss after each epoch. */
    public record Run(String prefix, CellType cell, SequenceModel model, Dataset data, Map<String, Double> numbers,
                      List<Double> epochLoss) {
        /** The first validation sequence with its target, as a batch of one (what the debugger opens). */
        public Batch firstValidation() {
            return Batches.toBatch(List.of(data.validation().get(0)), data.head(), data.outputSize());
        }
    }

    /** Trains every cell of a {@code train} or {@code compare} action. */
    public static List<Run> run(Action.Train a) {
        List<Run> runs = new ArrayList<>();
        for (CellType cell : a.cells()) {
            String prefix = a.comparison() ? a.name() + "_" + key(cell) : a.name();
            runs.add(run(prefix, cell, a.spec()));
        }
        return runs;
    }

    /** The cell's id as it appears in a number's name: {@code rnn_tanh}, {@code lstm_squashed_cell}. */
    public static String key(CellType cell) {
        return cell.id().replace('-', '_');
    }

    static Task task(String name) {
        return Tasks.byName(name);
    }

    static Run run(String prefix, CellType cell, Spec s) {
        Task task = task(s.task());
        Dataset full = task.generate(s.steps(), s.seed());
        Dataset data = subset(full, s.trainSize(), s.validationSize());
        ModelSpec spec = task.model(data, cell, s.hidden(), 1);
        SequenceModel model = new SequenceModel(spec);
        Initializers.Scheme scheme = s.init().equals("torch") ? Initializers.Scheme.TORCH : Initializers.Scheme.KERAS;
        Initializers.initialize(model, scheme, s.seed());
        if (s.recurrentScale() != 1.0) {
            for (double[] w : List.of(model.rnn().layer(0).weightHh().data())) {
                for (int i = 0; i < w.length; i++) {
                    w[i] *= s.recurrentScale();
                }
            }
        }
        TrainingConfig config = new TrainingConfig(s.epochs(), s.batch(), org.lstmlab.engine.optim.OptimizerKind.parse(s.optimizer()), s.learningRate(),
                s.init().equals("torch") ? Flavour.TORCH : Flavour.KERAS, 0.0, s.clip(), s.seed(), 1, 1, scheme, org.lstmlab.engine.math.Precision.FLOAT64);
        Map<String, Double> n = new LinkedHashMap<>();
        List<Double> epochLoss = new ArrayList<>();
        if (s.gradient()) {
            gradient(model, data, s.gradientSequences(), n, prefix, 0);
        }
        boolean diverged = false;
        double first = Double.NaN;
        double max = 0;
        try (Trainer trainer = new Trainer(model, data, config)) {
            int epoch = 0;
            while (!trainer.finished()) {
                StepResult r = trainer.step();
                if (Double.isNaN(first)) {
                    first = r.gradNorm();
                }
                max = Double.isFinite(r.gradNorm()) ? Math.max(max, r.gradNorm()) : Double.POSITIVE_INFINITY;
                if (trainer.epoch() > epoch) {
                    epoch = trainer.epoch();
                    epochLoss.add(Trainer.evaluate(model, data, data.validation(), s.batch()).loss());
                    if (s.gradient()) {
                        gradient(model, data, s.gradientSequences(), n, prefix, epoch);
                    }
                }
            }
        } catch (TrainingHaltedException e) {
            diverged = true;
        }
        TaskScore score = task.score(Trainer.evaluate(model, data, data.validation(), s.batch()));
        n.put(prefix + "_accuracy", score.accuracy());
        n.put(prefix + "_solved", score.solved() ? 1.0 : 0.0);
        n.put(prefix + "_loss", Trainer.evaluate(model, data, data.validation(), s.batch()).loss());
        n.put(prefix + "_diverged", diverged ? 1.0 : 0.0);
        n.put(prefix + "_first_grad_norm", first);
        n.put(prefix + "_max_grad_norm", max);
        if (s.longSteps() > 0) {
            Dataset longData = subset(task.generate(s.longSteps(), s.seed() + 1), 1, s.validationSize());
            n.put(prefix + "_long_accuracy",
                    task.score(Trainer.evaluate(model, longData, longData.validation(), s.batch())).accuracy());
        }
        return new Run(prefix, cell, model, data, n, epochLoss);
    }

    private static Dataset subset(Dataset d, int train, int validation) {
        List<Sample> tr = train > 0 && train < d.train().size() ? d.train().subList(0, train) : d.train();
        List<Sample> va = validation > 0 && validation < d.validation().size()
                ? d.validation().subList(0, validation) : d.validation();
        return new Dataset(d.name(), tr, va, d.inputSize(), d.outputSize(), d.head(), d.loss(), d.vocabulary());
    }

    /**
     * log₁₀‖∂L_s/∂h₁‖ averaged over the first {@code count} validation sequences s (each sequence's own loss: the
     * batch loss is their mean, so its gradient is scaled back by B), and the mean forget gate for an LSTM.
     */
    static void gradient(SequenceModel model, Dataset data, int count, Map<String, Double> out, String prefix,
                         int epoch) {
        List<Sample> part = data.validation().subList(0, Math.min(count, data.validation().size()));
        SequenceModel probe = model.replica();
        Batch b = Batches.toBatch(part, data.head(), data.outputSize());
        probe.forward(b);
        probe.zeroGrad();
        probe.backward();
        int h = model.spec().hiddenSize();
        int batch = part.size();
        LayerGrads g = probe.rnn().grads(0);
        double sum = 0;
        for (int s = 0; s < batch; s++) {
            double sq = 0;
            for (int j = 0; j < h; j++) {
                double v = g.dh()[s * h + j] * batch;
                sq += v * v;
            }
            sum += Math.log10(Math.sqrt(sq));
        }
        out.put(prefix + "_grad_e" + epoch, sum / batch);
        if (model.spec().cell().hasCellState()) {
            LayerTrace tr = probe.rnn().trace(0);
            double[] perUnit = new double[h];
            int steps = tr.steps();
            for (int t = 0; t < steps; t++) {
                for (int s = 0; s < batch; s++) {
                    int row = (t * batch + s) * 4 * h;
                    for (int j = 0; j < h; j++) {
                        perUnit[j] += tr.gates()[row + h + j] / (steps * batch);
                    }
                }
            }
            double mean = 0;
            double max = 0;
            for (double f : perUnit) {
                mean += f / h;
                max = Math.max(max, f);
            }
            out.put(prefix + "_f_e" + epoch, mean);
            out.put(prefix + "_fmax_e" + epoch, max);
        }
    }

    /** The parameter values of a run's model, in {@code SequenceModel.parameters()} order. */
    static List<double[]> values(SequenceModel m) {
        List<double[]> out = new ArrayList<>();
        for (Param p : m.parameters()) {
            out.add(p.data().clone());
        }
        return out;
    }

    static String describe(Spec s) {
        return String.format(Locale.ROOT, "%s T=%d H=%d epochs=%d", s.task(), s.steps(), s.hidden(), s.epochs());
    }
}
