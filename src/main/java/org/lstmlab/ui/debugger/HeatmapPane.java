package org.lstmlab.ui.debugger;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import org.lstmlab.ui.common.Palette;
import org.lstmlab.ui.common.StyleClasses;

/**
 * Units × time heatmaps of each layer's gates and states (one row per layer, one map per symbol), drawn once per
 * trace into images; each step only moves the timestep marker and the veil over what is not computed yet. Clicking
 * a map jumps to that timestep and follows that unit.
 */
final class HeatmapPane extends VBox {
    static final double W = 160;
    static final double H = 80;

    private final BiConsumer<Integer, Integer> onPick;
    private final java.util.function.IntFunction<String> layerName;
    private final List<Rectangle> markers = new ArrayList<>();
    private final List<Rectangle> veils = new ArrayList<>();
    private final List<Integer> layerOf = new ArrayList<>();
    private int steps;

    /** @param onPick (timestep 0-based, unit) when a map is clicked */
    HeatmapPane(BiConsumer<Integer, Integer> onPick, java.util.function.IntFunction<String> layerName) {
        this.layerName = layerName;
        this.onPick = onPick;
        setSpacing(6);
        setPadding(new Insets(4));
        getStyleClass().add("heatmaps");
        setId("heatmaps");
    }

    void show(TraceDigest digest) {
        getChildren().clear();
        markers.clear();
        veils.clear();
        layerOf.clear();
        if (digest == null) {
            return;
        }
        for (int k = 0; k < digest.layers().size(); k++) {
            FlowPane row = new FlowPane(8, 4);
            row.setPrefWrapLength(2 * W + 40);
            Label layer = new Label(layerName.apply(k));
            layer.getStyleClass().add("heatmap-layer");
            getChildren().add(layer);
            for (String s : digest.heatmapSymbols()) {
                TraceDigest.Series series = digest.series(k, s);
                steps = series.steps();
                row.getChildren().add(map(s, series, k));
            }
            getChildren().add(row);
        }
    }

    private VBox map(String symbol, TraceDigest.Series s, int layer) {
        ImageView view = new ImageView(image(symbol, s));
        view.setFitWidth(W);
        view.setFitHeight(H);
        view.setSmooth(false);
        Rectangle veil = new Rectangle(0, 0, 0, H);
        veil.getStyleClass().add("heatmap-veil");
        veil.setMouseTransparent(true);
        Rectangle marker = new Rectangle(0, 0, 2, H);
        marker.getStyleClass().add("heatmap-marker");
        marker.setMouseTransparent(true);
        Pane stack = new Pane(view, veil, marker);
        stack.setPrefSize(W, H);
        stack.setMaxSize(W, H);
        stack.getStyleClass().add("heatmap");
        stack.setId("heatmap-" + layer + "-" + symbol);
        stack.setOnMouseClicked(e -> onPick.accept((int) Math.min(s.steps() - 1, e.getX() / W * s.steps()),
                (int) Math.min(s.units() - 1, e.getY() / H * s.units())));
        markers.add(marker);
        veils.add(veil);
        layerOf.add(layer);
        Label name = new Label(symbol + "   [" + Numbers.format(s.min()) + ", " + Numbers.format(s.max()) + "]");
        name.getStyleClass().add("heatmap-title");
        return new VBox(1, name, stack);
    }

    /**
     * The map as an image of exactly the displayed size: each pixel is the mean of the block of units and timesteps
     * it covers (or repeats one value when there are fewer steps or units than pixels), so the scene never scales an
     * image and the cells stay sharp.
     */
    private WritableImage image(String symbol, TraceDigest.Series s) {
        int w = (int) W;
        int h = (int) H;
        int[] px = new int[w * h];
        double scale = Math.max(Math.abs(s.min()), Math.abs(s.max()));
        if (symbol.equals("i") || symbol.equals("f") || symbol.equals("o") || symbol.equals("r")
                || symbol.equals("z")) {
            scale = 1;
        }
        Color pos = Palette.ofSymbol(symbol);
        Color neg = Palette.of(Palette.Role.NEGATIVE);
        for (int x = 0; x < w; x++) {
            int t0 = (int) ((long) x * s.steps() / w);
            int t1 = Math.max(t0 + 1, (int) ((long) (x + 1) * s.steps() / w));
            for (int y = 0; y < h; y++) {
                int j0 = (int) ((long) y * s.units() / h);
                int j1 = Math.max(j0 + 1, (int) ((long) (y + 1) * s.units() / h));
                double sum = 0;
                for (int t = t0; t < t1; t++) {
                    for (int j = j0; j < j1; j++) {
                        sum += s.at(t, j);
                    }
                }
                px[y * w + x] = argb(sum / ((t1 - t0) * (j1 - j0)), scale, pos, neg);
            }
        }
        WritableImage img = new WritableImage(w, h);
        img.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), px, 0, w);
        return img;
    }

    /** Marks one heatmap for a lesson (style class {@code lesson-highlight}); null clears the mark. */
    void highlight(Highlights.Heatmap h) {
        for (javafx.scene.Node row : getChildren()) {
            if (row instanceof FlowPane flow) {
                for (javafx.scene.Node box : flow.getChildren()) {
                    javafx.scene.Node map = ((VBox) box).getChildren().get(1);
                    StyleClasses.set(box, EquationPanel.LESSON, h != null
                            && map.getId().equals("heatmap-" + h.layer() + "-" + h.symbol()));
                }
            }
        }
    }

    /**
     * Moves the markers to timestep t and veils what is not computed yet: in forward mode the steps after t (and t
     * itself in layers above the cursor's), in backward mode nothing (the forward pass is complete).
     */
    void mark(int t, int cursorLayer, boolean forward) {
        if (steps == 0) {
            return;
        }
        // whole pixels: with more steps than pixels most steps leave every map as it is, and nothing is repainted
        double x = Math.floor((t + 0.5) * W / steps);
        for (int k = 0; k < markers.size(); k++) {
            markers.get(k).setX(x - 1);
            int layer = layerOf.get(k);
            double from = Math.round(!forward ? W : layer <= cursorLayer ? (t + 1) * W / steps : t * W / steps);
            veils.get(k).setX(from);
            veils.get(k).setWidth(Math.max(0, W - from));
        }
    }

    /** ARGB of a value: white at 0, the colour at full scale; negative values in the negative colour; magenta NaN. */
    static int argb(double v, double scale, Color positive, Color negative) {
        if (!Double.isFinite(v)) {
            return 0xFFFF00FF;
        }
        double a = scale <= 0 ? 0 : Math.min(1, Math.abs(v) / scale);
        Color c = v >= 0 ? positive : negative;
        int r = (int) Math.round(255 + (c.getRed() * 255 - 255) * a);
        int g = (int) Math.round(255 + (c.getGreen() * 255 - 255) * a);
        int b = (int) Math.round(255 + (c.getBlue() * 255 - 255) * a);
        return 0xFF000000 | r << 16 | g << 8 | b;
    }
}
