package org.lstmlab.engine.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmlab.engine.io.ModelFile;
import org.lstmlab.engine.nn.Initializers;
import org.lstmlab.engine.nn.ModelSpec;
import org.lstmlab.engine.nn.SequenceModel;

/**
 * A safetensors file starts with its header's length, 8 bytes little-endian: for a header of 640, 896, 1152 or 1408
 * bytes (and those plus multiples of 65,536) the first two bytes are 0x80 and 2 to 5, a pickle's protocol opcode.
 * Such files (a model saved by LSTM Lab among them) were refused as pickles; they open, and real pickles are still
 * recognised.
 */
class FileKindTest {
    @TempDir
    Path dir;

    @Test
    void aModelWhoseHeaderLengthLooksLikeAPickleOpens() throws IOException {
        SequenceModel model = new SequenceModel(ModelSpec.kerasExample(3));
        Initializers.initialize(model, Initializers.Scheme.TORCH, 5);
        Path saved = dir.resolve("saved.safetensors");
        ModelFile.save(saved, model, null, "keras-example");
        for (long length : new long[] {896, 1152, 1408, 640 + 65_536, 1408 + 2 * 65_536}) {
            Path file = dir.resolve("header-" + length + ".safetensors");
            Files.write(file, withHeaderLength(Files.readAllBytes(saved), length));
            byte[] head = Arrays.copyOf(Files.readAllBytes(file), 2);
            assertEquals(0x80, head[0] & 0xff, "the case: byte 0");
            assertTrue(head[1] >= 2 && head[1] <= 5, "the case: byte 1 is " + head[1]);

            assertEquals(FileKind.SAFETENSORS, FileKind.of(file), "header of " + length + " bytes");
            SequenceModel loaded = ModelImport.load(file, ImportOptions.NONE).model();
            for (int k = 0; k < model.parameters().size(); k++) {
                assertArrayEquals(model.parameters().get(k).data(), loaded.parameters().get(k).data(), 0.0,
                        "header of " + length + " bytes: " + model.parameters().get(k).name());
            }
        }
    }

    @Test
    void signaturesStillDecide() throws IOException {
        // torch.save's legacy format: protocol 2, then the LONG1 magic number 0x1950a86a20f9469cfc6c
        byte[] legacy = {(byte) 0x80, 2, (byte) 0x8a, 0x0a, 0x6c, (byte) 0xfc, (byte) 0x9c, 0x46, (byte) 0xf9, 0x20};
        assertEquals(FileKind.PICKLE, FileKind.of(write("legacy.pt", legacy)));
        assertEquals(FileKind.PICKLE, FileKind.of(write("short.pt", new byte[] {(byte) 0x80, 4})));
        assertEquals(FileKind.ZIP, FileKind.of(write("archive.pth", new byte[] {'P', 'K', 3, 4, 0, 0, 0, 0, 0})));
        byte[] hdf5 = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n', 0};
        assertEquals(FileKind.HDF5, FileKind.of(write("model.h5", hdf5)));
        assertEquals(FileKind.HDF5, FileKind.of(write("exact.h5", Arrays.copyOf(hdf5, 8))));
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    /**
     * The same safetensors file with its JSON header padded with spaces (which the format allows) to
     * {@code length}.
     */
    private static byte[] withHeaderLength(byte[] file, long length) {
        ByteBuffer in = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        int old = (int) in.getLong();
        assertTrue(old <= length, "header of " + old + " bytes is longer than " + length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(length).array());
        out.write(file, 8, old);
        byte[] pad = new byte[(int) (length - old)];
        Arrays.fill(pad, (byte) ' ');
        out.writeBytes(pad);
        out.write(file, 8 + old, file.length - 8 - old);
        return out.toByteArray();
    }
}
