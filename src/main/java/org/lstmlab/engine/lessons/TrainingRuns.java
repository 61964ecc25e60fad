package org.lstmlab.engine.lessons;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.lstmlab.engine.data.Batches;
import org.lstmlab.engine.data.Dataset;
import org.lstmlab.engine.data.Sample;
import org.lstmlab.engine.nn.Batch;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.nn.LayerTrace;
import org.lstmlab.engine.nn.SequenceModel;
import org.lstmlab.engine.optim.Flavour;
import org.lstmlab.engine.optim.OptimizerKind;
import org.lstmlab.engine.session.Checkup;
import org.lstmlab.engine.session.EpochReport;
import org.lstmlab.engine.session.GradientReach;
import org.lstmlab.engine.session.SessionObserver;
import org.lstmlab.engine.session.TrainingSession;
import org.lstmlab.engine.tasks.CharLmTask;
import org.lstmlab.engine.tasks.Task;
import org.lstmlab.engine.tasks.TaskScore;
import org.lstmlab.engine.tasks.Tasks;
import org.lstmlab.engine.train.StepResult;
import org.lstmlab.engine.train.TrainingConfig;
import org.lstmlab.engine.train.TrainingHaltedException;

/**
 * The lessons' small training runs and comparisons, each a {@link TrainingSession}: the epoch loop the command line,
 * the Train tab and the Compare tab drive, so a lesson's run is what {@code train} would give with the same settings.
 *
 * <p>A run of cell {@code C} stored as {@code P} (the run's name, or {@code name_C} in a comparison, with the cell's
 * id written with underscores) defines these numbers:
 * <ul>
 * <li>{@code P_accuracy}, {@code P_solved} (1 or 0), {@code P_loss}: the task's verdict on the validation set;
 * {@code P_baseline}: what the task's naive predictor gets on the verdict's metric there (repeating the last value's
 * MSE for a forecast, the majority's accuracy, ...; NaN for a task with none);</li>
 * <li>{@code P_train_size}, {@code P_validation_size}, {@code P_epochs}, {@code P_batch}, {@code P_hidden}: the
 * sequences it was trained and scored on, the epochs asked for, its batch size and its units (what a lesson's text
 * says about the run comes from the run);</li>
 * <li>{@code P_diverged}: 1 when training stopped because the loss or gradient was not finite, else 0;</li>
 * <li>{@code P_first_grad_norm}, {@code P_max_grad_norm}: the global gradient norm (before clipping) of the first
 * step and the largest of the run;</li>
 * <li>the checkup that {@code train} prints after the run: {@code P_signs}, how many warning signs it shows,
 * {@code P_sign_S} (1 or 0) for each sign S ({@code P_sign_saturated}, {@code P_sign_vanishing},
 * {@code P_sign_no_better_than_baseline}, ...), and what its probe batch measured of the first layer:
 * {@code P_saturated}, the share of saturated gate values, and {@code P_reach}, log₁₀ of the gradient reaching
 * t = 1 over the largest one reaching a step;</li>
 * <li>{@code P_train_loss}: the training loss of the last epoch (the mean over its batches, as the Train tab draws
 * it); {@code P_loss_eK} and {@code P_train_loss_eK}: the validation and training loss after epoch K, K = 1 …
 * epochs (NaN after a run that stopped before K); {@code P_best_epoch} and {@code P_best_loss}: the epoch of the
 * lowest validation loss (the earliest of equals) and that loss, what stopping there would have kept;
 * {@code P_params}: the model's parameters, its Dense head's included; {@code P_steps}: the task's length;</li>
 * <li>for the task {@code charlm}: {@code P_symbols}, the softmax's symbols (the text's alphabet), and
 * {@code P_characters} and {@code P_validation_characters}, the text's length and how many of its last characters
 * the validation windows are drawn from (the training windows come from the rest);</li>
 * <li>with {@code long-steps}: {@code P_long_accuracy}, the accuracy on sequences of that length;</li>
 * <li>with {@code gradient}: {@code P_grad_eK}, the mean over the validation sequences of log₁₀‖∂L/∂h₁‖ (the
 * gradient of each sequence's loss reaching the first step) after K epochs, K = 0 … epochs, with
 * {@code P_accuracy_eK}, the task's accuracy on the validation set then; for an LSTM also {@code P_f_eK}, the mean
 * forget gate over those sequences, steps and units, {@code P_fmax_eK}, the forget gate of the unit that keeps most
 * (its mean over sequences and steps), and {@code P_cpath_eK}, log₁₀ of the cell path's own factor from the last
 * step back to the first, ∏_{t=2}^{T} f_t[j] (δc_1 = δc_T ⊙ that product when nothing else adds to it), for the unit
 * j where it is largest (the mean of the log over the sequences).</li>
 * </ul>
 */
public final class TrainingRuns {
    /** The bundled texts a character model's run may read instead of the sonnets, each {@code datasets/NAME.txt}. */
    static final List<String> TEXTS = List.of("jabberwocky");

    private TrainingRuns() {
    }

    /**
     * The run's task: the built-in one, or the character model on the bundled text the spec names (the Train tab
     * gets the same task from a {@code train-tab} action).
     */
    public static Task task(Spec s) {
        return s.text() == null ? Tasks.byName(s.task()) : CharLmTask.bundled(s.text());
    }

    /**
     * What to train. {@code steps} is the task's length parameter; {@code trainSize} and {@code validationSize} keep
     * the first sequences of the task's data (0: all); {@code recurrentScale} multiplies W_hh after initialisation;
     * {@code longSteps} > 0 also scores the model on data of that length; {@code gradient} measures the gradient
     * reaching the first step after every epoch on {@code gradientSequences} validation sequences; {@code text}
     * (the task {@code charlm} only) names a bundled text of {@link #TEXTS} to read instead of the sonnets, or is
     * null; {@code layout} is {@code batch-first} (the batch as the model should read it) or {@code time-first}
     * (a PyTorch tutorial's mistake, {@link SequenceModel#readDim0AsTime}: lesson runs only); {@code read} is
     * {@code lengths} (a padded task's head reads h at each sequence's real last step) or {@code last-step} (h
     * after the padding, {@code out[:, -1]}, another tutorials' mistake, {@link SequenceModel#readLastStep}: lesson
     * runs only).
     */
    public record Spec(String task, int steps, int hidden, int epochs, int trainSize, int validationSize, int batch,
                       String optimizer, double learningRate, double clip, long seed, String init,
                       double recurrentScale, int longSteps, boolean gradient, int gradientSequences, String text,
                       String layout, String read) {
        /** Whether the run reproduces the tutorials' time-first reading of a (B, T, D) batch. */
        public boolean timeFirst() {
            return layout.equals("time-first");
        }

        /** Whether the run's head reads h after the padding of a padded batch, ignoring the lengths. */
        public boolean lastStep() {
            return read.equals("last-step");
        }

        /** The training config: the optimizer, the flavour the initialisation names, one thread. */
        public TrainingConfig config() {
            return TrainingConfig.builder().epochs(epochs).batchSize(batch).optimizer(OptimizerKind.parse(optimizer))
                    .learningRate(learningRate).flavour(init.equals("torch") ? Flavour.TORCH : Flavour.KERAS)
                    .clipNorm(clip).seed(seed).threads(1).shards(1).build();
        }
    }

    /** One finished run: the numbers it defines, its trained model and data, and the loss after each epoch. */
    public record Run(String prefix, CellType cell, SequenceModel model, Dataset data, Map<String, Double> numbers,
                      List<Double> epochLoss) {
        /**
         * The first validation sequence with its target, as a batch of one (what the debugger opens; a padded
         * sequence without its padding).
         */
        public Batch firstValidation() {
            return Batches.toBatch(List.of(data.validation().get(0).unpadded()), data.head(), data.outputSize());
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

    /** The names of the numbers a run of {@code cell} stored as {@code prefix} defines (listed above). */
    static List<String> names(String prefix, CellType cell, Spec spec) {
        List<String> out = new ArrayList<>();
        for (String s : List.of("accuracy", "solved", "loss", "baseline", "diverged", "first_grad_norm",
                "max_grad_norm", "train_size", "validation_size", "epochs", "batch", "hidden", "train_loss",
                "best_epoch", "best_loss", "params", "steps")) {
            out.add(prefix + "_" + s);
        }
        if (spec.task().equals("charlm")) {
            out.addAll(List.of(prefix + "_symbols", prefix + "_characters", prefix + "_validation_characters"));
        }
        for (int e = 1; e <= spec.epochs(); e++) {
            out.add(prefix + "_loss_e" + e);
            out.add(prefix + "_train_loss_e" + e);
        }
        out.addAll(List.of(prefix + "_signs", prefix + "_saturated", prefix + "_reach"));
        for (Checkup.Sign sign : Checkup.Sign.values()) {
            out.add(prefix + "_sign_" + sign.id());
        }
        if (spec.longSteps() > 0) {
            out.add(prefix + "_long_accuracy");
        }
        for (int e = 0; spec.gradient() && e <= spec.epochs(); e++) {
            out.add(prefix + "_grad_e" + e);
            out.add(prefix + "_accuracy_e" + e);
            if (cell.hasCellState()) {
                out.addAll(List.of(prefix + "_f_e" + e, prefix + "_fmax_e" + e, prefix + "_cpath_e" + e));
            }
        }
        return out;
    }

    /** The cell's id as it appears in a number's name: {@code rnn_tanh}, {@code lstm_squashed_cell}. */
    public static String key(CellType cell) {
        return cell.id().replace('-', '_');
    }

    static Run run(String prefix, CellType cell, Spec s) {
        Task task = task(s);
        Map<String, Double> n = new LinkedHashMap<>();
        List<Double> epochLoss = new ArrayList<>();
        double[] gradNorms = {Double.NaN, 0};   // the first step's and the largest
        TrainingSession.Builder b = TrainingSession.builder(task).seqLen(s.steps()).cell(cell).hidden(s.hidden())
                .layers(1).config(s.config()).trainLimit(s.trainSize()).validationLimit(s.validationSize());
        b.initialWeights(m -> {
            if (s.recurrentScale() != 1.0) {
                scale(m.rnn().layer(0).weightHh().data(), s.recurrentScale());
            }
            m.readDim0AsTime(s.timeFirst());
            m.readLastStep(s.lastStep());
        });
        try (TrainingSession session = b.build()) {
            Checkup checkup = Checkup.of(session);
            if (s.gradient()) {
                gradient(session.model(), session.data(), s.gradientSequences(), n, prefix, 0);
                n.put(prefix + "_accuracy_e0", task.score(session.evaluate(session.data().validation())).accuracy());
            }
            boolean diverged = false;
            try {
                session.run(new SessionObserver() {
                    @Override
                    public void onStep(TrainingSession t, StepResult r) {
                        checkup.record(r);
                        if (Double.isNaN(gradNorms[0])) {
                            gradNorms[0] = r.gradNorm();
                        }
                        gradNorms[1] = Double.isFinite(r.gradNorm()) ? Math.max(gradNorms[1], r.gradNorm())
                                : Double.POSITIVE_INFINITY;
                    }

                    @Override
                    public void onEpoch(TrainingSession t, EpochReport e) {
                        checkup.record(e);
                        epochLoss.add(e.valLoss());
                        n.put(prefix + "_loss_e" + e.epoch(), e.valLoss());
                        n.put(prefix + "_train_loss_e" + e.epoch(), e.trainLoss());
                        if (s.gradient()) {
                            gradient(t.model(), t.data(), s.gradientSequences(), n, prefix, e.epoch());
                            n.put(prefix + "_accuracy_e" + e.epoch(), e.valAccuracy());
                        }
                    }
                });
            } catch (TrainingHaltedException e) {
                diverged = true;
            }
            EpochReport last = session.finished() ? session.lastEpoch() : null;
            double loss;
            TaskScore score;
            if (last != null) {
                loss = last.valLoss();
                score = last.score();
            } else {   // halted: the verdict on the weights of the last good step
                var val = session.evaluate(session.data().validation());
                loss = val.loss();
                score = task.score(val);
            }
            n.put(prefix + "_accuracy", score.accuracy());
            n.put(prefix + "_solved", score.solved() ? 1.0 : 0.0);
            n.put(prefix + "_loss", loss);
            n.put(prefix + "_baseline", score.baselineValue());
            n.put(prefix + "_diverged", diverged ? 1.0 : 0.0);
            n.put(prefix + "_train_size", (double) session.data().train().size());
            n.put(prefix + "_validation_size", (double) session.data().validation().size());
            n.put(prefix + "_epochs", (double) s.epochs());
            n.put(prefix + "_batch", (double) s.batch());
            n.put(prefix + "_hidden", (double) s.hidden());
            n.put(prefix + "_steps", (double) s.steps());
            n.put(prefix + "_train_loss", last != null ? last.trainLoss() : Double.NaN);
            epochNumbers(epochLoss, s.epochs(), n, prefix);
            n.put(prefix + "_params", (double) session.model().parameters().stream().mapToInt(p -> p.size()).sum());
            if (task instanceof CharLmTask c) {
                n.put(prefix + "_symbols", (double) session.data().outputSize());
                n.put(prefix + "_characters", (double) c.characters());
                n.put(prefix + "_validation_characters", (double) c.validationCharacters(s.steps()));
            }
            n.put(prefix + "_first_grad_norm", gradNorms[0]);
            n.put(prefix + "_max_grad_norm", gradNorms[1]);
            checkupNumbers(checkup, session, n, prefix);
            if (s.longSteps() > 0) {
                Dataset longData = task.generate(s.longSteps(), s.seed() + 1);
                List<Sample> val = longData.validation();
                n.put(prefix + "_long_accuracy", task.score(session.evaluate(
                        val.subList(0, s.validationSize() > 0 ? Math.min(s.validationSize(), val.size())
                                : val.size()))).accuracy());
            }
            return new Run(prefix, cell, session.model(), session.data(), n, epochLoss);
        }
    }

    /** The checkup's signs after the run and what its probe batch measured (a replica: the model stays as trained). */
    private static void checkupNumbers(Checkup checkup, TrainingSession session, Map<String, Double> n,
                                       String prefix) {
        List<GradientReach.Measure> layers = GradientReach.layers(session.model().replica(),
                GradientReach.batch(session.data()));
        GradientReach.Measure m = layers.get(0);   // the lessons train one layer
        List<Checkup.Finding> signs = checkup.findings(layers);
        n.put(prefix + "_signs", (double) signs.size());
        for (Checkup.Sign sign : Checkup.Sign.values()) {
            n.put(prefix + "_sign_" + sign.id(),
                    signs.stream().anyMatch(f -> f.sign() == sign) ? 1.0 : 0.0);
        }
        n.put(prefix + "_saturated", m.saturated());
        double top = 0;
        for (double r : m.reach()) {
            top = Math.max(top, r);
        }
        n.put(prefix + "_reach", Math.log10(m.reach()[0] / top));
    }

    /** The best epoch (lowest validation loss, the earliest of equals) and NaN for the epochs a halt left out. */
    private static void epochNumbers(List<Double> epochLoss, int epochs, Map<String, Double> n, String prefix) {
        int best = 0;
        for (int e = 1; e <= epochs; e++) {
            n.putIfAbsent(prefix + "_loss_e" + e, Double.NaN);
            n.putIfAbsent(prefix + "_train_loss_e" + e, Double.NaN);
            if (e <= epochLoss.size() && (best == 0 || epochLoss.get(e - 1) < epochLoss.get(best - 1))) {
                best = e;
            }
        }
        n.put(prefix + "_best_epoch", best == 0 ? Double.NaN : best);
        n.put(prefix + "_best_loss", best == 0 ? Double.NaN : epochLoss.get(best - 1));
    }

    private static void scale(double[] w, double factor) {
        for (int i = 0; i < w.length; i++) {
            w[i] *= factor;
        }
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
        double[] dh = probe.rnn().grads(0).dh();  // a copy after a float32 pass: read it once
        double sum = 0;
        for (int s = 0; s < batch; s++) {
            double sq = 0;
            for (int j = 0; j < h; j++) {
                double v = dh[s * h + j] * batch;
                sq += v * v;
            }
            sum += Math.log10(Math.sqrt(sq));
        }
        out.put(prefix + "_grad_e" + epoch, sum / batch);
        if (model.spec().cell().hasCellState()) {
            LayerTrace tr = probe.rnn().trace(0);
            double[] perUnit = new double[h];
            double[] path = new double[h];   // Σ over sequences and steps 2..T of log₁₀ f, per unit
            int steps = tr.steps();
            double[] gates = tr.gates();  // a copy after a float32 pass: read it once
            for (int t = 0; t < steps; t++) {
                for (int s = 0; s < batch; s++) {
                    int row = (t * batch + s) * 4 * h;
                    for (int j = 0; j < h; j++) {
                        double f = gates[row + h + j];
                        perUnit[j] += f / (steps * batch);
                        if (t > 0) {
                            path[j] += Math.log10(f) / batch;
                        }
                    }
                }
            }
            double bestPath = Double.NEGATIVE_INFINITY;
            for (double p : path) {
                bestPath = Math.max(bestPath, p);
            }
            out.put(prefix + "_cpath_e" + epoch, bestPath);
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
}
