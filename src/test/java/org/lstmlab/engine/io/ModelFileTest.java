package org.lstmlab.engine.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmlab.engine.interop.ImportOptions;
import org.lstmlab.engine.loss.Loss;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.nn.HeadMode;
import org.lstmlab.engine.nn.Initializers;
import org.lstmlab.engine.nn.ModelSpec;
import org.lstmlab.engine.nn.SequenceModel;
import org.lstmlab.engine.train.TrainingConfig;

class ModelFileTest {
    @TempDir Path dir;

    private static SequenceModel model(CellType cell, int layers, long seed) {
        SequenceModel m = new SequenceModel(new ModelSpec(cell, 5, 7, layers, 3, HeadMode.EVERY_STEP,
                Loss.SOFTMAX_CROSS_ENTROPY));
        Initializers.initialize(m, Initializers.Scheme.TORCH, seed);
        return m;
    }

    @Test
    void roundTripIsBitExactWithMetadata() throws IOException {
        for (CellType cell : CellType.standard()) {
            SequenceModel m = model(cell, 2, cell.ordinal());
            Path f = dir.resolve(cell.id() + ".safetensors");
            TrainingConfig cfg = TrainingConfig.kerasDefaults().toBuilder().seed(99).clipNorm(1.5).build();
            ModelFile.save(f, m, cfg, "charlm", List.of("a", "b", "\"q\""));
            ModelFile.Loaded back = ModelFile.load(f);
            assertEquals(m.spec(), back.model().spec());
            assertEquals(cfg, back.training().orElseThrow());
            assertEquals("charlm", back.task());
            assertEquals(List.of("a", "b", "\"q\""), back.vocabulary());
            assertTrue(back.warnings().isEmpty(), back.warnings()::toString);
            for (int i = 0; i < m.parameters().size(); i++) {
                double[] a = m.parameters().get(i).data();
                double[] b = back.model().parameters().get(i).data();
                for (int j = 0; j < a.length; j++) {
                    assertEquals(Double.doubleToRawLongBits(a[j]), Double.doubleToRawLongBits(b[j]));
                }
            }
        }
    }

    @Test
    void tensorsCarryPyTorchStateDictNames() throws IOException {
        SequenceModel m = model(CellType.LSTM, 2, 1);
        Path f = dir.resolve("m.safetensors");
        ModelFile.save(f, m, null, null);
        assertEquals(List.of("fc.bias", "fc.weight", "rnn.bias_hh_l0", "rnn.bias_hh_l1", "rnn.bias_ih_l0",
                        "rnn.bias_ih_l1", "rnn.weight_hh_l0", "rnn.weight_hh_l1", "rnn.weight_ih_l0",
                        "rnn.weight_ih_l1"),
                List.copyOf(SafeTensors.read(f).tensors().keySet()));
        assertArrayEquals(new int[] {28, 5}, SafeTensors.read(f).tensor("rnn.weight_ih_l0").shape());
    }

    @Test
    void nonFiniteWeightsAreNeverSavedAndTheOldFileSurvives() throws IOException {
        SequenceModel good = model(CellType.GRU, 1, 2);
        Path f = dir.resolve("m.safetensors");
        ModelFile.save(f, good, null, null);
        byte[] before = Files.readAllBytes(f);
        SequenceModel bad = model(CellType.GRU, 1, 3);
        bad.rnn().layer(0).weightHh().data()[4] = Double.NaN;
        IOException e = assertThrows(IOException.class, () -> ModelFile.save(f, bad, null, null));
        assertTrue(e.getMessage().contains("weight_hh_l0"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(f));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void aPlainPyTorchStateDictIsInferredFromShapes() throws IOException {
        Map<String, Tensor> sd = new LinkedHashMap<>();
        int h = 6;
        int d = 2;
        sd.put("weight_ih_l0", Tensor.f32("weight_ih_l0", new int[] {3 * h, d}, new double[3 * h * d]));
        sd.put("weight_hh_l0", Tensor.f32("weight_hh_l0", new int[] {3 * h, h}, new double[3 * h * h]));
        sd.put("bias_ih_l0", Tensor.f32("bias_ih_l0", new int[] {3 * h}, new double[3 * h]));
        sd.put("bias_hh_l0", Tensor.f32("bias_hh_l0", new int[] {3 * h}, new double[3 * h]));
        Path f = dir.resolve("gru.safetensors");
        SafeTensors.write(f, sd, Map.of());
        org.lstmlab.engine.interop.ImportedModel m = org.lstmlab.engine.interop.ModelImport.load(f, ImportOptions.NONE);
        assertTrue(m.kind().contains("state_dict"), m.kind());
        assertEquals(CellType.GRU, m.model().spec().cell());
        assertEquals(d, m.model().spec().inputSize());
        assertEquals(h, m.model().spec().hiddenSize());
    }

    @Test
    void newerFormatVersionIsRefusedWithAClearMessage() throws IOException {
        SequenceModel m = model(CellType.LSTM, 1, 4);
        Path f = dir.resolve("m.safetensors");
        ModelFile.save(f, m, null, null);
        SafeTensorsFile raw = SafeTensors.read(f);
        Map<String, String> meta = new LinkedHashMap<>(raw.metadata());
        meta.put("format_version", "7");
        SafeTensors.write(f, raw.tensors(), meta);
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFile.load(f));
        assertTrue(e.getMessage().contains("newer version"), e.getMessage());
        assertTrue(e.getMessage().contains(f.toString()), e.getMessage());
    }

    @Test
    void wrongShapeOrBrokenArchitectureIsNamed() throws IOException {
        SequenceModel m = model(CellType.LSTM, 1, 5);
        Path f = dir.resolve("m.safetensors");
        ModelFile.save(f, m, null, null);
        SafeTensorsFile raw = SafeTensors.read(f);
        Map<String, String> meta = new LinkedHashMap<>(raw.metadata());
        meta.put("architecture", meta.get("architecture").replace("\"hidden_size\":7", "\"hidden_size\":8"));
        ModelFile.seal(raw.tensors(), meta);
        SafeTensors.write(f, raw.tensors(), meta);
        IOException e = assertThrows(IOException.class, () -> ModelFile.load(f));
        assertTrue(e.getMessage().contains("rnn.weight_hh_l0") || e.getMessage().contains("shape"), e.getMessage());

        meta.put("architecture", "{\"cell\": \"lstm\"");
        ModelFile.seal(raw.tensors(), meta);
        SafeTensors.write(f, raw.tensors(), meta);
        e = assertThrows(ModelFileException.class, () -> ModelFile.load(f));
        assertTrue(e.getMessage().contains("architecture"), e.getMessage());
    }
}
