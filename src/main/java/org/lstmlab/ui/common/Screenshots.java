package org.lstmlab.ui.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javafx.animation.PauseTransition;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.util.Duration;
import javax.imageio.ImageIO;

/** Saves a PNG of a scene once it has been laid out and painted. */
public final class Screenshots {
    private Screenshots() {
    }

    /** Waits a moment for layout and animations to settle, saves the scene, then runs {@code done}. */
    public static void saveAfterLayout(Scene scene, Path file, Runnable done) {
        PauseTransition wait = new PauseTransition(Duration.millis(1500));
        wait.setOnFinished(e -> {
            save(scene, file);
            done.run();
        });
        wait.play();
    }

    /** Saves the scene as a PNG now; call on the FX thread. */
    public static void save(Scene scene, Path file) {
        WritableImage image = scene.snapshot(null);
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write screenshot " + file, e);
        }
    }
}
