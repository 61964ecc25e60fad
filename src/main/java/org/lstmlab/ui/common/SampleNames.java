package org.lstmlab.ui.common;

import java.util.List;

/**
 * What the numbers of a sample handed to the debugger stand for, so that it can name them as the data does.
 *
 * @param vocabulary   the symbols of a one-hot input (the characters of a character model, the words of the
 *                     sentiment task; empty for numeric input), so that the debugger shows the sample as text and
 *                     names the classes of a softmax head over them
 * @param features     the name of each input feature (a CSV file's input columns, e.g. temp, load), or empty for
 *                     x[0], x[1], …
 * @param classes      the name of each class of a softmax head (a CSV file's class labels), or empty
 * @param standardised whether the sample's values are standardised to mean 0 and standard deviation 1, as a CSV
 *                     series is trained, so that the debugger says they are not the file's
 * @param units        how a CSV series was standardised, so that the debugger gives a target and prediction in the
 *                     file's units too; null for other samples
 */
public record SampleNames(List<String> vocabulary, List<String> features, List<String> classes,
                          boolean standardised, org.lstmlab.engine.io.SeriesScaling units) {

    public SampleNames {
        vocabulary = List.copyOf(vocabulary);
        features = List.copyOf(features);
        classes = List.copyOf(classes);
    }

    /** A task's own values, with the symbols of a one-hot input (or none). */
    public static SampleNames of(List<String> vocabulary) {
        return new SampleNames(vocabulary, List.of(), List.of(), false, null);
    }
}
