package org.lstmlab.engine.trace;

/** Forward pass or backpropagation through time. */
public enum Direction {
    FORWARD,
    BACKWARD
}
