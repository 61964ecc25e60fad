package org.lstmlab.engine.interop;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import org.lstmlab.engine.io.ModelFileException;
import org.lstmlab.engine.text.Message;

/**
 * A zip file: a Keras 3 {@code .keras} archive ({@code config.json}, {@code metadata.json}, {@code model.weights.h5})
 * or a PyTorch {@code torch.save} file (read by {@link TorchSave}). Members are inflated with hard
 * limits, counted as they are read (a zip's declared sizes can lie), so a zip bomb ends in an error, never in a full
 * disk or heap.
 */
final class KerasArchive {
    static final long MAX_CONFIG = 16L << 20;
    static final long MAX_WEIGHTS = 1L << 30;
    static final int MAX_ENTRIES = 10_000;
    /** Keras stores members uncompressed or deflated; weights do not compress 100 to 1, a bomb does. */
    static final long MAX_RATIO = 100;

    private KerasArchive() {
    }

    static ImportedModel read(Path file, ImportOptions options) throws IOException {
        String name = file.toString();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.size() > MAX_ENTRIES) {
                throw new ModelFileException(name, Message.of("engine.keras.zipEntries", Integer.toString(zip.size())));
            }
            if (zip.stream().anyMatch(e -> TorchSave.exportedProgram(e.getName()))) {
                String f = file.getFileName().toString();
                throw new ModelFileException(name, Message.of("engine.import.exportedProgram", f,
                        f.replaceAll("\\.pt2$", "") + ".pt"));
            }
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                String n = e.nextElement().getName();
                if (n.equals("data.pkl") || n.endsWith("/data.pkl") && n.indexOf('/') == n.length() - 9) {
                    return TorchSave.read(zip, file, n, options);
                }
            }
            ZipEntry config = zip.getEntry("config.json");
            ZipEntry weights = zip.getEntry("model.weights.h5");
            if (config == null || weights == null) {
                Object missing = config == null && weights == null ? Message.of("engine.keras.bothMembers")
                        : config == null ? "config.json" : "model.weights.h5";
                throw new ModelFileException(name, Message.of(zip.getEntry("model.weights.npz") != null
                        ? "engine.keras.zipWithoutNpz" : "engine.keras.zipWithout", missing));
            }
            String json = new String(inflate(zip, config, name, MAX_CONFIG, null), StandardCharsets.UTF_8);
            String version = "";
            ZipEntry meta = zip.getEntry("metadata.json");
            if (meta != null) {
                String m = new String(inflate(zip, meta, name, 1 << 20, null), StandardCharsets.UTF_8);
                java.util.regex.Matcher v = java.util.regex.Pattern
                        .compile("\"keras_version\"\\s*:\\s*\"([^\"]{1,40})\"").matcher(m);
                version = v.find() ? ", Keras " + v.group(1) : "";
            }
            Path tmp = Files.createTempFile("lstm-lab-keras-", ".weights.h5");
            try {
                inflate(zip, weights, name, MAX_WEIGHTS, tmp);
                return KerasH5.read(tmp, name, options, Optional.of(json), "Keras 3 model (.keras" + version + ")");
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (ZipException e) {
            throw new ModelFileException(name, Message.of("engine.keras.zipDamaged", String.valueOf(e.getMessage())));
        }
    }

    /** The member's bytes (or, with {@code into}, written there), refused past {@code limit} or a bomb's ratio. */
    static byte[] inflate(ZipFile zip, ZipEntry e, String name, long limit, Path into) throws IOException {
        long compressed = Math.max(e.getCompressedSize(), 1);
        long cap = e.getMethod() == ZipEntry.STORED ? Math.min(limit, Math.max(e.getSize(), 0))
                : Math.min(limit, Math.max(compressed * MAX_RATIO, 1 << 20));
        java.io.ByteArrayOutputStream mem = into == null ? new java.io.ByteArrayOutputStream() : null;
        try (InputStream in = zip.getInputStream(e);
             OutputStream out = into == null ? mem : Files.newOutputStream(into)) {
            byte[] buf = new byte[1 << 16];
            long total = 0;
            for (int n; (n = in.read(buf)) > 0; ) {
                total += n;
                if (total > cap) {
                    throw new ModelFileException(name, Message.of("engine.keras.zipBomb", e.getName(),
                            Long.toString(cap), Long.toString(compressed)));
                }
                out.write(buf, 0, n);
            }
        }
        return mem == null ? new byte[0] : mem.toByteArray();
    }
}
