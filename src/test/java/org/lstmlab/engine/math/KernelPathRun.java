package org.lstmlab.engine.math;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import org.lstmlab.engine.data.Dataset;
import org.lstmlab.engine.interop.CaseRunner;
import org.lstmlab.engine.io.SafeTensors;
import org.lstmlab.engine.io.Tensor;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.nn.Initializers;
import org.lstmlab.engine.nn.SequenceModel;
import org.lstmlab.engine.tasks.Task;
import org.lstmlab.engine.tasks.Tasks;
import org.lstmlab.engine.train.StepResult;
import org.lstmlab.engine.train.Trainer;
import org.lstmlab.engine.train.TrainingConfig;

/**
 * What {@code PlainKernelsEndToEndTest} runs in a JVM of its own, with or without the Vector API module: prints
 * which kernels it uses, runs every reference case in {@code args[0]} through the engine into {@code args[1]},
 * then trains the sine task for three epochs on one thread and prints each epoch's mean training loss.
 */
public final class KernelPathRun {
    private KernelPathRun() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println("kernels: gemm " + Gemm.kernelName() + ", activations " + Pointwise.kernelName());
        try (var cases = Files.list(Path.of(args[0]))) {
            for (Path c : (Iterable<Path>) cases.filter(p -> p.toString().endsWith(".safetensors"))
                    .sorted()::iterator) {
                Map<String, Tensor> results = CaseRunner.run(c);
                SafeTensors.write(Path.of(args[1]).resolve(c.getFileName()), results, Map.of());
            }
        }
        Task task = Tasks.byName("sine");
        Dataset data = task.generate(0, 7);
        TrainingConfig cfg = task.defaults().toBuilder().epochs(3).threads(1).shards(1).build();
        SequenceModel model = new SequenceModel(task.model(data, CellType.LSTM, 16, 2));
        Initializers.initialize(model, cfg.init(), cfg.seed());
        try (Trainer t = new Trainer(model, data, cfg)) {
            for (int e = 0; e < cfg.epochs(); e++) {
                double sum = 0;
                int n = 0;
                for (int b = 0; b < t.batchesPerEpoch(); b++) {
                    StepResult r = t.step();
                    sum += r.loss() * r.samples();
                    n += r.samples();
                }
                System.out.println(String.format(Locale.ROOT, "epoch %d loss %.17g", e + 1, sum / n));
            }
        }
    }
}
