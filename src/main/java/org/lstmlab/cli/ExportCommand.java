package org.lstmlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.lstmlab.engine.interop.ImportedModel;
import org.lstmlab.engine.interop.ModelExport;
import org.lstmlab.engine.io.SeriesScaling;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code export}: a model for PyTorch or Keras, with a generated model.py that checks itself. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write a model for PyTorch or Keras into a folder: the weights, a check input with this app's "
                + "outputs for it, and a model.py that builds the model, loads the weights and asserts that its "
                + "outputs equal this app's to 1e-6.",
                "pytorch: model.safetensors, check_input.safetensors, model.py (torch; safetensors if installed).",
                "keras: model.weights.h5 (Keras 3 layout, float64), check_input.npz, model.py (keras 3, numpy), "
                        + "model.h5 (the whole model as Keras 2's model.save writes it, for keras.models.load_model).",
                "A model that starts with an embedding (nn.Embedding, Keras' Embedding) is written with its table: "
                        + "embedding.weight in a plain state_dict whose metadata keeps padding_idx (model.py passes "
                        + "it to nn.Embedding), or Keras' layer 'embedding' with its mask_zero (Keras has no "
                        + "padding_idx). The check input is then token ids (B, T). PyTorch has no mask_zero: such a "
                        + "model goes to Keras only."})
final class ExportCommand implements Callable<Integer> {
    @Spec private CommandSpec spec;
    @Mixin private ImportFlags model;

    @Option(names = "--to", required = true, paramLabel = "pytorch|keras", description = "the framework")
    private String to;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "the folder (created if missing)")
    private Path out;

    @Override
    public Integer call() throws IOException {
        ModelExport.Target target = switch (to.toLowerCase(Locale.ROOT)) {
            case "pytorch", "torch" -> ModelExport.Target.PYTORCH;
            case "keras" -> ModelExport.Target.KERAS;
            default -> throw new IllegalArgumentException("--to must be pytorch or keras, got '" + to + "'");
        };
        for (Path file : ModelExport.files(target, out)) {
            Outputs.notAnInput("--out", file, "the model file", model.model);
        }
        ImportedModel m = model.open(model.options(), spec.commandLine().getErr());
        PrintWriter w = spec.commandLine().getOut();
        SeriesScaling series = SeriesScaling.of(model.model.toString(), m.metadata(), m.model().spec().inputSize(),
                m.model().spec().outputSize()).orElse(null);
        for (Path p : ModelExport.write(target, m.model(), m.embedding().orElse(null), m.training().orElse(null),
                m.kind(), out, series)) {
            w.println("wrote " + p);
        }
        return 0;
    }
}
