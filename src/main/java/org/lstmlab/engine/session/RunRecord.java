package org.lstmlab.engine.session;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.nn.ModelSpec;
import org.lstmlab.engine.tasks.Task;
import org.lstmlab.engine.tasks.Tasks;
import org.lstmlab.engine.tasks.UserData;
import org.lstmlab.engine.text.Refusal;
import org.lstmlab.engine.train.TrainingConfig;

/**
 * What a training run is made of, apart from its {@link org.lstmlab.engine.train.TrainingConfig}: the task and its
 * data, and the model's shape. A checkpoint stores it (as {@code run.*} entries) so that the data can be made
 * again when the run is resumed.
 *
 * @param task            the task's name ({@code adding}, ... or {@code csv} / {@code charlm} for a user's file)
 * @param seqLen          the sequence length asked for; 0 for the task's default
 * @param cell            the recurrent cell of every layer
 * @param hidden          units per layer
 * @param layers          stacked recurrent layers
 * @param validationSplit the fraction held out for validation, or NaN for the task's own split
 * @param trainLimit      train on the first this many training samples only; 0 for all of them
 * @param validationLimit validate on the first this many validation samples only; 0 for all of them
 * @param data            the user's file the task was made from, or null for a built-in task
 * @param embedding       values per row of the embedding table the tokens are read through, or 0 for one-hot input
 */
public record RunRecord(String task, int seqLen, CellType cell, int hidden, int layers, double validationSplit,
                        int trainLimit, int validationLimit, UserData.Request data, int embedding) {

    public RunRecord {
        if (task == null || task.isBlank()) {
            throw new IllegalArgumentException("a run needs a task");
        }
        if (cell == null) {
            throw new IllegalArgumentException("a run needs a cell");
        }
    }

    /** The task, read again from the user's file when the run was made from one (may read a file). */
    public Task openTask() throws IOException {
        return data != null ? UserData.read(data).task() : Tasks.byName(task);
    }

    /** The session this record describes, on {@code task} (from {@link #openTask()}), trained with {@code config}. */
    public TrainingSession.Builder session(Task task, TrainingConfig config) {
        return TrainingSession.builder(task).seqLen(seqLen).cell(cell).hidden(hidden).layers(layers).config(config)
                .validationSplit(validationSplit).trainLimit(trainLimit).validationLimit(validationLimit)
                .userData(data).embedding(embedding);
    }

    /** The entries a checkpoint stores. */
    public Map<String, String> toMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("task", task);
        m.put("seq_len", Integer.toString(seqLen));
        m.put("cell", cell.id());
        m.put("hidden", Integer.toString(hidden));
        m.put("layers", Integer.toString(layers));
        if (!Double.isNaN(validationSplit)) {
            m.put("val_split", Double.toString(validationSplit));
        }
        if (trainLimit > 0) {
            m.put("train_limit", Integer.toString(trainLimit));
        }
        if (validationLimit > 0) {
            m.put("val_limit", Integer.toString(validationLimit));
        }
        if (data != null) {
            m.putAll(UserData.record(data));
        }
        if (embedding > 0) {
            m.put("embedding", Integer.toString(embedding));
        }
        return m;
    }

    /**
     * The record a checkpoint stored; the model's architecture gives the cell and sizes (older checkpoints recorded
     * only the task, the length and the data file).
     */
    public static RunRecord fromMap(Map<String, String> run, ModelSpec spec) {
        String task = run.getOrDefault("task", "");
        if (task.isBlank()) {
            throw Refusal.of("engine.checkpoint.noTask");
        }
        UserData.Request data = run.containsKey("data_file") ? UserData.fromRecord(run) : null;
        // a CSV file's window is in its request; a text's length, as a built-in task's, is the record's own
        int seqLen = data != null && !data.charLm() ? 0 : UserData.integer(run, "seq_len", 0);
        return new RunRecord(task, seqLen, spec.cell(), spec.hiddenSize(), spec.numLayers(),
                UserData.fraction(run, "val_split", Double.NaN),
                UserData.integer(run, "train_limit", 0), UserData.integer(run, "val_limit", 0), data,
                UserData.integer(run, "embedding", 0));
    }
}
