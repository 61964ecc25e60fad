package org.lstmlab.engine.train;

import java.util.Locale;

import org.lstmlab.engine.nn.Initializers;
import org.lstmlab.engine.optim.Adam;
import org.lstmlab.engine.optim.Flavour;
import org.lstmlab.engine.optim.Optimizer;
import org.lstmlab.engine.optim.RmsProp;
import org.lstmlab.engine.optim.Sgd;

/**
 * Everything that decides a training run, seed included: the same config on the same data gives bit-identical
 * weights, whatever the number of threads.
 *
 * @param epochs       passes over the training set
 * @param batchSize    sequences per optimizer step
 * @param optimizer    {@code adam}, {@code sgd} or {@code rmsprop}
 * @param learningRate step size
 * @param flavour      whose defaults and formulas: Keras (epsilon 1e-7) or PyTorch
 * @param momentum     SGD momentum
 * @param clipNorm     global gradient-norm clip, 0 for none
 * @param seed         seeds initialisation and shuffling
 * @param threads      worker threads for the data-parallel shards
 * @param shards       fixed number of pieces each batch is split into; results do not depend on threads
 * @param init         initialisation scheme
 */
public record TrainingConfig(int epochs, int batchSize, String optimizer, double learningRate, Flavour flavour,
                             double momentum, double clipNorm, long seed, int threads, int shards,
                             Initializers.Scheme init) {
    public TrainingConfig {
        optimizer = optimizer.toLowerCase(Locale.ROOT);
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be a positive number, got " + learningRate);
        }
        if (!(clipNorm >= 0)) {
            throw new IllegalArgumentException("clip norm must be 0 (off) or positive, got " + clipNorm);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        if (shards < 1) {
            throw new IllegalArgumentException("shards must be at least 1, got " + shards);
        }
        if (!optimizer.equals("adam") && !optimizer.equals("sgd") && !optimizer.equals("rmsprop")) {
            throw new IllegalArgumentException("unknown optimizer '" + optimizer + "' (expected adam, sgd or rmsprop)");
        }
    }

    /** Keras' {@code model.compile(optimizer='adam')} + {@code fit(epochs=10, batch_size=32)}. */
    public static TrainingConfig kerasDefaults() {
        return new TrainingConfig(10, 32, "adam", 1e-3, Flavour.KERAS, 0.0, 0.0, 42, 1, 2,
                Initializers.Scheme.KERAS);
    }

    public TrainingConfig withEpochs(int e) {
        return new TrainingConfig(e, batchSize, optimizer, learningRate, flavour, momentum, clipNorm, seed, threads,
                shards, init);
    }

    public TrainingConfig withBatchSize(int b) {
        return new TrainingConfig(epochs, b, optimizer, learningRate, flavour, momentum, clipNorm, seed, threads,
                shards, init);
    }

    public TrainingConfig withLearningRate(double lr) {
        return new TrainingConfig(epochs, batchSize, optimizer, lr, flavour, momentum, clipNorm, seed, threads,
                shards, init);
    }

    public TrainingConfig withSeed(long s) {
        return new TrainingConfig(epochs, batchSize, optimizer, learningRate, flavour, momentum, clipNorm, s, threads,
                shards, init);
    }

    public TrainingConfig withThreads(int n) {
        return new TrainingConfig(epochs, batchSize, optimizer, learningRate, flavour, momentum, clipNorm, seed, n,
                shards, init);
    }

    public TrainingConfig withShards(int n) {
        return new TrainingConfig(epochs, batchSize, optimizer, learningRate, flavour, momentum, clipNorm, seed,
                threads, n, init);
    }

    public TrainingConfig withClipNorm(double c) {
        return new TrainingConfig(epochs, batchSize, optimizer, learningRate, flavour, momentum, c, seed, threads,
                shards, init);
    }

    public TrainingConfig withOptimizer(String name, Flavour f) {
        return new TrainingConfig(epochs, batchSize, name, learningRate, f, momentum, clipNorm, seed, threads,
                shards, init);
    }

    public TrainingConfig withMomentum(double m) {
        return new TrainingConfig(epochs, batchSize, optimizer, learningRate, flavour, m, clipNorm, seed, threads,
                shards, init);
    }

    public TrainingConfig withInit(Initializers.Scheme scheme) {
        return new TrainingConfig(epochs, batchSize, optimizer, learningRate, flavour, momentum, clipNorm, seed,
                threads, shards, scheme);
    }

    /** A fresh optimizer as configured. */
    public Optimizer newOptimizer() {
        return switch (optimizer) {
            case "adam" -> flavour == Flavour.KERAS ? Adam.keras(learningRate) : Adam.torch(learningRate);
            case "rmsprop" -> flavour == Flavour.KERAS ? RmsProp.keras(learningRate) : RmsProp.torch(learningRate);
            default -> new Sgd(learningRate, momentum);
        };
    }
}
