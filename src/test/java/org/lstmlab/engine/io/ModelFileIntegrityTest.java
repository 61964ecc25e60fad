package org.lstmlab.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.lstmlab.engine.loss.Loss;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.nn.HeadMode;
import org.lstmlab.engine.nn.Initializers;
import org.lstmlab.engine.nn.ModelSpec;
import org.lstmlab.engine.nn.SequenceModel;
import org.lstmlab.engine.train.TrainingConfig;

/**
 * A model file says its version, the app's version and a checksum, and never loads damaged or unread parts
 * silently.
 */
class ModelFileIntegrityTest {
    @TempDir Path dir;

    private Path saved() throws IOException {
        SequenceModel m = new SequenceModel(new ModelSpec(CellType.GRU, 2, 3, 1, 1, HeadMode.LAST,
                Loss.BINARY_CROSS_ENTROPY));
        Initializers.initialize(m, Initializers.Scheme.TORCH, 7);
        Path f = dir.resolve("m.safetensors");
        ModelFile.save(f, m, TrainingConfig.kerasDefaults(), "sine");
        return f;
    }

    @Test
    void theFileCarriesFormatVersionAppVersionAndChecksum() throws IOException {
        Map<String, String> meta = SafeTensors.read(saved()).metadata();
        assertEquals("2.4", meta.get("format_version"));
        assertEquals(AppVersion.VERSION, meta.get("app_version"));
        assertTrue(meta.get("checksum").matches("sha256:[0-9a-f]{64}"), meta.get("checksum"));
    }

    @Test
    void everyFlippedByteIsRefused() throws IOException {
        Path f = saved();
        byte[] good = Files.readAllBytes(f);
        long headerLength = java.nio.ByteBuffer.wrap(good, 0, 8).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong();
        Path bad = dir.resolve("bad.safetensors");
        int checksumRefusals = 0;
        for (int i = 0; i < good.length; i++) {
            for (int mask : new int[] {0x01, 0xFF}) {
                byte[] b = good.clone();
                b[i] ^= (byte) mask;
                Files.write(bad, b);
                int at = i;
                IOException e = assertThrows(IOException.class, () -> ModelFile.load(bad),
                        () -> "byte " + at + " ^ " + mask + " loaded");
                if (i >= 8 + headerLength) {
                    assertTrue(e.getMessage().contains("the file is damaged (checksum mismatch)"), e.getMessage());
                    checksumRefusals++;
                }
            }
        }
        assertTrue(checksumRefusals > 100, "the data bytes were checked: " + checksumRefusals);
    }

    @Test
    void aChangedMetadataValueIsAChecksumMismatch() throws IOException {
        Path f = saved();
        SafeTensorsFile raw = SafeTensors.read(f);
        Map<String, String> meta = new LinkedHashMap<>(raw.metadata());
        meta.put("task", "other");
        SafeTensors.write(f, raw.tensors(), meta);
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFile.load(f));
        assertEquals(f + ": the file is damaged (checksum mismatch)", e.getMessage());
    }

    @Test
    void unknownFieldsOfANewerMinorVersionAreReportedNotDropped() throws IOException {
        Path f = saved();
        SafeTensorsFile raw = SafeTensors.read(f);
        Map<String, String> meta = new LinkedHashMap<>(raw.metadata());
        meta.put("format_version", "2.3");
        meta.put("dropout", "0.1");
        meta.put("architecture", meta.get("architecture").replace("{", "{\"layer_norm\":true,"));
        ModelFile.seal(raw.tensors(), meta);
        SafeTensors.write(f, raw.tensors(), meta);
        ModelFile.Loaded m = ModelFile.load(f);
        assertEquals(1, m.warnings().size(), m.warnings()::toString);
        String w = m.warnings().get(0).english();
        assertTrue(w.contains("dropout") && w.contains("architecture.layer_norm") && w.contains("2.3"), w);
    }

    @Test
    void aNewerMajorVersionIsRefused() throws IOException {
        Path f = saved();
        SafeTensorsFile raw = SafeTensors.read(f);
        Map<String, String> meta = new LinkedHashMap<>(raw.metadata());
        meta.put("format_version", "3.0");
        ModelFile.seal(raw.tensors(), meta);
        SafeTensors.write(f, raw.tensors(), meta);
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFile.load(f));
        assertTrue(e.getMessage().contains("newer version of LSTM Lab (model format 3"), e.getMessage());
    }

    @Test
    void aVersionOneFileStillLoadsAndSaysItHasNoChecksum() throws IOException {
        Path f = saved();
        SafeTensorsFile raw = SafeTensors.read(f);
        Map<String, String> meta = new LinkedHashMap<>(raw.metadata());
        meta.put("format_version", "1");
        meta.remove("checksum");
        meta.remove("app_version");
        SafeTensors.write(f, raw.tensors(), meta);
        ModelFile.Loaded m = ModelFile.load(f);
        assertTrue(m.warnings().get(0).english().contains("no checksum"), m.warnings()::toString);
    }

    @Test
    void aSmallFileClaimingAHugeArchitectureIsRefusedBeforeAllocating() throws IOException {
        Path f = saved();
        SafeTensorsFile raw = SafeTensors.read(f);
        Map<String, String> meta = new LinkedHashMap<>(raw.metadata());
        meta.put("architecture", meta.get("architecture").replace("\"hidden_size\":3", "\"hidden_size\":1000000"));
        ModelFile.seal(raw.tensors(), meta);
        SafeTensors.write(f, raw.tensors(), meta);
        IOException e = assertThrows(IOException.class, () -> ModelFile.load(f));
        assertTrue(e.getMessage().contains("rnn.weight_ih_l0") && e.getMessage().contains("3000000"), e.getMessage());
        meta.put("architecture", meta.get("architecture").replace("\"num_layers\":1", "\"num_layers\":1000"));
        ModelFile.seal(raw.tensors(), meta);
        SafeTensors.write(f, raw.tensors(), meta);
        e = assertThrows(IOException.class, () -> ModelFile.load(f));
        assertTrue(e.getMessage().contains("number of layers 1000 is outside 1..64"), e.getMessage());
    }

    @Test
    void aTensorTheArchitectureDoesNotHaveIsRefused() throws IOException {
        Path f = saved();
        SafeTensorsFile raw = SafeTensors.read(f);
        for (String extra : List.of("rnn.weight_ih_l1", "encoder.weight")) {
            Map<String, Tensor> tensors = new LinkedHashMap<>(raw.tensors());
            tensors.put(extra, Tensor.f64(extra, new int[] {1}, new double[1]));
            Map<String, String> meta = new LinkedHashMap<>(raw.metadata());
            ModelFile.seal(tensors, meta);
            SafeTensors.write(f, tensors, meta);
            ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFile.load(f));
            assertTrue(e.getMessage().contains(extra.startsWith("rnn") ? "the architecture has 1 layer but the "
                    + "file also has rnn.weight_ih_l1" : "'encoder.weight' is not part of the architecture"),
                    e.getMessage());
        }
    }
}
