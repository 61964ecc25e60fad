package org.lstmlab.engine.tasks;

import java.util.List;

import org.lstmlab.engine.data.Dataset;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.nn.ModelSpec;
import org.lstmlab.engine.text.Message;
import org.lstmlab.engine.text.Refusal;
import org.lstmlab.engine.train.Evaluation;
import org.lstmlab.engine.train.TrainingConfig;

/**
 * A built-in learning task: it generates its data from a seed, proposes a model and training settings, and judges
 * a trained model by its own success criterion (the one its paper or tutorial uses).
 */
public interface Task {
    /** Names, criterion and default sizes. */
    TaskProfile profile();

    /** The command-line name: {@code keras-example}, {@code adding}, ... */
    default String name() {
        return profile().name();
    }

    /** One line for menus and help. */
    default String description() {
        return profile().description();
    }

    /** The success criterion in words, e.g. "validation accuracy ≥ 95 %". */
    default String criterion() {
        return profile().criterion();
    }

    /**
     * Where the desktop app finds this task's texts in the user's language: its label bundles hold
     * {@code KEY.title}, {@code KEY.description} and {@code KEY.criterion}. The engine keeps the English of the
     * command line ({@link #description()}, {@link #criterion()}), and a test checks that the two agree.
     */
    default String messageKey() {
        return "task." + name();
    }

    /**
     * The task's name in a sentence of the engine's ({@code engine.task.name.NAME}): the command-line name in English,
     * which is what a user of the command line types, and the task's title in another language, so that a Chinese
     * window never says {@code adding}. A task the bundle does not know is named by its command-line name.
     */
    default Message title() {
        return TaskTitles.of(messageKey(), name());
    }

    /**
     * The values of the description's {@code {0}}, {@code {1}}, ...: a text's or a file's name, its columns (a list,
     * which the reader's language joins as it lists things).
     */
    default List<Object> descriptionArgs() {
        return List.of();
    }

    /**
     * How many training samples {@link #generate} makes, whatever the length; 0 when the data decides (a CSV
     * file read already says its windows; a text, whatever its length, gives the character model's). A
     * comparison's samples per model are the first ones of these, so it cannot ask for more.
     */
    default int trainSize() {
        return 0;
    }

    /** Generates training and validation data. {@code steps} ≤ 0 means the task's default length. */
    Dataset generate(int steps, long seed);

    /**
     * A fingerprint of the data a task made from a file trains on ({@code DataDigest}: the user's series or text, or
     * the bundled text), which a saved run records and resuming checks; null for a task whose data the seed makes.
     */
    default String dataDigest() {
        return null;
    }

    /**
     * The model for a cell, hidden size and number of layers on this task's data: the input size, output size,
     * head and loss are those the data carries.
     */
    default ModelSpec model(Dataset data, CellType cell, int hidden, int layers) {
        return new ModelSpec(cell, data.inputSize(), hidden, layers, data.outputSize(), data.head(), data.loss());
    }

    /**
     * Whether the task's inputs are token ids (characters, words, symbols: one-hot vectors), which a model may read
     * through an embedding table instead ({@code train --embedding}); false for numbers.
     */
    default boolean readsTokens() {
        return false;
    }

    /** What the task's verdict is judged on ({@link TaskScore#metric()}); accuracy unless the task says otherwise. */
    default TaskScore.Metric metric() {
        return TaskScore.Metric.ACCURACY;
    }

    /** Default hidden size. */
    default int defaultHidden() {
        return profile().defaultHidden();
    }

    /** Training settings that solve the task with an LSTM. */
    TrainingConfig defaults();

    /** Scores an evaluation by the task's criterion. */
    TaskScore score(Evaluation evaluation);

    /** The sequence length {@link #generate} uses for {@code steps} ≤ 0; 0 when the task has no length to choose. */
    default int defaultSteps() {
        return profile().defaultSteps();
    }

    /** The shortest length {@link #generate} accepts (equal to the longest when the length is fixed). */
    default int minSteps() {
        return profile().minSteps();
    }

    /** The longest length {@link #generate} accepts. */
    default int maxSteps() {
        return profile().maxSteps();
    }

    /**
     * The length to generate for a requested {@code steps}: the default for {@code steps} ≤ 0, else {@code steps}
     * itself when it is within the task's range.
     *
     * @throws IllegalArgumentException naming the task and its range otherwise
     */
    default int resolveSteps(int steps) {
        int t = steps > 0 ? steps : defaultSteps();
        if (t < minSteps() || t > maxSteps()) {
            throw Refusal.of("engine.task.length", title(), Integer.toString(minSteps()), Integer.toString(maxSteps()),
                    Integer.toString(t));
        }
        return t;
    }

    /** True when the user may choose the sequence length (the Compare tab sweeps it). */
    default boolean lengthAdjustable() {
        return maxSteps() > minSteps();
    }
}
