package org.lstmlab.engine.train;

import org.lstmlab.engine.math.Precision;
import org.lstmlab.engine.nn.Initializers;
import org.lstmlab.engine.optim.Flavour;
import org.lstmlab.engine.optim.Optimizer;
import org.lstmlab.engine.optim.OptimizerKind;
import org.lstmlab.engine.text.Refusal;

/**
 * Everything that decides a training run, seed included: the same config on the same data gives bit-identical
 * weights. Build one with {@link #builder()} or change one with {@link #toBuilder()}.
 *
 * <p>Each batch is split into {@code shards} pieces whose gradients are summed in a fixed order, so the result
 * depends on the shard count but never on how many threads run the shards. The builder makes the shard count
 * follow the thread count asked for, up to the machine's cores ({@link Builder#threads}); a config read from a
 * file keeps the shard count it was trained with.
 *
 * @param epochs       passes over the training set
 * @param batchSize    sequences per optimizer step
 * @param optimizer    Adam, RMSprop or SGD
 * @param learningRate step size
 * @param flavour      whose defaults and formulas: Keras (epsilon 1e-7) or PyTorch
 * @param momentum     SGD momentum
 * @param clipNorm     global gradient-norm clip, 0 for none
 * @param seed         seeds initialisation and shuffling
 * @param threads      worker threads for the data-parallel shards
 * @param shards       fixed number of pieces each batch is split into; results do not depend on threads
 * @param init         initialisation scheme
 * @param precision    the number format of the recurrent layers' matrix products: float64 (the default, equal to
 *                     PyTorch float64) or float32 (faster; weights, optimizer state, gates and losses stay float64)
 */
public record TrainingConfig(int epochs, int batchSize, OptimizerKind optimizer, double learningRate, Flavour flavour,
                             double momentum, double clipNorm, long seed, int threads, int shards,
                             Initializers.Scheme init, Precision precision) {
    /** The largest number of epochs a run may ask for. */
    public static final int MAX_EPOCHS = 1_000_000;
    /** The largest batch. */
    public static final int MAX_BATCH = 65_536;
    /** The most threads (and shards) a run may ask for. */
    public static final int MAX_THREADS = 1024;

    public TrainingConfig {
        if (optimizer == null || flavour == null || init == null || precision == null) {
            throw new IllegalArgumentException("optimizer, flavour, initialisation and precision must be given");
        }
        if (epochs < 1 || epochs > MAX_EPOCHS) {
            throw Refusal.of("engine.train.epochs", Integer.toString(MAX_EPOCHS), Integer.toString(epochs));
        }
        if (batchSize < 1 || batchSize > MAX_BATCH) {
            throw Refusal.of("engine.train.batch", Integer.toString(MAX_BATCH), Integer.toString(batchSize));
        }
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw Refusal.of("engine.train.learningRate", Double.toString(learningRate));
        }
        if (!(momentum >= 0 && momentum < 1)) {
            throw Refusal.of("engine.train.momentum", Double.toString(momentum));
        }
        if (!(clipNorm >= 0) || !Double.isFinite(clipNorm)) {
            throw Refusal.of("engine.train.clipNorm", Double.toString(clipNorm));
        }
        if (threads < 1 || threads > MAX_THREADS) {
            throw Refusal.of("engine.train.threads", Integer.toString(MAX_THREADS), Integer.toString(threads));
        }
        if (shards < 1 || shards > MAX_THREADS) {
            throw Refusal.of("engine.train.shards", Integer.toString(MAX_THREADS), Integer.toString(shards));
        }
    }

    /** Keras' {@code model.compile(optimizer='adam')} + {@code fit(epochs=10, batch_size=32)}, on one thread. */
    public static TrainingConfig kerasDefaults() {
        return builder().build();
    }

    /** A builder starting from Keras' defaults: Adam(0.001), 10 epochs, batch 32, seed 42, one thread. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this config's values; changing the threads there re-derives the shards. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.epochs = epochs;
        b.batchSize = batchSize;
        b.optimizer = optimizer;
        b.learningRate = learningRate;
        b.flavour = flavour;
        b.momentum = momentum;
        b.clipNorm = clipNorm;
        b.seed = seed;
        b.threads = threads;
        b.shards = shards;
        b.init = init;
        b.precision = precision;
        return b;
    }

    /** A fresh optimizer as configured. */
    public Optimizer newOptimizer() {
        return optimizer.create(learningRate, flavour, momentum);
    }

    /**
     * The shard count that follows a requested thread count: the threads, at most the machine's cores (more
     * shards than cores would only add rounding differences, not speed).
     */
    public static int shardsFor(int threads) {
        return Math.max(1, Math.min(threads, Runtime.getRuntime().availableProcessors()));
    }

    /** Builds a {@link TrainingConfig}; every value is checked by the record when {@link #build()} is called. */
    public static final class Builder {
        private int epochs = 10;
        private int batchSize = 32;
        private OptimizerKind optimizer = OptimizerKind.ADAM;
        private double learningRate = 1e-3;
        private Flavour flavour = Flavour.KERAS;
        private double momentum;
        private double clipNorm;
        private long seed = 42;
        private int threads = 1;
        private int shards = 1;
        private Initializers.Scheme init = Initializers.Scheme.KERAS;
        private Precision precision = Precision.FLOAT64;

        private Builder() {
        }

        public Builder epochs(int n) {
            epochs = n;
            return this;
        }

        public Builder batchSize(int n) {
            batchSize = n;
            return this;
        }

        public Builder optimizer(OptimizerKind kind) {
            optimizer = kind;
            return this;
        }

        public Builder learningRate(double lr) {
            learningRate = lr;
            return this;
        }

        /** Whose optimizer defaults and initialisation: Keras or PyTorch (sets the initialisation scheme too). */
        public Builder flavour(Flavour f) {
            flavour = f;
            init = f == Flavour.KERAS ? Initializers.Scheme.KERAS : Initializers.Scheme.TORCH;
            return this;
        }

        public Builder momentum(double m) {
            momentum = m;
            return this;
        }

        public Builder clipNorm(double c) {
            clipNorm = c;
            return this;
        }

        public Builder seed(long s) {
            seed = s;
            return this;
        }

        /** Worker threads; the shard count follows them, up to the machine's cores ({@link #shardsFor}). */
        public Builder threads(int n) {
            threads = n;
            shards = n >= 1 && n <= MAX_THREADS ? shardsFor(n) : n;
            return this;
        }

        /** Pins the shard count (after {@link #threads}), e.g. to repeat a run made on another machine. */
        public Builder shards(int n) {
            shards = n;
            return this;
        }

        /** The number format of the matrix products (float64 unless asked); see {@link Precision}. */
        public Builder precision(Precision p) {
            precision = p;
            return this;
        }

        public TrainingConfig build() {
            return new TrainingConfig(epochs, batchSize, optimizer, learningRate, flavour, momentum, clipNorm, seed,
                    threads, shards, init, precision);
        }
    }
}
