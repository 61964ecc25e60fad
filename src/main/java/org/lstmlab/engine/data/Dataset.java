package org.lstmlab.engine.data;

import java.util.List;

import org.lstmlab.engine.loss.Loss;
import org.lstmlab.engine.nn.HeadMode;

/**
 * Training and validation samples with what a model needs to know about them.
 *
 * @param name        the task or file it came from
 * @param train       training samples
 * @param validation  validation samples
 * @param inputSize   D (vocabulary size for one-hot input)
 * @param outputSize  O
 * @param head        whether targets are per sequence or per step
 * @param loss        the loss that fits the targets
 * @param vocabulary  symbols of one-hot inputs/outputs (empty for numeric data)
 */
public record Dataset(String name, List<Sample> train, List<Sample> validation, int inputSize, int outputSize,
                      HeadMode head, Loss loss, List<String> vocabulary) {
    public Dataset {
        train = List.copyOf(train);
        validation = List.copyOf(validation);
        vocabulary = List.copyOf(vocabulary);
        if (train.isEmpty()) {
            throw new IllegalArgumentException(name + ": no training samples");
        }
    }
}
