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
 * Units × time heatmaps of each layer's gates and states (one row per layer, one map per symbol, wrapped to the
 * pane's width: one column beside a lesson at 1024 × 768), drawn into images once per trace ({@link HeatmapRaster}).
 * In forward mode a map shows only the steps computed so far: the later ones are left out of the image and lie under
 * an opaque "not computed" veil, so the map fills in column by column; the cursor's own step shows in a map only
 * once the cursor has reached the equation that computes the map's symbol, so the maps of one layer fill in that
 * column one after the other as the cursor steps through the equations. Each step moves the timestep marker and the
 * veil, draws again the few columns that changed, and the whole map only when its colour scale changes. Clicking a
 * map jumps to that timestep and follows that unit. Each map has its colour bar with its scale under it, its axes
 * (units down, t across, first and last t written), the value under the pointer, and a tooltip that explains it.
 * Its words, range and scale cover only the steps computed so far ({@link HeatmapLabels}).
 */
final class HeatmapPane extends VBox {
    static final double W = 160;
    static final double H = 80;

    private final BiConsumer<Integer, Integer> onPick;
    private final java.util.function.IntFunction<String> layerName;
    private final List<Drawn> maps = new ArrayList<>();
    private int steps;
    private int cursorT;
    private int cursorLayer;
    private int cursorEquation;
    private boolean forward = true;
    private final Describe describe;
    private final java.util.ResourceBundle i18n;

    /** The explanation of one map (its symbol, layer and values, and how many steps are computed). */
    interface Describe {
        Explainer.Explanation of(HeatmapLabels map);
    }

    /** One map's parts that change with the cursor: its pixels and image, marker, veil and words. */
    private record Drawn(HeatmapLabels labels, HeatmapRaster raster, WritableImage image, Rectangle marker,
                         Rectangle veil, Label title, Label low, Label high, boolean[] over) {
    }

    /** @param onPick (timestep 0-based, unit) when a map is clicked */
    HeatmapPane(BiConsumer<Integer, Integer> onPick, java.util.function.IntFunction<String> layerName,
                Describe describe, java.util.ResourceBundle i18n) {
        this.layerName = layerName;
        this.describe = describe;
        this.i18n = i18n;
        this.onPick = onPick;
        setSpacing(6);
        setPadding(new Insets(4));
        getStyleClass().add("heatmaps");
        setId("heatmaps");
    }

    void show(TraceDigest digest) {
        getChildren().clear();
        maps.clear();
        if (digest == null) {
            return;
        }
        for (int k = 0; k < digest.layers().size(); k++) {
            FlowPane row = new FlowPane(8, 4);
            row.setPrefWrapLength(2 * W + 40);
            Label layer = new Label(layerName.apply(k) + "      " + i18n.getString("explain.heatmap.axes"));
            layer.getStyleClass().add("heatmap-layer");
            getChildren().add(layer);
            for (String s : digest.heatmapSymbols()) {
                TraceDigest.Series series = digest.series(k, s);
                steps = series.steps();
                row.getChildren().add(map(HeatmapLabels.of(digest.cell(), s, k, series, i18n)));
            }
            getChildren().add(row);
        }
        if (steps > 0) {
            mark(Math.min(cursorT, steps - 1), cursorLayer, cursorEquation, forward);
        }
    }

    /** The map {@code labels} describe. */
    private VBox map(HeatmapLabels labels) {
        String symbol = labels.symbol();
        TraceDigest.Series s = labels.series();
        int layer = labels.layer();
        // drawn once at the scale on show
        labels.mark(Math.min(cursorT, s.steps() - 1), cursorLayer, cursorEquation, forward);
        HeatmapRaster raster = new HeatmapRaster(s, (int) W, (int) H, Palette.ofSymbol(symbol),
                Palette.of(Palette.Role.NEGATIVE));
        WritableImage image = new WritableImage((int) W, (int) H);
        raster.draw(0, (int) W, labels.scale(), labels.computed());
        write(raster, image, 0, (int) W);
        ImageView view = new ImageView(image);
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
        Label name = new Label(labels.title());
        name.getStyleClass().add("heatmap-title");
        Label first = new Label("t=1");
        Label last = new Label("t=" + s.steps());
        javafx.scene.layout.Region gap = new javafx.scene.layout.Region();
        javafx.scene.layout.HBox.setHgrow(gap, javafx.scene.layout.Priority.ALWAYS);
        javafx.scene.layout.HBox axis = new javafx.scene.layout.HBox(first, gap, last);
        axis.getStyleClass().add("heatmap-axis");
        axis.setMaxWidth(W);
        Label low = new Label(labels.low());
        Label high = new Label(labels.high());
        // the value under the pointer takes the title's place while the pointer is over the map
        boolean[] over = {false};
        stack.setOnMouseMoved(e -> {
            over[0] = true;
            name.setText(pointer(labels, e.getX(), e.getY()));
        });
        stack.setOnMouseExited(e -> {
            over[0] = false;
            name.setText(labels.title());
        });
        name.setId("heatmap-title-" + layer + "-" + symbol);
        VBox box = new VBox(1, name, stack, axis, colourBar(symbol, low, high));
        maps.add(new Drawn(labels, raster, image, marker, veil, name, low, high, over));
        ExplanationTip.install(name, () -> describe.of(labels));
        return box;
    }

    /** "f[unit 3], t = 5: 0.9812" for the pixel (x, y) of a map; a dash where the cursor has not computed it yet. */
    private static String pointer(HeatmapLabels labels, double x, double y) {
        TraceDigest.Series s = labels.series();
        int t = (int) Math.max(0, Math.min(s.steps() - 1, x / W * s.steps()));
        int unit = (int) Math.max(0, Math.min(s.units() - 1, y / H * s.units()));
        return labels.pointer(t, unit);
    }

    /**
     * The map's colour scale: from −scale (the negative colour) through white at 0 to +scale (the symbol's colour);
     * a sigmoid gate's scale is 0 to 1. Its ends are {@code low} and {@code high}, which change with the scale.
     */
    private javafx.scene.layout.HBox colourBar(String symbol, Label low, Label high) {
        boolean gate = HeatmapLabels.isGate(symbol);
        int w = (int) W - 70;
        int h = 8;
        int[] px = new int[w * h];
        Color pos = Palette.ofSymbol(symbol);
        Color neg = Palette.of(Palette.Role.NEGATIVE);
        for (int x = 0; x < w; x++) {
            double v = gate ? x / (w - 1.0) : 2.0 * x / (w - 1.0) - 1;
            int c = HeatmapRaster.argb(v, 1, pos, neg);
            for (int y = 0; y < h; y++) {
                px[y * w + x] = c;
            }
        }
        WritableImage img = new WritableImage(w, h);
        img.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), px, 0, w);
        ImageView bar = new ImageView(img);
        bar.getStyleClass().add("heatmap-bar");
        low.setMinWidth(35);
        high.setMinWidth(35);
        low.setAlignment(javafx.geometry.Pos.CENTER_RIGHT);
        javafx.scene.layout.HBox row = new javafx.scene.layout.HBox(3, low, bar, high);
        row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        row.getStyleClass().add("heatmap-scale");
        return row;
    }

    /** Copies columns {@code from} to {@code to} (exclusive) of the raster into the image. */
    private static void write(HeatmapRaster raster, WritableImage image, int from, int to) {
        if (to > from) {
            image.getPixelWriter().setPixels(from, 0, to - from, raster.height(), PixelFormat.getIntArgbInstance(),
                    raster.pixels(), from, raster.width());
        }
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

    /** The heatmap marked for a lesson (its title, map, axis and colour bar), or null. */
    javafx.scene.Node marked() {
        for (javafx.scene.Node row : getChildren()) {
            if (row instanceof FlowPane flow) {
                for (javafx.scene.Node box : flow.getChildren()) {
                    if (box.getStyleClass().contains(EquationPanel.LESSON)) {
                        return box;
                    }
                }
            }
        }
        return null;
    }

    /**
     * Moves the markers to timestep t and veils what is not computed yet with the cursor at forward equation
     * {@code equation} of {@code cursorLayer}: in forward mode the steps after t, and t itself in a map whose symbol
     * a later equation computes (or that lies in a layer above the cursor's), which the maps then show no data of;
     * in backward mode nothing (the forward pass is complete, and the maps show no gradient). The titles and colour
     * bars follow ({@link HeatmapLabels}): their ranges cover the computed steps only. A map draws again the columns
     * the veil's edge passed over, and all of them when its scale changes.
     */
    void mark(int t, int cursorLayer, int equation, boolean forward) {
        cursorT = t;
        this.cursorLayer = cursorLayer;
        this.cursorEquation = equation;
        this.forward = forward;
        if (steps == 0) {
            return;
        }
        // whole pixels: with more steps than pixels most steps leave the marker and the veil where they are
        double x = Math.floor((t + 0.5) * W / steps);
        int w = (int) W;
        for (Drawn m : maps) {
            int was = m.labels().computed();
            int before = HeatmapRaster.firstVeiled(steps, was, w);
            boolean rescaled = m.labels().mark(t, cursorLayer, equation, forward);
            int from = HeatmapRaster.firstVeiled(steps, m.labels().computed(), w);  // the veil's first column
            // the columns between the veil's old and new edge, and the one before each (its mean may change)
            int x0 = rescaled ? 0 : Math.max(0, Math.min(before, from) - 1);
            int x1 = rescaled ? w : was == m.labels().computed() ? x0 : Math.min(w, Math.max(before, from) + 1);
            if (x1 > x0) {
                m.raster().draw(x0, x1, m.labels().scale(), m.labels().computed());
                write(m.raster(), m.image(), x0, x1);
            }
            m.marker().setX(x - 1);
            m.veil().setX(from);
            m.veil().setWidth(Math.max(0, W - from));
            m.low().setText(m.labels().low());
            m.high().setText(m.labels().high());
            if (!m.over()[0]) {
                m.title().setText(m.labels().title());
            }
        }
    }
}
