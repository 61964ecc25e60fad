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
