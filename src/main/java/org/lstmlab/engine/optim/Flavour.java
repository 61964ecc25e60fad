package org.lstmlab.engine.optim;

/** Whose semantics an optimizer follows where PyTorch and Keras differ (defaults and where epsilon goes). */
public enum Flavour {
    TORCH,
    KERAS
}
