package org.lstmlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import org.lstmlab.engine.interop.CaseRunner;
import org.lstmlab.engine.io.SafeTensors;
import org.lstmlab.engine.io.Tensor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code forward}: runs a reference case through the engine and writes what it computed. */
@Command(name = "forward", mixinStandardHelpOptions = true,
        description = "Run a reference case (format: docs/reference-cases.md) through the engine and write the "
                + "results under the names of its expected.* tensors without the prefix. The expected tensors are "
                + "never read.")
final class ForwardCommand implements Callable<Integer> {
    @Spec private CommandSpec spec;

    @Option(names = "--case", required = true, paramLabel = "IN", description = "the case, a .safetensors file")
    private Path in;

    @Option(names = "--out", required = true, paramLabel = "OUT", description = "where to write the results "
            + "(never the case itself)")
    private Path out;

    @Override
    public Integer call() throws IOException {
        Outputs.notAnInput("--out", out, "the case file", in);
        Map<String, Tensor> results = CaseRunner.run(in);
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("kind", SafeTensors.readIndex(in).meta("kind").orElse(""));
        meta.put("source", "lstm-lab forward --case " + in.getFileName());
        SafeTensors.write(out, results, meta);
        PrintWriter w = spec.commandLine().getOut();
        w.println("wrote " + results.size() + " tensors to " + out);
        return 0;
    }
}
