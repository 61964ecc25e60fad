package org.lstmlab.engine.interop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Whether writing a result would destroy a file the same command reads: the model (with the Keras config read
 * beside a {@code .h5} file) or the input sequences. Checked before anything is read or written.
 */
public final class Overwrites {
    private Overwrites() {
    }

    /**
     * What writing {@code out} would overwrite, e.g. "the model file m.safetensors", or empty when nothing.
     * {@code input} may be null.
     */
    public static Optional<String> of(Path out, Path model, Path input) {
        if (input != null && same(out, input)) {
            return Optional.of("the input file " + input);
        }
        if (same(out, model)) {
            return Optional.of("the model file " + model);
        }
        String name = model.getFileName() == null ? "" : model.getFileName().toString();
        if (name.endsWith(".h5")) {
            Optional<Path> config = KerasH5.sidecarPath(model);
            if (config.isPresent() && same(out, config.get())) {
                return Optional.of("the model's config file " + config.get());
            }
        }
        return Optional.empty();
    }

    /**
     * Whether two paths name one file: {@link Files#isSameFile} when both exist (links followed, so a link to
     * the model is the model), else the same absolute normalized path.
     */
    static boolean same(Path a, Path b) {
        try {
            if (Files.exists(a) && Files.exists(b)) {
                return Files.isSameFile(a, b);
            }
        } catch (IOException e) {
            // cannot tell by the file system: compare the names below
        }
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }
}
