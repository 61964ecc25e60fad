package org.lstmlab.engine.optim;

import java.util.List;

import org.lstmlab.engine.nn.Param;

/**
 * Stochastic gradient descent with momentum, as PyTorch's {@code torch.optim.SGD} (dampening 0):
 * {@code buf = momentum·buf + g} (the first step sets {@code buf = g}), then {@code p −= lr·buf}.
 */
public final class Sgd extends BaseOptimizer {
    private final double momentum;
    private boolean first;  // whether the step begun last is the first: buf = g

    public Sgd(double lr, double momentum) {
        super(lr, "momentum_buffer");
        if (!BaseOptimizer.positiveFinite(lr) || !(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("SGD needs a finite lr > 0 and 0 ≤ momentum < 1, got lr=" + lr
                    + " momentum=" + momentum);
        }
        this.momentum = momentum;
    }

    @Override
    public void beginStep(List<Param> params) {
        first = state.steps == 0;
        countStep(params, momentum != 0);
    }

    @Override
    public void update(List<Param> params, int i, int from, int to) {
        double[] p = params.get(i).data();
        double[] g = params.get(i).gradData();
        if (momentum == 0) {
            for (int j = from; j < to; j++) {
                p[j] -= lr * g[j];
            }
            return;
        }
        double[] buf = state.of(params, i)[0];
        for (int j = from; j < to; j++) {
            buf[j] = first ? g[j] : momentum * buf[j] + g[j];
            p[j] -= lr * buf[j];
        }
    }

    @Override
    public String describe() {
        return "SGD(lr=" + lr + ", momentum=" + momentum + ")";
    }
}
