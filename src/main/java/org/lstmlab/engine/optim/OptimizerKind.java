package org.lstmlab.engine.optim;

import java.util.Arrays;
import java.util.Locale;

import org.lstmlab.engine.text.NameList;
import org.lstmlab.engine.text.Refusal;

/** The optimizers a training run can use, by the name the command line, the files and the form use. */
public enum OptimizerKind {
    ADAM("adam"),
    RMSPROP("rmsprop"),
    SGD("sgd");

    private final String id;

    OptimizerKind(String id) {
        this.id = id;
    }

    /** {@code adam}, {@code rmsprop} or {@code sgd}. */
    public String id() {
        return id;
    }

    /** The optimizer's name as the literature writes it: Adam, RMSprop, SGD. */
    public String label() {
        return switch (this) {
            case ADAM -> "Adam";
            case RMSPROP -> "RMSprop";
            case SGD -> "SGD";
        };
    }

    /**
     * The learning rate the flavour's library gives this optimizer when none is asked for: Adam 0.001 in both,
     * RMSprop 0.001 in Keras and 0.01 in PyTorch, SGD 0.01 in Keras. PyTorch's SGD had no default before version 2.2,
     * whose 0.001 was chosen to match its other optimizers' signatures, not as a rate to train with: Keras' 0.01
     * stands for it.
     */
    public double defaultLearningRate(Flavour flavour) {
        return switch (this) {
            case ADAM -> 1e-3;
            case RMSPROP -> flavour == Flavour.TORCH ? 1e-2 : 1e-3;
            case SGD -> 1e-2;
        };
    }

    /** A fresh optimizer of this kind with the flavour's defaults (momentum applies to SGD only). */
    public Optimizer create(double learningRate, Flavour flavour, double momentum) {
        return switch (this) {
            case ADAM -> flavour == Flavour.KERAS ? Adam.keras(learningRate) : Adam.torch(learningRate);
            case RMSPROP -> flavour == Flavour.KERAS ? RmsProp.keras(learningRate) : RmsProp.torch(learningRate);
            case SGD -> new Sgd(learningRate, momentum);
        };
    }

    /** The kind named {@code name} (any case), or an error listing the names there are. */
    public static OptimizerKind parse(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        for (OptimizerKind k : values()) {
            if (k.id.equals(n)) {
                return k;
            }
        }
        throw Refusal.of("engine.optimizer.unknownKind", String.valueOf(name),
                NameList.of(Arrays.stream(values()).map(OptimizerKind::id).toList()));
    }

    @Override
    public String toString() {
        return id;
    }
}
