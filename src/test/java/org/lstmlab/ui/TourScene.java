package org.lstmlab.ui;

import java.nio.file.Path;
import java.util.function.BooleanSupplier;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Window;
import org.lstmlab.ui.common.Screenshots;

/**
 * What every part of {@link ScreenshotTour} works with: the main window and its scene, the mode asked for, and how
 * to save a picture (a snapshot of the scene, or the screen under a window, popups included), wait and act on the FX
 * thread.
 *
 * @param window  the app's main window
 * @param scene   its scene, at the tour's size
 * @param dir     where the pictures go
 * @param only    the mode ({@code all}, {@code train}, {@code lesson}, …)
 * @param chinese whether the window speaks Chinese (the names then start with {@code zh-})
 * @param size    the size in a picture's name, {@code 1024x768} or {@code 1024x768-zoom150}
 */
public record TourScene(MainWindow window, Scene scene, Path dir, String only, boolean chinese, String size) {
    /** {@code zh-} for the Chinese pictures, else nothing. */
    String prefix() {
        return chinese ? "zh-" : "";
    }

    /** Whether the mode is one of {@code modes}. */
    boolean is(String... modes) {
        return java.util.Arrays.asList(modes).contains(only);
    }

    /** Saves a snapshot of the scene. */
    void shot(String name) throws InterruptedException {
        fx(() -> Screenshots.save(scene, dir.resolve(name)));
        System.out.println("saved " + dir.resolve(name));
    }

    /** Saves the screen under the stage: popups (menus, tooltips) included, unlike a snapshot of the scene. */
    void capture(String name) throws InterruptedException {
        capture(name, scene.getWindow());
    }

    void capture(String name, Window w) throws InterruptedException {
        fx(() -> {
            var img = new javafx.scene.robot.Robot().getScreenCapture(null, w.getX(), w.getY(), w.getWidth(),
                    w.getHeight());
            try {
                javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(img, null), "png",
                        dir.resolve(name).toFile());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        System.out.println("saved " + dir.resolve(name));
    }

    /** Moves the real pointer onto a node, waits for its tooltip, and saves the whole screen under the stage. */
    void pointAndCapture(String query, String name) throws InterruptedException {
        Node[] n = new Node[1];
        // a lookup ignores pseudo-classes: ".equation-row:current" is the equation row in that state
        fx(() -> n[0] = !query.endsWith(":current") ? scene.lookup(query) : scene.getRoot()
                .lookupAll(query.substring(0, query.length() - ":current".length())).stream()
                .filter(r -> r.getPseudoClassStates().contains(javafx.css.PseudoClass.getPseudoClass("current")))
                .findFirst().orElseThrow());
        pointAt(n[0]);
        Thread.sleep(2500);
        capture(name);
    }

    /**
     * Moves the real pointer to the middle of a node, in two steps (a tooltip waits for a move inside its node),
     * with the window focused (a tooltip shows only in the focused window).
     */
    static void pointAt(Node n) throws InterruptedException {
        fx(() -> {
            if (n.getScene().getWindow() instanceof javafx.stage.Stage stage) {
                stage.requestFocus();
            }
        });
        Thread.sleep(300);
        for (int k = 4; k >= 0; k -= 4) {
            int d = k;
            fx(() -> {
                var b = n.localToScreen(n.getBoundsInLocal());
                new javafx.scene.robot.Robot().mouseMove(b.getMinX() + b.getWidth() / 2 - d,
                        b.getMinY() + b.getHeight() / 2 - d);
            });
            Thread.sleep(200);
        }
    }

    /** Runs {@code r} on the FX thread and waits for it. */
    public static void fx(Runnable r) {
        UiWait.onFx(() -> {
            r.run();
            return null;
        });
    }

    /** Waits until the condition (read on the FX thread) holds, or says it gave up after {@code seconds}. */
    public static void waitUntil(BooleanSupplier condition, int seconds) throws InterruptedException {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            boolean[] ok = new boolean[1];
            fx(() -> ok[0] = condition.getAsBoolean());
            if (ok[0]) {
                return;
            }
            Thread.sleep(200);
        }
        System.out.println("gave up waiting after " + seconds + " s");
    }
}
