package org.lstmlab.ui.debugger;

import java.util.List;
import java.util.function.Function;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import org.lstmlab.ui.common.Palette;

/**
 * Bars of the current vectors (one row per symbol, one bar per unit, zero in the middle of each row): the gates and
 * states of the cursor's layer and timestep in forward mode, their gradients in backward mode. A row stays empty
 * until the cursor reaches the equation that computes it; the followed unit is outlined.
 */
final class VectorBars extends Pane {
    private static final double ROW = 46;
    private final Canvas canvas = new Canvas(420, 300);

    VectorBars() {
        setId("vector-bars");
        getChildren().add(canvas);
    }

    /**
     * @param symbols the rows, in order
     * @param read    symbol → its vector, or null when it is not computed yet
     */
    void show(List<String> symbols, Function<String, double[]> read, int unit) {
        double w = Math.max(300, getWidth() > 0 ? getWidth() - 8 : 420);
        canvas.setWidth(w);
        canvas.setHeight(symbols.size() * ROW + 6);
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        double left = 52;
        for (int r = 0; r < symbols.size(); r++) {
            String s = symbols.get(r);
            double top = 4 + r * ROW;
            double mid = top + ROW / 2 - 4;
            g.setFill(Color.gray(0.2));
            g.fillText(s, 4, mid + 4);
            g.setStroke(Color.gray(0.8));
            g.strokeLine(left, mid, w - 4, mid);
            double[] v = read.apply(s);
            if (v == null) {
                continue;
            }
            double scale = 0;
            for (double x : v) {
                if (Double.isFinite(x)) {
                    scale = Math.max(scale, Math.abs(x));
                }
            }
            scale = Math.max(scale, 1e-12);
            if (List.of("i", "f", "o", "r", "z").contains(s)) {
                scale = 1;  // gates live in [0, 1]: draw them on that scale, so a gate near 1 looks open
            }
            double bw = (w - 4 - left) / v.length;
            Color pos = Palette.ofSymbol(s);
            Color neg = Palette.of(Palette.Role.NEGATIVE);
            for (int j = 0; j < v.length; j++) {
                double x = Double.isFinite(v[j]) ? v[j] : 0;
                double hgt = Math.abs(x) / scale * (ROW / 2 - 6);
                g.setFill(x >= 0 ? pos : neg);
                g.fillRect(left + j * bw, x >= 0 ? mid - hgt : mid, Math.max(1, bw - (bw > 3 ? 1 : 0)), hgt);
                if (j == unit) {
                    g.setStroke(Color.BLACK);
                    g.strokeRect(left + j * bw, top + 2, Math.max(2, bw), ROW - 10);
                }
            }
            g.setFill(Color.gray(0.45));
            g.setFont(javafx.scene.text.Font.font(9));
            g.fillText("±" + Numbers.display(scale), 4, mid + 16);
            g.setFont(javafx.scene.text.Font.getDefault());
        }
    }
}
