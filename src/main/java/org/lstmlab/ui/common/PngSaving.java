package org.lstmlab.ui.common;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.Alert;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.image.WritableImage;
import javafx.scene.input.ContextMenuEvent;
import javafx.stage.FileChooser;
import javax.imageio.ImageIO;
import org.lstmlab.engine.io.AtomicFiles;

/**
 * Charts and heatmaps saved as PNG pictures: a right-click menu "Save as PNG…" on the node. The picture is taken on
 * the FX thread (a snapshot of the node as drawn, at its size) and encoded and written on the file thread, replacing
 * the file atomically, so a failed save leaves the old file and the UI never waits for the disk.
 */
public final class PngSaving {
    private PngSaving() {
    }

    /**
     * The message that {@code file} could not be saved, and why: in the app's language (title and button too), over
     * the window of {@code node}, at its zoom.
     */
    static Alert failure(Node node, ResourceBundle labels, Path file, Throwable error) {
        Alert failed = new Alert(Alert.AlertType.ERROR, I18n.format(labels, "image.saveFailed", file,
                I18n.explain(labels, error)), DialogButtons.ok(labels));
        failed.setTitle(labels.getString("image.saveFailed.title"));
        failed.setHeaderText(null);
        failed.initOwner(node.getScene() == null ? null : node.getScene().getWindow());
        Fonts.apply(failed.getDialogPane(), labels.getLocale());
        WindowZoom.dialog(failed, WindowZoom.of(node));
        return failed;
    }

    /**
     * Gives {@code node} a context menu with "Save as PNG…" ({@code image.saveAsPng}), which asks where and saves.
     * {@code name} names the file offered, without ".png": the file name is {@code image.file.NAME} in the app's
     * language (损失.png in Chinese), {@code name} itself when the labels have none.
     */
    public static void install(Node node, ResourceBundle labels, String name) {
        MenuItem save = new MenuItem(labels.getString("image.saveAsPng"));
        save.setOnAction(e -> askAndSave(node, labels, name));
        ContextMenu menu = new ContextMenu(save);
        node.addEventHandler(ContextMenuEvent.CONTEXT_MENU_REQUESTED, e -> {
            menu.show(node, e.getScreenX(), e.getScreenY());
            e.consume();
        });
    }

    /** The file {@code name} is offered as: {@code image.file.NAME} in the labels' language, with ".png". */
    static String fileName(ResourceBundle labels, String name) {
        String key = "image.file." + name;
        return (labels.containsKey(key) ? labels.getString(key) : name) + ".png";
    }

    private static void askAndSave(Node node, ResourceBundle labels, String name) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(labels.getString("image.saveAsPng.title"));
        chooser.setInitialFileName(fileName(labels, name));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG", "*.png"));
        File f = chooser.showSaveDialog(node.getScene() == null ? null : node.getScene().getWindow());
        if (f == null) {
            return;
        }
        Path file = FileNames.withExtension(f.toPath(), "png");
        save(node, file, TrainingThreads.files()).whenComplete((done, error) -> {
            if (error != null) {
                Platform.runLater(() -> failure(node, labels, file, error).show());
            }
        });
    }

    /**
     * Saves a picture of {@code node} as it is drawn now, {@code node}'s size in pixels, to {@code file}. Call on
     * the FX thread; the future completes on {@code files} once the PNG is in place.
     */
    public static CompletableFuture<Path> save(Node node, Path file, Executor files) {
        SnapshotParameters params = new SnapshotParameters();
        WritableImage image = node.snapshot(params, null);
        BufferedImage picture = SwingFXUtils.fromFXImage(image, null);
        return CompletableFuture.supplyAsync(() -> {
            try {
                AtomicFiles.write(file, out -> {
                    if (!ImageIO.write(picture, "png", out)) {
                        throw new IOException("no PNG writer in this Java");
                    }
                });
                return file;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, files);
    }
}
