package org.lstmlab.ui.training;

import java.util.ArrayList;
import java.util.List;

import org.lstmlab.engine.data.Dataset;
import org.lstmlab.engine.data.Sample;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.session.RunRecord;
import org.lstmlab.engine.tasks.Task;
import org.lstmlab.engine.tasks.TaskProfile;
import org.lstmlab.engine.tasks.TaskScore;
import org.lstmlab.engine.tasks.Tasks;
import org.lstmlab.engine.train.Evaluation;
import org.lstmlab.engine.train.TrainingConfig;

/**
 * A built-in task cut down to a few samples (so tests train in milliseconds), optionally poisoned with NaN; a test
 * may override {@link #generate} to make the data fail.
 */
class TinyTask implements Task {
    private final Task inner;
    private final int train;
    private final boolean poisoned;

    TinyTask(String name, int train, boolean poisoned) {
        this.inner = Tasks.byName(name);
        this.train = train;
        this.poisoned = poisoned;
    }

    static RunSetup setup(String task, int train, int epochs, boolean poisoned) {
        TinyTask t = new TinyTask(task, train, poisoned);
        TrainingConfig c = t.defaults().toBuilder().epochs(epochs).batchSize(8).threads(2).shards(2).build();
        int steps = t.lengthAdjustable() ? 12 : 0;   // 12 is within every adjustable task's range
        return new RunSetup(() -> t, new RunRecord(task, steps, CellType.LSTM, 6, 1, Double.NaN, 0, 0, null, 0), c,
                null);
    }

    @Override
    public TaskProfile profile() {
        return inner.profile();
    }

    @Override
    public Dataset generate(int steps, long seed) {
        Dataset d = inner.generate(steps, seed);
        List<Sample> tr = new ArrayList<>(d.train().subList(0, train));
        if (poisoned) {
            for (int i = 0; i < tr.size(); i++) {
                Sample s = tr.get(i);
                double[] x = s.x().clone();
                x[0] = Double.NaN;
                tr.set(i, new Sample(s.steps(), s.size(), x, null, s.target(), s.classes()));
            }
        }
        return new Dataset(d.name(), tr, d.validation().subList(0, Math.min(40, d.validation().size())),
                d.inputSize(), d.outputSize(), d.head(), d.loss(), d.vocabulary());
    }

    @Override
    public TrainingConfig defaults() {
        return inner.defaults();
    }

    @Override
    public TaskScore score(Evaluation evaluation) {
        return inner.score(evaluation);
    }
}
