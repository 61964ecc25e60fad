package org.lstmlab.engine.lessons;

/**
 * The part of the Train tab a lesson step's {@code train-tab} brings into view, named by the step's {@code show}:
 * the settings at the top (the default), the run's charts, or the equivalent Keras and PyTorch code.
 */
public enum TrainTabPart {
    SETTINGS, CHARTS, CODE
}
