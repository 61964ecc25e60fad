package org.lstmlab.ui.debugger;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import javafx.geometry.VPos;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/**
 * The numbers written by the parts of a {@link CellDiagram}: one text per part, under a gate, flush right at the
 * right edge or, in presenter mode, hanging from the part and growing away from it; written with the minus sign −
 * and, outside presenter mode, as short as {@link DiagramNumbers} needs them where they would meet.
 */
final class DiagramValues {
    /** The width a value is centred in, in presenter mode: wider than any number at the largest size. */
    private static final double PRESENTER_VALUE_WIDTH = 240;
    /** A character's width in the values' monospaced font, in font sizes; measured once. */
    private static double advance;

    private final Map<String, Text> values = new HashMap<>();
    /** The parts' numbers at the cursor, by node id (null for none), as last shown. */
    private final Map<String, Double> numbers = new LinkedHashMap<>();
    private DiagramLayout layout;
    /** Presenter mode: the larger drawing, values placed to grow away from their parts. */
    private boolean presenting;
    /** The values' font size, in the drawing's pixels ({@link DiagramFit}); 0 for the style sheets'. */
    private double valueSize;

    /** Forgets the values drawn for another layout: {@link #add} makes them again for {@code l}. */
    void clear(DiagramLayout l) {
        layout = l;
        values.clear();
        numbers.clear();
    }

    /** Presenter mode on or off: the values' size goes back to the style sheets' until {@link #setSize}. */
    void setPresenting(boolean on) {
        presenting = on;
        valueSize = 0;
    }

    /**
     * The values' font size, in the drawing's pixels (0 leaves it to the style sheets). Outside presenter mode the
     * numbers are then placed and written again, shorter where they would meet.
     */
    void setSize(double px) {
        if (Math.abs(px - valueSize) < 0.01) {
            return;
        }
        valueSize = px;
        for (Map.Entry<String, Text> e : values.entrySet()) {
            e.getValue().setStyle(px > 0 ? fontSize(px) : "");
            if (!presenting) {
                place(e.getValue(), layout.node(e.getKey()));
            }
        }
        write();
    }

    /**
     * The text for part {@code n}'s value, placed; empty until {@link #show}.
     *
     * @param radius the part's circle's radius (an operation's), 0 for a part without one
     */
    Text add(DiagramLayout.Node n, double radius) {
        Text value = new Text();
        value.getStyleClass().add("node-value");
        if (valueSize > 0) {
            value.setStyle(fontSize(valueSize));
        }
        if (presenting) {  // hanging from the part, growing away from it
            DiagramLayout.Place p = layout.place(n, radius);
            value.setTextOrigin(switch (p.hangs()) {
                case BELOW -> VPos.TOP;
                case ABOVE -> VPos.BOTTOM;
                case BESIDE -> VPos.CENTER;
            });
            value.setY(p.y());
            value.setX(p.centred() ? p.x() - PRESENTER_VALUE_WIDTH / 2 : p.x());
            if (p.centred()) {
                value.setWrappingWidth(PRESENTER_VALUE_WIDTH);
                value.setTextAlignment(TextAlignment.CENTER);
            }
        } else {  // centred under a gate, flush right at the right edge
            place(value, n);
        }
        values.put(n.id(), value);
        return value;
    }

    /** Shows the parts' numbers, by node id (null for none). */
    void show(Map<String, Double> byPart) {
        numbers.putAll(byPart);
        write();
    }

    /** A font size as a style, rounded up to the hundredth (never below what was asked). */
    private static String fontSize(double px) {
        return String.format(java.util.Locale.ROOT, "-fx-font-size: %.2fpx;", Math.ceil(px * 100 - 1e-9) / 100);
    }

    /** The font size the values are drawn at, in the drawing's pixels. */
    private double valueFont() {
        return valueSize > 0 ? valueSize : presenting ? DiagramFit.PRESENTER_STYLE_NUMBER : DiagramFit.STYLE_NUMBER;
    }

    /** A character's width in the values' font, in font sizes. */
    private static double advance() {
        if (advance == 0) {
            Text t = new Text("0123456789");
            t.setFont(Font.font("Monospaced", 100));
            advance = t.getLayoutBounds().getWidth() / 1000;
        }
        return advance;
    }

    /**
     * Places a value outside presenter mode at its anchor ({@link DiagramLayout#anchor}) as its text is long
     * ({@link DiagramNumbers#box}, the font being monospaced).
     */
    private void place(Text value, DiagramLayout.Node n) {
        DiagramLayout.Anchor at = DiagramLayout.anchor(n, valueFont());
        value.setY(at.baseline());
        value.setX(DiagramNumbers.box(at, value.getText(), valueFont(), advance())[0]);
    }

    /**
     * Writes the numbers: in presenter mode each in full (its layout has room); else as {@link DiagramNumbers} fits
     * them at the values' size.
     */
    private void write() {
        if (layout == null) {
            return;
        }
        Map<String, String> texts = presenting ? null : DiagramNumbers.texts(layout, numbers, valueFont(), advance());
        for (Map.Entry<String, Text> e : values.entrySet()) {
            Double v = numbers.get(e.getKey());
            // the minus sign −, as the substitution panel writes it (display only)
            String text = Numbers.signed(texts != null ? texts.get(e.getKey()) : v == null ? "" : Numbers.format(v));
            if (!text.equals(e.getValue().getText())) {
                e.getValue().setText(text);
                if (!presenting) {
                    place(e.getValue(), layout.node(e.getKey()));
                }
            }
        }
    }
}
