package org.lstmlab.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.lstmlab.testing.FileErrorCases;
import org.lstmlab.testing.FileErrorCases.Attempt;
import org.lstmlab.testing.FileErrorTest;

/**
 * A model file or training checkpoint whose contents cannot be used says why in the app's language: the metadata's
 * numbers and cell (ModelJson), a checkpoint's optimizer tensors and state (CheckpointFile and the optimizer's
 * checks), on variants of a real checkpoint and a model file written here, in English as the command line always
 * said it and in Chinese ({@code file-errors/model-files.txt}).
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
        model("modelJson.notInteger", m -> m.put("training", training("1.5")));
        model("modelJson.tooLarge", m -> m.put("training", training("123456789012345678901234")));
        model("modelJson.tooLarge64", m -> m.put("training", training("9999999999999999999")));
        model("modelJson.tutorialCell", m -> m.put("architecture", m.get("architecture")
                .replace("\"lstm\"", "\"lstm-squashed-cell\"")));
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

    /** The training metadata of the checkpoint with this seed, as written. */
    private static String training(String seed) {
        return checkpoint.metadata().get("training").replaceAll("\"seed\": ?[0-9]+", "\"seed\": " + seed);
    }

    /** A case that opens the checkpoint's model as an LSTM Lab model file (format 1.0) with its metadata changed. */
    private static void model(String name, Consumer<Map<String, String>> meta) {
        ATTEMPTS.put(name, d -> ModelFile.load(variant(checkpoint, d.resolve("model.safetensors"),
                t -> t.keySet().removeIf(k -> k.startsWith("optimizer.")), m -> {
                m.keySet().removeIf(k -> !k.equals("architecture") && !k.equals("training"));
                m.put("format", ModelFile.FORMAT);
                m.put("format_version", "1.0");
                meta.accept(m);
            })));
    }

    /** A case that opens the checkpoint with its tensors and metadata changed. */
    private static void checkpoint(String name, Consumer<Map<String, Tensor>> tensors,
                                   Consumer<Map<String, String>> meta) {
        ATTEMPTS.put(name, d -> CheckpointFile.load(variant(checkpoint, d.resolve("run.safetensors"), tensors,
                meta)));
    }

    /** Each reason of the optimizer's checks and of the metadata's numbers has a case above. */
    @Test
    void everyNewReasonHasACase(@TempDir Path dir) throws IOException {
        Set<String> seen = FileErrorCases.checkAll(cases(), ATTEMPTS, dir);
        Set<String> expected = new TreeSet<>(Set.of("engine.modelJson.notInteger", "engine.modelJson.tooLarge",
                "engine.modelJson.tutorialCell", "engine.modelJson.section", "engine.checkpoint.notVector"));
        EngineBundles.EN.keySet().stream().filter(k -> k.startsWith("engine.optimizer.")).forEach(expected::add);
        assertEquals(expected, seen);
    }
}
