package org.lstmlab.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.lstmlab.engine.io.CheckpointChecksTest.set;
import static org.lstmlab.engine.io.CheckpointChecksTest.variant;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmlab.testing.EngineBundles;
import org.lstmlab.testing.FileErrorCases.Attempt;
import org.lstmlab.testing.FileErrorTest;

/**
 * A model file or training checkpoint whose contents cannot be used says why in the app's language: the metadata's
 * numbers, names and sizes (ModelJson, ModelSpec, Loss, OptimizerKind, Precision), a checkpoint's optimizer tensors
 * and state (CheckpointFile and the optimizer's checks), on variants of a real checkpoint and a model file written
 * here, in English as the command line always said it and in Chinese ({@code file-errors/model-files.txt}).
 */
class ModelFileLanguagesTest extends FileErrorTest {
    @TempDir
    static Path shared;
    private static SafeTensorsFile checkpoint;
    private static final Map<String, Attempt> ATTEMPTS = new LinkedHashMap<>();

    @BeforeAll
    static void aRealCheckpoint() throws IOException {
        checkpoint = CheckpointChecksTest.realCheckpoint(shared.resolve("good.safetensors"));
    }

    static {
        model("modelJson.notInteger", "training", "seed", "1.5");
        model("modelJson.tooLarge", "training", "seed", "123456789012345678901234");
        model("modelJson.tooLarge64", "training", "seed", "9999999999999999999");
        model("modelJson.tutorialCell", "architecture", "cell", "\"lstm-squashed-cell\"");
        model("modelJson.head", "architecture", "head", "\"sideways\"");
        model("modelJson.loss", "architecture", "loss", "\"hinge\"");
        model("modelJson.inputSize", "architecture", "input_size", "0");
        model("modelJson.hiddenSize", "architecture", "hidden_size", "0");
        model("modelJson.layers", "architecture", "num_layers", "65");
        model("modelJson.outputSize", "architecture", "output_size", "0");
        model("modelJson.softmaxClasses", "architecture", "loss", "\"ce\"");
        model("modelJson.optimizer", "training", "optimizer", "\"adagrad\"");
        model("modelJson.flavour", "training", "flavour", "\"jax\"");
        model("modelJson.init", "training", "init", "\"zeros\"");
        model("modelJson.dtype", "training", "dtype", "\"float16\"");
        Consumer<Map<String, String>> same = m -> { };
        checkpoint("checkpoint.notVector", t -> t.put("optimizer.exp_avg.0", Tensor.f64("optimizer.exp_avg.0",
                new int[] {3, 4}, new double[12])), same);
        checkpoint("optimizer.noSteps", t -> t.remove("optimizer.steps"), same);
        checkpoint("optimizer.stepCount", set("optimizer.steps", 0, 2.5), same);
        checkpoint("optimizer.lacks", t -> t.remove("optimizer.exp_avg_sq.4"), same);
        checkpoint("optimizer.size", t -> t.put("optimizer.exp_avg.0", Tensor.f64("optimizer.exp_avg.0",
                new int[] {2}, new double[2])), same);
        checkpoint("optimizer.notFinite", set("optimizer.exp_avg.2", 1, Double.NaN), same);
        checkpoint("optimizer.negative", set("optimizer.exp_avg_sq.0", 0, -1e-3), same);
        checkpoint("optimizer.partial", set("optimizer.steps", 0, 0).andThen(t -> t.remove("optimizer.exp_avg.1")),
                same);
        checkpoint("optimizer.unknown", t -> t.put("optimizer.velocity.0", Tensor.f64("optimizer.velocity.0",
                new int[] {1}, new double[1])), same);
    }

    ModelFileLanguagesTest() {
        super("/file-errors/model-files.txt", ATTEMPTS);
    }

    /**
     * A case that opens the checkpoint's model as an LSTM Lab model file (format 1.0) whose {@code section}
     * metadata ({@code architecture} or {@code training}) has {@code value} (JSON) for {@code field}.
     */
    private static void model(String name, String section, String field, String value) {
        ATTEMPTS.put(name, d -> ModelFile.load(variant(checkpoint, d.resolve("model.safetensors"),
                t -> t.keySet().removeIf(k -> k.startsWith("optimizer.")), m -> {
                m.keySet().removeIf(k -> !k.equals("architecture") && !k.equals("training"));
                m.put("format", ModelFile.FORMAT);
                m.put("format_version", "1.0");
                String json = m.get(section);
                String changed = json.replaceAll("\"" + field + "\": ?(\"[^\"]*\"|[-+.eE0-9]+)",
                        "\"" + field + "\": " + java.util.regex.Matcher.quoteReplacement(value));
                assertNotEquals(json, changed, field);
                m.put(section, changed);
            })));
    }

    /** A case that opens the checkpoint with its tensors and metadata changed. */
    private static void checkpoint(String name, Consumer<Map<String, Tensor>> tensors,
                                   Consumer<Map<String, String>> meta) {
        ATTEMPTS.put(name, d -> CheckpointFile.load(variant(checkpoint, d.resolve("run.safetensors"), tensors,
                meta)));
    }

    /**
     * Each reason of the optimizer's checks, of the architecture's sizes and of the metadata's numbers and names has
     * a case above, except that a binary cross-entropy without outputs is refused as an output size first.
     */
    @Test
    void everyReasonOfTheMetadataAndTheOptimizerStateHasACase(@TempDir Path dir) throws Exception {
        Set<String> seen = checkAll(dir);
        Set<String> expected = new TreeSet<>(Set.of("engine.modelJson.notInteger", "engine.modelJson.tooLarge",
                "engine.modelJson.tutorialCell", "engine.modelJson.noConstant", "engine.modelJson.section",
                "engine.checkpoint.notVector", "engine.loss.unknown", "engine.precision.unknown"));
        EngineBundles.EN.keySet().stream()
                .filter(k -> k.startsWith("engine.optimizer.") || k.startsWith("engine.spec.")).forEach(expected::add);
        expected.remove("engine.spec.binaryOutputs");
        assertEquals(expected, seen);
    }
}
