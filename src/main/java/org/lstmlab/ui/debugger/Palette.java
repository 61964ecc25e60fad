package org.lstmlab.ui.debugger;

import java.util.HashMap;
import java.util.Map;

import javafx.scene.layout.Background;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

/**
 * Reads the theme's gate colours (looked-up colours in theme.css, exposed through the {@code .palette-*} classes of
 * debugger.css) for drawing on canvases and images, so that a gate has one colour everywhere.
 */
final class Palette {
    private final Pane host;
    private final Map<String, Color> cache = new HashMap<>();

    Palette(Pane host) {
        this.host = host;
    }

    /** The colour of a palette name: input, forget, candidate, output, reset, update, cell, hidden, negative. */
    Color colour(String name) {
        return cache.computeIfAbsent(name, this::lookup);
    }

    /** The colour of a trace symbol's gate. */
    Color ofSymbol(String symbol) {
        return colour(DiagramLayout.GATE_COLOURS.getOrDefault(symbol, "hidden"));
    }

    private Color lookup(String name) {
        Region probe = new Region();
        probe.getStyleClass().add("palette-" + name);
        probe.setManaged(false);
        probe.setVisible(false);
        host.getChildren().add(probe);
        probe.applyCss();
        Background bg = probe.getBackground();
        host.getChildren().remove(probe);
        if (bg != null && !bg.getFills().isEmpty()) {
            Paint p = bg.getFills().get(0).getFill();
            if (p instanceof Color c) {
                return c;
            }
        }
        return name.equals("negative") ? Color.web("#1f4e9c") : Color.web("#37474f");
    }

    /** ARGB of a value: white at 0, the colour at full scale; negative values in the negative colour. */
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
