package org.lstmlab.ui.common;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.Alert;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.image.Image;
import javafx.scene.image.WritableImage;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.transform.Transform;
import javafx.stage.FileChooser;
import javax.imageio.ImageIO;
import org.lstmlab.engine.io.AtomicFiles;

/**
 * Charts and heatmaps saved as PNG pictures: a right-click menu "Save as PNG…" on the node. The picture is taken on
 * the FX thread (a snapshot of the node as drawn, at its size) and encoded and written on the file thread, replacing
 * the file atomically, so a failed save leaves the old file and the UI never waits for the disk. A picture for a
 * slide ({@link #picture}) is taken larger, and may go to the clipboard instead ({@link #copy}).
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
        menuOnRequest(node, n -> menu);
    }

    /**
     * Shows the menu {@code menus} gives for the node asked about (the event's target, or {@code node} itself when
     * the menu key is pressed on it) where a right click or the menu key asks for one, and consumes the request;
     * a null menu leaves it to the parents. The keyboard's request shows the menu under the node's top left corner.
     */
    public static void menuOnRequest(Node node, java.util.function.Function<Node, ContextMenu> menus) {
        menuOnRequest(node, node, menus);
    }

    /**
     * The same, the menu opening from {@code anchor}, which gives it its letters' size (View ▸ Zoom,
     * {@link WindowZoom}): a drawing shrunk to fit its pane lends its menu the pane's zoom, not its own scale.
     */
    public static void menuOnRequest(Node node, Node anchor, java.util.function.Function<Node, ContextMenu> menus) {
        ContextMenu[] last = new ContextMenu[1];   // a new request replaces the menu still showing
        java.util.function.BiConsumer<ContextMenu, javafx.geometry.Point2D> show = (menu, at) -> {
            if (last[0] != null && last[0] != menu) {
                last[0].hide();
            }
            last[0] = menu;
            menu.show(anchor, at.getX(), at.getY());
        };
        node.addEventHandler(ContextMenuEvent.CONTEXT_MENU_REQUESTED, e -> {
            ContextMenu menu = menus.apply(e.getTarget() instanceof Node n ? n : node);
            if (menu != null) {
                show.accept(menu, new javafx.geometry.Point2D(e.getScreenX(), e.getScreenY()));
                e.consume();
            }
        });
        node.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.CONTEXT_MENU) {
                ContextMenu menu = menus.apply(node);
                javafx.geometry.Point2D at = node.localToScreen(0, node.getLayoutBounds().getHeight() / 2);
                if (menu != null && at != null) {
                    show.accept(menu, at);
                    e.consume();
                }
            }
        });
    }

    /**
     * {@code node} as drawn now, {@code scale} times its size in pixels (2 for a slide: sharp when a projector
     * enlarges it), on white. The formulas in it are drawn again at that scale for the picture, not enlarged. Call
     * on the FX thread.
     */
    public static WritableImage picture(Node node, double scale) {
        java.util.List<LatexView> formulas = new java.util.ArrayList<>();
        for (Node n : node.lookupAll(".latex")) {
            if (n instanceof LatexView v) {
                formulas.add(v);
                v.setLeastDensity(scale);
            }
        }
        try {
            SnapshotParameters params = new SnapshotParameters();
            params.setTransform(Transform.scale(scale, scale));
            return node.snapshot(params, null);
        } finally {
            formulas.forEach(v -> v.setLeastDensity(0));
        }
    }

    /** A menu item labelled {@code key} that runs {@code action}. */
    public static MenuItem item(ResourceBundle labels, String key, Runnable action) {
        MenuItem item = new MenuItem(labels.getString(key));
        item.setOnAction(e -> action.run());
        return item;
    }

    /** Puts the text on the clipboard. Call on the FX thread. */
    public static void copy(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    /** Puts the picture on the clipboard, as an image. Call on the FX thread. */
    public static void copy(Image picture) {
        ClipboardContent content = new ClipboardContent();
        content.putImage(picture);
        Clipboard.getSystemClipboard().setContent(content);
    }

    /** The file {@code name} is offered as, then a dash and {@code detail} ("公式-c_t.png"). */
    public static String fileName(ResourceBundle labels, String name, String detail) {
        String plain = fileName(labels, name);
        return plain.substring(0, plain.length() - ".png".length()) + "-" + detail + ".png";
    }

    /** The file {@code name} is offered as: {@code image.file.NAME} in the labels' language, with ".png". */
    public static String fileName(ResourceBundle labels, String name) {
        String key = "image.file." + name;
        return (labels.containsKey(key) ? labels.getString(key) : name) + ".png";
    }

    private static void askAndSave(Node node, ResourceBundle labels, String name) {
        askAndSave(node, labels, fileName(labels, name), () -> picture(node, 1));
    }

    /**
     * Asks where to save a picture, offering {@code offered} as the file's name, then saves the picture
     * {@code picture} takes (on the FX thread, once the file is chosen) in the background; a failure says so over
     * {@code node}'s window.
     */
    public static void askAndSave(Node node, ResourceBundle labels, String offered, Supplier<Image> picture) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(labels.getString("image.saveAsPng.title"));
        chooser.setInitialFileName(offered);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG", "*.png"));
        File f = chooser.showSaveDialog(node.getScene() == null ? null : node.getScene().getWindow());
        if (f == null) {
            return;
        }
        Path file = FileNames.withExtension(f.toPath(), "png");
        save(picture.get(), file, TrainingThreads.files()).whenComplete((done, error) -> {
            if (error != null) {
                Platform.runLater(() -> failure(node, labels, file, error).show());
            }
        });
    }

    /**
     * Saves {@code image} as a PNG to {@code file}. Call on the FX thread; the future completes on {@code files}
     * once the PNG is in place.
     */
    public static CompletableFuture<Path> save(Image image, Path file, Executor files) {
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
