package org.lstmlab.engine.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import org.lstmlab.engine.data.Dataset;
import org.lstmlab.engine.data.Sample;
import org.lstmlab.engine.data.Splits;
import org.lstmlab.engine.io.CheckpointFile;
import org.lstmlab.engine.math.Precision;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.nn.Embedding;
import org.lstmlab.engine.nn.Initializers;
import org.lstmlab.engine.nn.ModelSpec;
import org.lstmlab.engine.nn.SequenceModel;
import org.lstmlab.engine.tasks.SeriesTask;
import org.lstmlab.engine.tasks.Task;
import org.lstmlab.engine.tasks.TaskScore;
import org.lstmlab.engine.tasks.UserData;
import org.lstmlab.engine.text.Message;
import org.lstmlab.engine.text.Refusal;
import org.lstmlab.engine.train.Evaluation;
import org.lstmlab.engine.train.StepResult;
import org.lstmlab.engine.train.Trainer;
import org.lstmlab.engine.train.TrainingConfig;
import org.lstmlab.engine.train.TrainingMemory;

/**
 * One training run, the only epoch loop there is: the command line's {@code train} and {@code compare}, the Train
 * tab and the Compare tab all drive it, so the same task, model and config give the same numbers everywhere.
 *
 * <p>It makes the task's data, builds and initialises the model (or takes a checkpoint's), trains batch by batch,
 * and at the end of every epoch evaluates the validation set and asks the task for its verdict. Steps whose loss,
 * gradient or update is not finite are skipped, and a run of them halts training with the weights of the last
 * good step ({@link org.lstmlab.engine.train.TrainingHaltedException}). {@link #snapshot()} copies what a
 * checkpoint needs to resume exactly.
 *
 * <p>From plain Java (a lesson, a test):
 * <pre>{@code
 * try (TrainingSession s = TrainingSession.builder(Tasks.byName("adding"))
 *         .cell(CellType.GRU).seqLen(50).configure(c -> c.epochs(3)).build()) {
 *     for (EpochReport r : s.run(SessionObserver.NONE)) {
 *         System.out.println(r.epoch() + " " + r.valLoss() + " " + r.solved());
 *     }
 * }
 * }</pre>
 *
 * <p>Not thread-safe: one thread drives it; {@link #stop()} may be called from any thread and ends
 * {@link #run} at the next step boundary.
 */
public final class TrainingSession implements AutoCloseable {
    /** The widest layer and the deepest stack a run may ask for. */
    public static final int MAX_HIDDEN = 4096;
    public static final int MAX_LAYERS = 32;
    /** The widest embedding table row a run may ask for ({@link Builder#embedding}). */
    public static final int MAX_EMBEDDING = 4096;

    private final Task task;
    private final Dataset data;
    private final RunRecord record;
    private final Trainer trainer;
    private final WeightChange weightChange;
    private final List<EpochReport> epochs = new ArrayList<>();
    private volatile boolean stopRequested;
    private long steps;
    private double epochLossSum;
    private long epochLossCount;
    private long epochStart = System.nanoTime();
    private Optional<String> dataDigest;   // null until a snapshot asks for it

    private TrainingSession(Task task, Dataset data, RunRecord record, Trainer trainer, long steps) {
        this.task = task;
        this.data = data;
        this.record = record;
        this.trainer = trainer;
        this.steps = steps;
        this.weightChange = new WeightChange(trainer.model().parameters());
    }

    /** A session on {@code task} with the task's defaults: its length, hidden size and training settings. */
    public static Builder builder(Task task) {
        return new Builder(task);
    }

    public Task task() {
        return task;
    }

    public Dataset data() {
        return data;
    }

    /** What the run is made of, as a checkpoint records it. */
    public RunRecord record() {
        return record;
    }

    public TrainingConfig config() {
        return trainer.config();
    }

    /** The model being trained; read it only between steps, on the thread that drives the session. */
    public SequenceModel model() {
        return trainer.model();
    }

    /** The trainer underneath, for probes that read the model between steps. */
    public Trainer trainer() {
        return trainer;
    }

    /** 0-based epoch of the next step. */
    public int epoch() {
        return trainer.epoch();
    }

    /** 0-based batch within the epoch of the next step. */
    public int batchIndex() {
        return trainer.batchIndex();
    }

    public int batchesPerEpoch() {
        return trainer.batchesPerEpoch();
    }

    /** Steps trained so far, skipped ones included (counted from the start of the run when resumed). */
    public long steps() {
        return steps;
    }

    public long skippedSteps() {
        return trainer.skippedSteps();
    }

    /** Every epoch has been trained. */
    public boolean finished() {
        return trainer.finished();
    }

    /** The epochs finished so far in this session, in order. */
    public List<EpochReport> epochs() {
        return List.copyOf(epochs);
    }

    /** The last finished epoch, or null. */
    public EpochReport lastEpoch() {
        return epochs.isEmpty() ? null : epochs.get(epochs.size() - 1);
    }

    /** One step and, when it ended an epoch, that epoch's report (else null). */
    public record Step(StepResult result, EpochReport epochEnded) {
    }

    /**
     * Trains the next batch; at the end of an epoch, evaluates the validation set and scores it.
     *
     * @throws org.lstmlab.engine.train.TrainingHaltedException after too many bad steps in a row
     */
    public Step step() {
        int before = trainer.epoch();
        StepResult r = trainer.step();
        steps++;
        if (!r.skipped()) {
            epochLossSum += r.loss() * r.samples();
            epochLossCount += r.samples();
        }
        EpochReport report = null;
        if (trainer.epoch() != before) {
            Evaluation val = trainer.evaluate(data.validation());
            TaskScore score = task.score(val);
            long now = System.nanoTime();
            report = new EpochReport(before + 1, epochLossCount == 0 ? Double.NaN : epochLossSum / epochLossCount,
                    val.loss(), score, steps, trainer.skippedSteps(), (now - epochStart) / 1e9,
                    weightChange.measure(trainer.model().parameters()));
            epochs.add(report);
            epochLossSum = 0;
            epochLossCount = 0;
            epochStart = now;
        }
        return new Step(r, report);
    }

    /**
     * Trains until every epoch is done or {@link #stop()} is called, telling the observer after each step and each
     * epoch; returns the epochs finished.
     */
    public List<EpochReport> run(SessionObserver observer) {
        while (!finished() && !stopRequested) {
            if (Thread.currentThread().isInterrupted()) {
                stopRequested = true;
                break;
            }
            Step s = step();
            observer.onStep(this, s.result());
            if (s.epochEnded() != null) {
                observer.onEpoch(this, s.epochEnded());
            }
        }
        return epochs();
    }

    /** Ends {@link #run} at the next step boundary; safe from any thread. */
    public void stop() {
        stopRequested = true;
    }

    /** The model's loss and predictions on samples (no gradient, no update); between steps only. */
    public Evaluation evaluate(List<Sample> samples) {
        return trainer.evaluate(samples);
    }

    /** The fingerprint of data made from a file, computed once (its data do not change during a session). */
    private String dataDigest() {
        if (dataDigest == null) {
            dataDigest = Optional.ofNullable(task.dataDigest());
        }
        return dataDigest.orElse(null);
    }

    /** A copy of everything a model file or a checkpoint needs, taken now (between steps). */
    public RunSnapshot snapshot() {
        return new RunSnapshot(trainer.model().copy(), trainer.config(), task.name(), data.vocabulary(),
                trainer.optimizer().state(), trainer.epoch(), trainer.batchIndex(), record,
                task instanceof SeriesTask series ? series.scaling() : null, dataDigest());
    }

    @Override
    public void close() {
        trainer.close();
    }

    /** Chooses the data, the model and the training settings of a session; {@link #build()} makes it. */
    public static final class Builder {
        private final Task task;
        private int seqLen;
        private CellType cell = CellType.LSTM;
        private int hidden;
        private int layers = 1;
        private int embedding;
        private TrainingConfig config;
        private double validationSplit = Double.NaN;
        private int trainLimit;
        private int validationLimit;
        private Consumer<SequenceModel> initialWeights = m -> { };
        private UserData.Request data;
        private CheckpointFile.Loaded resume;

        private Builder(Task task) {
            if (task == null) {
                throw new IllegalArgumentException("a session needs a task");
            }
            this.task = task;
            this.hidden = task.defaultHidden();
            this.config = task.defaults();
        }

        /** The sequence length; 0 (the default) for the task's own. */
        public Builder seqLen(int t) {
            seqLen = t;
            return this;
        }

        public Builder cell(CellType c) {
            cell = c;
            return this;
        }

        public Builder hidden(int h) {
            hidden = h;
            return this;
        }

        /**
         * The precision of the recurrent layers' matrix products in training (float64 unless asked); part of the
         * config, so set it after {@link #config}.
         */
        public Builder precision(Precision p) {
            config = config.toBuilder().precision(java.util.Objects.requireNonNull(p)).build();
            return this;
        }

        public Builder layers(int n) {
            layers = n;
            return this;
        }

        /**
         * Reads the task's token ids through an embedding table of rows of {@code size} values,
         * {@code nn.Embedding(V, size)} before the first recurrent layer, trained with the rest, instead of as
         * one-hot vectors; 0 (the default) for one-hot. Only a task whose inputs are tokens takes one.
         */
        public Builder embedding(int size) {
            embedding = size;
            return this;
        }

        /** The whole training config (the default is the task's). */
        public Builder config(TrainingConfig c) {
            config = c;
            return this;
        }

        /** Changes the config so far, e.g. {@code configure(c -> c.epochs(3).threads(2))}. */
        public Builder configure(UnaryOperator<TrainingConfig.Builder> change) {
            config = change.apply(config.toBuilder()).build();
            return this;
        }

        /** The fraction held out for validation; NaN (the default) for the task's own split. */
        public Builder validationSplit(double fraction) {
            validationSplit = fraction;
            return this;
        }

        /** Train on the first {@code n} training samples only (0, the default: all of them). */
        public Builder trainLimit(int n) {
            trainLimit = n;
            return this;
        }

        /**
         * Validate on the first {@code n} validation samples only (0, the default: all of them): a cheaper verdict,
         * as the lessons' quoted runs use.
         */
        public Builder validationLimit(int n) {
            validationLimit = n;
            return this;
        }

        /**
         * Changes the freshly initialised weights before training starts (not a resumed checkpoint's), e.g. scales
         * W_hh to make a network whose gradients explode. What it does is not recorded: a checkpoint of such a run
         * resumes exactly, since it stores the weights, but {@link #record()} alone does not rebuild it.
         */
        public Builder initialWeights(Consumer<SequenceModel> change) {
            initialWeights = java.util.Objects.requireNonNull(change);
            return this;
        }

        /** Records that the task was made from the user's file, so that a checkpoint can read it again. */
        public Builder userData(UserData.Request request) {
            data = request;
            return this;
        }

        /**
         * Continues a checkpoint: its weights, config, optimizer state and position (an empty optimizer state, as
         * a model file gives, trains the weights further with a fresh optimizer from epoch 1).
         */
        public Builder resume(CheckpointFile.Loaded checkpoint) {
            resume = checkpoint;
            if (checkpoint != null) {
                ModelSpec s = checkpoint.model().spec();
                cell = s.cell();
                hidden = s.hiddenSize();
                layers = s.numLayers();
                embedding = checkpoint.model().embedding() == null ? 0 : s.inputSize();
                config = checkpoint.config();
            }
            return this;
        }

        /** What the session will be made of. */
        public RunRecord record() {
            return new RunRecord(task.name(), seqLen, cell, hidden, layers, validationSplit, trainLimit,
                    validationLimit, data, embedding);
        }

        /**
         * Checks the sizes, makes the data, checks the memory the run needs against what Java may use, and builds
         * and initialises the model (or restores the checkpoint's).
         *
         * @throws IllegalArgumentException naming the setting that is out of range, or the memory needed and the
         *                                  limit
         */
        public TrainingSession build() {
            if (hidden < 1 || hidden > MAX_HIDDEN) {
                throw Refusal.of("engine.train.hidden", Integer.toString(MAX_HIDDEN), Integer.toString(hidden));
            }
            if (layers < 1 || layers > MAX_LAYERS) {
                throw Refusal.of("engine.train.layers", Integer.toString(MAX_LAYERS), Integer.toString(layers));
            }
            checkEmbedding(task, embedding);
            if (trainLimit < 0) {
                throw new IllegalArgumentException("the training sample limit must be 0 (all) or positive, got "
                        + trainLimit);
            }
            if (validationLimit < 0) {
                throw new IllegalArgumentException("the validation sample limit must be 0 (all) or positive, got "
                        + validationLimit);
            }
            if (seqLen != 0) {
                checkLength(task, seqLen);
            }
            Dataset d = task.generate(seqLen, config.seed());
            if (!Double.isNaN(validationSplit)) {
                d = Splits.resplit(d, validationSplit);
            }
            d = limited(d, trainLimit, validationLimit);
            ModelSpec spec = task.model(d, cell, hidden, layers);
            int vocabulary = spec.inputSize();
            if (embedding > 0) {
                if (!d.train().get(0).isOneHot()) {
                    throw tokensOnly(task);
                }
                spec = new ModelSpec(spec.cell(), embedding, spec.hiddenSize(), spec.numLayers(), spec.outputSize(),
                        spec.head(), spec.loss());
            }
            int longest = 0;
            for (Sample s : d.train()) {
                longest = Math.max(longest, s.steps());
            }
            TrainingMemory.check(spec, longest, Math.min(config.batchSize(), Math.max(d.train().size(),
                    d.validation().size())), config.shards(), config.precision());
            SequenceModel model;
            if (resume != null) {
                model = resume.model();
                if (!model.spec().equals(spec)) {
                    throw Refusal.of("engine.session.modelMismatch", task.title(), sizes(model.spec()), sizes(spec));
                }
            } else {
                model = embedding > 0 ? SequenceModel.withEmbedding(spec, vocabulary, Embedding.NO_PADDING)
                        : new SequenceModel(spec);
                Initializers.initialize(model, config.init(), config.seed());
                initialWeights.accept(model);
            }
            Trainer trainer = new Trainer(model, d, config);
            long done = 0;
            if (resume != null) {
                try {
                    if (!resume.optimizerState().isEmpty()) {
                        trainer.optimizer().restore(resume.optimizerState());
                    }
                    trainer.seek(resume.epoch(), resume.batch());
                } catch (RuntimeException e) {
                    trainer.close();
                    throw e;
                }
                done = (long) resume.epoch() * trainer.batchesPerEpoch() + resume.batch();
            }
            return new TrainingSession(task, d, record(), trainer, done);
        }
    }

    /** The first {@code train} training and {@code validation} validation samples (0: all of them). */
    /** What a model reads and gives, in words: its inputs per step, its outputs, and at which steps. */
    private static Message sizes(ModelSpec spec) {
        return Message.of("engine.session.sizes", spec.inputSize(), spec.outputSize(),
                Message.of("engine.session.head." + spec.head().name().toLowerCase(java.util.Locale.ROOT)));
    }

    private static Dataset limited(Dataset d, int train, int validation) {
        boolean cutTrain = train > 0 && train < d.train().size();
        boolean cutValidation = validation > 0 && validation < d.validation().size();
        if (!cutTrain && !cutValidation) {
            return d;
        }
        return new Dataset(d.name(), cutTrain ? d.train().subList(0, train) : d.train(),
                cutValidation ? d.validation().subList(0, validation) : d.validation(), d.inputSize(),
                d.outputSize(), d.head(), d.loss(), d.vocabulary());
    }

    /**
     * Refuses an embedding size ({@link Builder#embedding}) outside 0..{@link #MAX_EMBEDDING}, and any embedding for
     * a task whose inputs are not tokens, naming the task.
     */
    public static void checkEmbedding(Task task, int size) {
        if (size < 0 || size > MAX_EMBEDDING) {
            throw Refusal.of("engine.train.embedding", Integer.toString(MAX_EMBEDDING), Integer.toString(size));
        }
        if (size > 0 && !task.readsTokens()) {
            throw tokensOnly(task);
        }
    }

    /** The refusal of an embedding for {@code task}, naming the tasks that read tokens. */
    private static IllegalArgumentException tokensOnly(Task task) {
        return Refusal.of("engine.train.embeddingTokens", task.title(), org.lstmlab.engine.text.NameList.of(
                org.lstmlab.engine.tasks.Tasks.all().stream().filter(Task::readsTokens).map(Task::name).toList()));
    }

    /**
     * Refuses a sequence length the task does not take, naming the task's range; a task with one fixed length
     * (reber, sentiment, a CSV file) takes none.
     */
    public static void checkLength(Task task, int seqLen) {
        if (!task.lengthAdjustable()) {
            throw task.defaultSteps() > 0
                    ? Refusal.of("engine.task.fixedLength", task.title(), Integer.toString(task.defaultSteps()))
                    : Refusal.of("engine.task.ownLengths", task.title());
        }
        if (seqLen < task.minSteps() || seqLen > task.maxSteps()) {
            throw Refusal.of("engine.task.lengths", task.title(), Integer.toString(task.minSteps()),
                    Integer.toString(task.maxSteps()), Integer.toString(seqLen));
        }
    }
}
