package org.lstmlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;

import org.lstmlab.engine.interop.ImportOptions;
import org.lstmlab.engine.interop.ImportedModel;
import org.lstmlab.engine.interop.ModelImport;
import org.lstmlab.engine.nn.HeadMode;
import org.lstmlab.engine.text.Message;
import picocli.CommandLine.Option;

/**
 * The options that open a model of any format, shared by {@code predict}, {@code export} and {@code trace}: every
 * import note that names an option names one of these, so each command takes what its notes say.
 */
final class ImportFlags {
    @Option(names = "--model", required = true, paramLabel = "M",
            description = "the model: LSTM Lab .safetensors, a PyTorch state_dict (.safetensors), Keras .h5, "
                    + ".keras or .weights.h5 (with its config beside it)")
    Path model;

    @Option(names = "--nonlinearity", paramLabel = "tanh|relu",
            description = "the nn.RNN nonlinearity, which a state_dict does not record")
    String nonlinearity;

    @Option(names = "--activation", paramLabel = "sigmoid|softmax|none",
            description = "the activation after the head, for files that do not record it")
    String activation;

    @Option(names = "--last-step", description = "the head reads the last step only (predict: (B, O)); for files "
            + "that do not record it, or to change what the file says")
    boolean lastStep;

    @Option(names = "--every-step", description = "the head reads every step (predict: (B, T, O))")
    boolean everyStep;

    ImportOptions options() {
        if (lastStep && everyStep) {
            throw new IllegalArgumentException("--last-step and --every-step exclude each other");
        }
        ImportOptions o = ImportOptions.NONE;
        if (nonlinearity != null) {
            o = o.withNonlinearity(ImportOptions.parseNonlinearity(nonlinearity));
        }
        if (activation != null) {
            o = o.withActivation(ImportOptions.parseActivation(activation));
        }
        if (lastStep) {
            o = o.withHead(HeadMode.LAST);
        }
        if (everyStep) {
            o = o.withHead(HeadMode.EVERY_STEP);
        }
        return o;
    }

    /**
     * Refuses an output ({@code option}, e.g. {@code --out}) that is the model, its Keras config or the input
     * file (links followed), before anything is read or written.
     */
    void refuseOverwriting(String option, Path out, Path input) {
        Outputs.notAnInput(option, out, "the input file", input);
        Outputs.notAnInput(option, out, "the model file", model);
        ModelImport.configBeside(model).ifPresent(c -> Outputs.notAnInput(option, out, "the model's config file", c));
    }

    /** Opens the model and says once, on stderr, everything that was assumed or ignored. */
    ImportedModel open(ImportOptions options, PrintWriter err) throws IOException {
        ImportedModel m = ModelImport.load(model, options);
        for (Message note : m.notes()) {
            err.println("lstm-lab: note: " + model.getFileName() + ": " + note.english());
        }
        err.flush();
        return m;
    }
}
