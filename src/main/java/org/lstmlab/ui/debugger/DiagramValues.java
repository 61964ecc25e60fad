package org.lstmlab.ui.debugger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javafx.geometry.VPos;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * The numbers written by the parts of a {@link CellDiagram}: one text per part, under a gate, flush right at the
 * right edge or, in presenter mode, where {@link ValuePlacement} finds room clear of the wires, boxes and other
 * numbers; written with the minus sign − and, outside presenter mode, as short as {@link DiagramNumbers} needs them
 * where they would meet.
 */
final class DiagramValues {
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
    /** Presenter mode: where the values may go ({@link #setPlacement}), null until then. */
    private ValuePlacement placement;
    /** Presenter mode: the white plates under values that found no clear place, by node id. */
    private final Map<String, Rectangle> plates = new HashMap<>();
    /**
     * Presenter mode: the places chosen, by the boxes' widths in characters (each part's full and shorter ones), for
     * the font they were for.
     */
    private final Map<Map<String, List<Integer>>, Map<String, ValuePlacement.Spot>> placed = new HashMap<>();
    private Map<String, ValuePlacement.Spot> spots = Map.of();
    private double spotsFont;

    /** Forgets the values drawn for another layout: {@link #add} makes them again for {@code l}. */
    void clear(DiagramLayout l) {
        layout = l;
        values.clear();
        numbers.clear();
        plates.clear();
        placement = null;
        spots = Map.of();
        placed.clear();
    }

    /**
     * Presenter mode: where the values may go in the drawing now made (its circles and states' names measured);
     * they are placed there at once, and again when their size or their widest text changes.
     */
    void setPlacement(ValuePlacement p) {
        placement = p;
        placed.clear();
        arrange();
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
        arrange();
    }

    /**
     * The text for part {@code n}'s value, placed (in presenter mode once {@link #setPlacement} has measured the
     * drawing, over a plate shown only where no place was clear: the plate, then the text); empty until
     * {@link #show}.
     */
    List<javafx.scene.Node> add(DiagramLayout.Node n) {
        Text value = new Text();
        value.getStyleClass().add("node-value");
        if (valueSize > 0) {
            value.setStyle(fontSize(valueSize));
        }
        values.put(n.id(), value);
        if (!presenting) {  // centred under a gate, flush right at the right edge
            place(value, n);
            return List.of(value);
        }
        value.setTextOrigin(VPos.BASELINE);
        value.setX(n.x());  // inside the drawing until placed: a text at 0, 0 widened the drawing's bounds
        value.setY(n.y());
        Rectangle plate = new Rectangle(n.x(), n.y(), 0, 0);
        plate.getStyleClass().add("value-plate");
        plate.setVisible(false);
        plates.put(n.id(), plate);
        return List.of(plate, value);
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
        arrange();
    }

    /**
     * Presenter mode: places the values ({@link ValuePlacement}), each in a box as wide as the widest number it may
     * show at this size, so that a value keeps its place from step to step: the boxes are chosen again only when
     * the size changes or a text is longer than its box. A value longer than four decimals (a gradient such as
     * −4.239e−6 at 1024 × 768) is offered a digit shorter too, and two, as outside presenter mode
     * ({@link Numbers#brief}): it loses them only where it finds no clear place in full, and the other values keep
     * theirs; only when even the shortest finds none does a value go on a plate. Its hover tip gives it in full.
     */
    private void arrange() {
        if (!presenting || placement == null) {
            return;
        }
        double font = valueFont();
        if (font != spotsFont) {
            placed.clear();
            spotsFont = font;
        }
        Map<String, List<String>> texts = new HashMap<>();
        Map<String, List<Integer>> chars = new HashMap<>();
        for (DiagramLayout.Node n : layout.nodes) {
            if (values.containsKey(n.id()) && (n.symbol() != null || n.gradient() != null)) {
                Double v = numbers.get(n.id());
                String full = v == null ? "" : Numbers.format(v);
                List<String> shown = new ArrayList<>();
                List<Integer> widths = new ArrayList<>();
                for (int fewer = 0; fewer <= (full.length() > ValuePlacement.USUAL ? 2 : 0); fewer++) {
                    String text = fewer == 0 ? full : Numbers.brief(v, fewer);
                    int k = ValuePlacement.reserved(text.length());
                    if (widths.isEmpty() || k < widths.get(widths.size() - 1)) {  // only a narrower box helps
                        shown.add(Numbers.signed(text));
                        widths.add(k);
                    }
                }
                texts.put(n.id(), shown);
                chars.put(n.id(), widths);
            }
        }
        if (placed.size() > 64) {  // a long session's many widths: forget the old ones
            placed.clear();
        }
        spots = placed.computeIfAbsent(chars, c -> {
            Map<String, List<Double>> widths = new HashMap<>();
            c.forEach((id, ks) -> widths.put(id, ks.stream().map(k -> ValuePlacement.width(k, font, advance()))
                    .toList()));
            return placement.place(widths, ValuePlacement.height(font));
        });
        spots.forEach((id, spot) -> values.get(id).setText(texts.get(id).get(spot.shorter())));
        for (Map.Entry<String, ValuePlacement.Spot> e : spots.entrySet()) {
            Text t = values.get(e.getKey());
            ValuePlacement.Box b = e.getValue().box();
            double w = t.getText().length() * advance() * font;
            t.setY(b.bottom() - ValuePlacement.PAD);
            t.setX(switch (e.getValue().align()) {
                case LEFT -> b.left() + ValuePlacement.PAD;
                case RIGHT -> b.right() - ValuePlacement.PAD - w;
                case CENTRE -> (b.left() + b.right() - w) / 2;
            });
            Rectangle plate = plates.get(e.getKey());
            plate.setX(t.getX() - ValuePlacement.PAD);
            plate.setY(b.top());
            plate.setWidth(w + 2 * ValuePlacement.PAD);
            plate.setHeight(b.bottom() - b.top());
            plate.setVisible(e.getValue().plate() && !t.getText().isEmpty());
        }
    }
}
