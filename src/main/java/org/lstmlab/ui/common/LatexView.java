package org.lstmlab.ui.common;

import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.paint.Color;
import javafx.scene.transform.Transform;
import javafx.stage.Window;

/**
 * A formula that stays sharp when enlarged. It takes the place (the layout size) of the formula drawn at
 * {@code size} pixels, but its bitmap is drawn at that size times the scale it is shown at: the zoom and any other
 * transform above it, times the screen's output scale (2 on a "200 %" display). It draws again when that scale
 * changes to another quarter step; {@link Latex} caches each drawing.
 */
public final class LatexView extends ImageView {
    private static final double STEP = 0.25;
    private static final double MAX_DENSITY = 8;

    private final String latex;
    private final float size;
    private Color colour;
    private double density = 1;
    /** The formula drawn smaller than its size, by this factor ({@link #setShrink}); 1 for its own size. */
    private double shrink = 1;
    private double baseWidth;
    private double baseHeight;
    /** The density a picture of the formula asks for at least ({@link PngSaving#picture}); 0 when none does. */
    private double leastDensity;
    private Window watched;
    /** Held here, given to the window and the scene weakly: a window outlives the views it showed. */
    private final ChangeListener<Number> outputScale = (o, a, b) -> update();
    private final WeakChangeListener<Number> weakOutputScale = new WeakChangeListener<>(outputScale);
    private final ChangeListener<Window> windowShown = (o, a, w) -> watch(getScene());
    private final WeakChangeListener<Window> weakWindowShown = new WeakChangeListener<>(windowShown);
    private Scene scene;

    public LatexView(String latex, float size) {
        this(latex, size, Latex.DARK);
    }

    public LatexView(String latex, float size, Color colour) {
        this.latex = latex;
        this.size = size;
        this.colour = colour;
        getStyleClass().add("latex");
        setSmooth(true);
        draw();
        localToSceneTransformProperty().addListener((o, a, b) -> update());
        sceneProperty().addListener((o, a, b) -> watch(b));
    }

    /** Draws the formula in another colour (a name on a dark fill turns white). */
    public void setColour(Color c) {
        if (!c.equals(colour)) {
            colour = c;
            draw();
        }
    }

    /** The formula's letter size in its own pixels (before any scale above it). */
    public float fontSize() {
        return size;
    }

    /** The pixels drawn per layout pixel: 1 at 100 % on an ordinary screen, 4 at 200 % on a "200 %" screen. */
    public double density() {
        return density;
    }

    /** The formula's width at its own size (before {@link #setShrink}). */
    public double formulaWidth() {
        return baseWidth;
    }

    /** The formula's height at its own size (before {@link #setShrink}). */
    public double formulaHeight() {
        return baseHeight;
    }

    /**
     * Lays the formula out {@code s} times its size (at most 1: a smaller drawing of the same bitmap stays sharp),
     * where a heading must fit a narrow pane.
     */
    public void setShrink(double s) {
        double now = Math.min(1, s);
        if (now != shrink) {
            shrink = now;
            fit();
        }
    }

    /**
     * Lays the formula out at its size times {@link #shrink}, rounded up to whole pixels: a fraction of a pixel put
     * the lines under the heading off from where the pane's fitting measured them, and the letters never get smaller
     * than the scale asked.
     */
    private void fit() {
        setFitWidth(shrink == 1 ? baseWidth : Math.ceil(baseWidth * shrink));
        setFitHeight(shrink == 1 ? baseHeight : Math.ceil(baseHeight * shrink));
    }

    /**
     * Draws the formula at least {@code d} times its size until set back to 0: a picture taken {@code d} times
     * larger than the screen shows it stays sharp.
     */
    public void setLeastDensity(double d) {
        if (d != leastDensity) {
            leastDensity = d;
            update();
        }
    }

    private void watch(Scene now) {
        if (watched != null) {
            watched.outputScaleXProperty().removeListener(weakOutputScale);
            watched = null;
        }
        if (scene != now) {
            if (scene != null) {
                scene.windowProperty().removeListener(weakWindowShown);
            }
            scene = now;
            if (scene != null) {
                scene.windowProperty().addListener(weakWindowShown);
            }
        }
        if (scene != null && scene.getWindow() != null) {
            watched = scene.getWindow();
            watched.outputScaleXProperty().addListener(weakOutputScale);
        }
        update();
    }

    private void update() {
        double d = Math.max(leastDensity,
                wanted(getLocalToSceneTransform(), watched == null ? 1 : watched.getOutputScaleX()));
        if (d != density) {
            density = d;
            draw();
        }
    }

    /** The scale the formula is seen at, to the next quarter up (shrinking stays sharp, stretching not), 1/2 to 8. */
    static double wanted(Transform toScene, double outputScale) {
        double sx = Math.hypot(toScene.getMxx(), toScene.getMyx());
        double s = sx * (outputScale > 0 ? outputScale : 1);
        if (!Double.isFinite(s) || s <= 0) {
            return 1;
        }
        return Math.min(MAX_DENSITY, Math.max(2 * STEP, Math.ceil(s / STEP - 1e-6) * STEP));
    }

    private void draw() {
        Image base = Latex.render(latex, size, colour);
        Image image = density == 1 ? base : Latex.render(latex, size, colour, density);
        setImage(image);
        baseWidth = base.getWidth();
        baseHeight = base.getHeight();
        fit();
    }
}
