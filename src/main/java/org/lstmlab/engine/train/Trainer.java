package org.lstmlab.engine.train;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

import org.lstmlab.engine.data.Batches;
import org.lstmlab.engine.data.Dataset;
import org.lstmlab.engine.data.Sample;
import org.lstmlab.engine.nn.Batch;
import org.lstmlab.engine.nn.Param;
import org.lstmlab.engine.nn.SequenceModel;
import org.lstmlab.engine.nn.SharedWeightPacks;
import org.lstmlab.engine.optim.GradientClipping;
import org.lstmlab.engine.optim.Optimizer;

/**
 * Synchronous training: {@link #step()} trains one batch and returns. It owns no UI and no schedule; the command
 * line loops it, the Train tab's worker loops it between pause checks, tests call it directly.
 *
 * <p>Data parallel: every batch is split into a fixed number of shards ({@link TrainingConfig#shards()}), each run
 * forward and backward by its own replica of the model (shared weights, own gradients and buffers), on up to
 * {@link TrainingConfig#threads()} threads. Shard gradients are weighted by their share of the batch and summed in
 * shard order, so the result is bit-identical whatever the number of threads. The threads then share the reduce,
 * the gradient norm, the clipping and the optimizer's update, in fixed chunks of the parameters
 * ({@link StepUpdate}).
 *
 * <p>The model computes its matrix products in the config's {@link TrainingConfig#precision()}: the trainer sets it
 * on the model it is given.
 *
 * <p>A step whose loss or gradient norm is not finite changes no weight and is reported as skipped, and so is a
 * step whose update would make a weight infinite or NaN (a huge learning rate): its update is undone, so the
 * weights are always those of the last good step. After {@link #MAX_BAD_STEPS} such steps in a row,
 * {@link #step()} throws {@link TrainingHaltedException}.
 */
public final class Trainer implements AutoCloseable {
    public static final int MAX_BAD_STEPS = 3;
    /**
     * How long a waiting training thread spins before it parks: about a third of a W1 step, enough to cover the
     * gap between two steps (reduce, clipping, optimizer) and the difference between two shards' times.
     * {@code -Dlstmlab.spinMicros=N} sets it (0: park at once), for measuring the hand-off.
     */
    static final long SPIN_NANOS = Math.max(0, Long.getLong("lstmlab.spinMicros", 100)) * 1000;

    private final SequenceModel model;
    private final Dataset data;
    private final TrainingConfig config;
    private final Optimizer optimizer;
    private final List<SequenceModel> replicas = new ArrayList<>();
    private final SequenceModel lastGood;
    private final ShardWorkers workers;  // threads − 1 helpers, or null with one thread
    // reused step after step, so that a training step allocates (almost) nothing in the steady state
    private final SharedWeightPacks packs;  // the packed weights all shards read, or null
    private final StepUpdate update;        // the reduce, clipping and optimizer, in chunks the threads share
    private final List<List<Param>> shardParams = new ArrayList<>();
    private final double[] shares;          // each shard's share of the step's batch
    private final List<ShardTask> tasks = new ArrayList<>();
    // the calling thread runs shards too, and all threads take shards (or chunks of the update) from nextShard
    private final AtomicInteger nextShard = new AtomicInteger();
    private int stepShards;
    private int phase;  // what the threads take: SHARDS, REDUCE or UPDATE; set before runPhase hands it out
    private static final int SHARDS = 0;
    private static final int REDUCE = 1;
    private static final int UPDATE = 2;
    private static final int PREPARE = 3;
    /** Below this many parameter values the update runs on the calling thread: a hand-off would cost more. */
    static final int PARALLEL_UPDATE_MIN = 4 * StepUpdate.CHUNK;

    private int epoch;
    private int batchIndex;
    private List<List<Sample>> plan;
    private int badStepsInARow;
    private long skippedSteps;

    public Trainer(SequenceModel model, Dataset data, TrainingConfig config) {
        this(model, data, config, config.newOptimizer());
    }

    public Trainer(SequenceModel model, Dataset data, TrainingConfig config, Optimizer optimizer) {
        this.model = model;
        this.data = data;
        this.config = config;
        this.optimizer = optimizer;
        checkShapes();
        model.setPrecision(config.precision());   // before the replicas, which inherit it
        for (int s = 0; s < config.shards(); s++) {
            replicas.add(model.replica());
            tasks.add(new ShardTask(replicas.get(s)));
        }
        this.packs = config.shards() > 1 ? new SharedWeightPacks(model) : null;
        if (packs != null) {
            replicas.forEach(packs::attachTo);
        }
        this.lastGood = model.copy();
        this.update = new StepUpdate(model.parameters(), lastGood.parameters());
        this.shares = new double[config.shards()];
        for (ShardTask t : tasks) {
            shardParams.add(t.params);
        }
        int threads = Math.min(config.threads(), config.shards());
        // waiting threads spin briefly before they park, unless there are more threads than cores
        long spinNanos = threads <= Runtime.getRuntime().availableProcessors() ? SPIN_NANOS : 0;
        this.workers = threads > 1 ? new ShardWorkers(threads - 1, spinNanos, "lstmlab-trainer-", this::runShards)
                : null;
        this.plan = planEpoch(0);
    }

    private void checkShapes() {
        if (data.inputSize() != model.dataInputSize()) {
            throw new IllegalArgumentException(data.name() + " has " + data.inputSize()
                    + " input features but the model expects " + model.dataInputSize());
        }
        if (data.outputSize() != model.spec().outputSize()) {
            throw new IllegalArgumentException(data.name() + " has " + data.outputSize()
                    + " outputs but the model has " + model.spec().outputSize());
        }
        if (data.head() != model.spec().head()) {
            throw new IllegalArgumentException(data.name() + " needs a " + data.head() + " head, the model has "
                    + model.spec().head());
        }
    }

    /** The batches of an epoch: shuffled with a stream derived from the seed and the epoch alone. */
    private List<List<Sample>> planEpoch(int e) {
        SplittableRandom rng = new SplittableRandom(config.seed() * 0x9E3779B97F4A7C15L + e + 1);
        return Batches.plan(data.train(), config.batchSize(), rng);
    }

    public SequenceModel model() {
        return model;
    }

    public Dataset data() {
        return data;
    }

    public TrainingConfig config() {
        return config;
    }

    public Optimizer optimizer() {
        return optimizer;
    }

    /** 0-based epoch of the next step. */
    public int epoch() {
        return epoch;
    }

    /** 0-based batch within the epoch of the next step. */
    public int batchIndex() {
        return batchIndex;
    }

    public int batchesPerEpoch() {
        return plan.size();
    }

    /** True when every configured epoch has been trained. */
    public boolean finished() {
        return epoch >= config.epochs();
    }

    public long skippedSteps() {
        return skippedSteps;
    }

    /** Trains the next batch. */
    public StepResult step() {
        if (finished()) {
            throw new IllegalStateException("training has finished all " + config.epochs() + " epochs");
        }
        List<Sample> batch = plan.get(batchIndex);
        StepResult result = trainBatch(batch);
        if (++batchIndex >= plan.size()) {
            batchIndex = 0;
            epoch++;
            if (!finished()) {
                plan = planEpoch(epoch);
            }
        }
        return result;
    }

    /** One shard's forward and backward on its replica; its batch buffers are kept for the next step. */
    private final class ShardTask implements Callable<Void> {
        final SequenceModel replica;
        final List<Param> params;
        List<Sample> all;
        int from;
        int to;
        Batch batch;
        double loss;

        ShardTask(SequenceModel replica) {
            this.replica = replica;
            this.params = replica.parameters();
        }

        @Override
        public Void call() {
            replica.zeroGrad();
            batch = Batches.toBatch(all, from, to, data.head(), data.outputSize(), batch);
            loss = replica.forward(batch);
            replica.backward();
            return null;
        }
    }

    private StepResult trainBatch(List<Sample> batch) {
        int shards = Math.min(config.shards(), batch.size());
        for (int s = 0; s < shards; s++) {
            ShardTask task = tasks.get(s);
            task.all = batch;
            task.from = batch.size() * s / shards;
            task.to = batch.size() * (s + 1) / shards;
        }
        if (packs != null) {
            runPhase(PREPARE, packs.jobs());  // the weights as the products read them, once for every shard
            packs.setActive(true);
        }
        try {
            runPhase(SHARDS, shards);
        } finally {
            if (packs != null) {
                packs.setActive(false);  // before the update changes the weights
            }
        }

        // Reduce: master gradient = Σ_s (B_s / B) · g_s, in shard order, with each chunk's sum of squares.
        double loss = 0;
        for (int s = 0; s < shards; s++) {
            int size = batch.size() * (s + 1) / shards - batch.size() * s / shards;
            shares[s] = (double) size / batch.size();
            loss += shares[s] * tasks.get(s).loss;
        }
        update.beginReduce(shardParams, shares, shards);
        runPhase(REDUCE, update.chunks());
        double norm = update.norm();
        double coef = GradientClipping.coefficient(norm, config.clipNorm());
        boolean bad = !Double.isFinite(loss) || !Double.isFinite(norm);
        boolean undone = false;
        if (!bad) {
            update.beginUpdate(coef, optimizer);  // clipping, a copy of the weights for an undo, the optimizer
            runPhase(UPDATE, update.chunks());
            if (!update.weightsFinite()) {
                model.copyWeightsFrom(lastGood);   // the update overflowed: keep the weights it started from
                bad = true;
                undone = true;
            }
        }
        if (bad) {
            skippedSteps++;
            if (++badStepsInARow >= MAX_BAD_STEPS) {
                throw new TrainingHaltedException(haltMessage(loss, norm, undone));
            }
        } else {
            badStepsInARow = 0;
        }
        return new StepResult(epoch, batchIndex, loss, norm, bad, batch.size());
    }

    private org.lstmlab.engine.text.Message haltMessage(double loss, double norm, boolean undone) {
        return org.lstmlab.engine.text.Message.of(undone ? "engine.train.haltedUndone" : "engine.train.halted",
                badStepsInARow, Double.toString(loss), Double.toString(norm));
    }

    /**
     * Runs units 0..units−1 of a phase (the shards, or the chunks of {@link StepUpdate}): on this thread alone, or
     * on this thread and the threads − 1 helpers, each taking the next unit not yet taken (so no thread waits for a
     * hand-off while there is work). Which thread runs a unit does not matter: each shard computes on its own
     * replica, each chunk on its own elements, and the reduce adds the shards in shard order. Returns when every
     * unit has finished; rethrows a unit's exception. The update of a small model runs on this thread alone.
     */
    private void runPhase(int what, int units) {
        phase = what;
        stepShards = units;
        nextShard.set(0);
        if (workers == null || (what != SHARDS && update.elements() < PARALLEL_UPDATE_MIN)) {
            runShards();
        } else {
            workers.runAll();
        }
    }

    /** Takes units of the current phase (shards, or chunks of the update) until none is left. */
    private void runShards() {
        for (int u = nextShard.getAndIncrement(); u < stepShards; u = nextShard.getAndIncrement()) {
            switch (phase) {
                case SHARDS -> tasks.get(u).call();
                case PREPARE -> packs.prepare(u);
                case REDUCE -> update.reduce(u);
                default -> update.update(u);
            }
        }
    }

    /** The model's loss and predictions on the given samples (no gradient, no update). */
    public Evaluation evaluate(List<Sample> samples) {
        return evaluate(replicas.get(0), data, samples, config.batchSize());
    }

    /** Evaluates any model (use a replica, never a model another thread is training) on samples. */
    public static Evaluation evaluate(SequenceModel model, Dataset data, List<Sample> samples, int batchSize) {
        List<double[]> predictions = new ArrayList<>();
        List<Sample> ordered = new ArrayList<>();
        double lossSum = 0;
        int count = 0;
        int o = data.outputSize();
        for (List<Sample> part : Batches.plan(samples, batchSize, null)) {
            Batch b = Batches.toBatch(part, data.head(), o);
            double loss = model.forward(b);
            lossSum += loss * part.size();
            count += part.size();
            double[] pred = model.predictions();
            int rowsPerSample = model.rows() / part.size();
            int steps = part.get(0).steps();
            for (int s = 0; s < part.size(); s++) {
                double[] mine = new double[rowsPerSample * o];
                if (rowsPerSample == 1) {
                    System.arraycopy(pred, s * o, mine, 0, o);
                } else {
                    for (int t = 0; t < steps; t++) {
                        System.arraycopy(pred, (t * part.size() + s) * o, mine, t * o, o);
                    }
                }
                predictions.add(mine);
                ordered.add(part.get(s));
            }
        }
        return new Evaluation(count == 0 ? Double.NaN : lossSum / count, ordered, predictions);
    }

    /** Moves to a saved position (used when resuming a checkpoint, with weights and optimizer state restored). */
    public void seek(int epoch, int batchIndex) {
        this.epoch = epoch;
        this.batchIndex = batchIndex;
        if (!finished()) {
            this.plan = planEpoch(epoch);
            if (batchIndex >= plan.size()) {
                throw new IllegalArgumentException("batch " + batchIndex + " is past the end of epoch " + epoch);
            }
        }
    }

    @Override
    public void close() {
        if (workers != null) {
            workers.close();
        }
    }
}
