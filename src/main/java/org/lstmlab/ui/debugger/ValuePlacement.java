package org.lstmlab.ui.debugger;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Where presenter mode writes each part's value in a cell diagram, so that no number lies across a wire, a gate's
 * box, an operation's circle, a state's name or another number: a teacher's projected diagram is read from the back
 * of a room, and a wire through a number's digits (each gate's wires run through its box's middle, up and down)
 * made it hard to read. Each value gets a box as wide as the widest number it will show at that size, so that its
 * place does not jump from step to step; the places tried for each part are listed best first ({@link #tries}), and
 * of the choices for all of them together that leave every box clear the best is taken, one where no gate's value
 * reads as its neighbour's ({@link #cost}). A long value may be offered narrower too, a digit shorter: it is
 * shortened only where its full width finds no clear place beside the others, so that one long gradient at
 * 1024 × 768 costs its own digit, not every value's ({@link #SHORTER}). When there is no choice at all (a number
 * wider than the drawing has room for), each value takes its first place clear of the drawing and of the values
 * placed before it, at its widest that has one, else its first place at its narrowest, on a white plate that hides
 * what lies under it. Pure geometry: the caller measures the circles and the states' names.
 */
final class ValuePlacement {
    /** A box in the drawing's pixels. */
    record Box(double left, double top, double right, double bottom) {
        boolean meets(Box o) {
            return left < o.right && o.left < right && top < o.bottom && o.top < bottom;
        }

        /**
         * Whether the run from (x1, y1) to (x2, y2), {@code room} wide on each side, comes into the box: the
         * diagram's wires run straight across or up ({@link DiagramLayout#path}), so the run is a box too.
         */
        boolean crossedBy(double x1, double y1, double x2, double y2, double room) {
            return meets(new Box(Math.min(x1, x2) - room, Math.min(y1, y2) - room, Math.max(x1, x2) + room,
                    Math.max(y1, y2) + room));
        }

        boolean inside(Box o) {
            return left >= o.left && right <= o.right && top >= o.top && bottom <= o.bottom;
        }
    }

    /** How a value's text lines up in its box: from the left when the box is right of its part, and so on. */
    enum Align { LEFT, CENTRE, RIGHT }

    /**
     * A value's place: its box (the digits and {@link #PAD} around them) and how the text lines up in it; with a
     * {@code plate} when no place was clear; {@code shorter}, which of the widths offered it takes (0 the first,
     * its full text's; 1 a digit shorter, and so on).
     */
    record Spot(Box box, Align align, boolean plate, int shorter) {
    }

    /** The white edge around a value's digits (presenter mode's halo), inside its box. */
    static final double PAD = 3;
    /** Half a lit wire (4 px) and a pixel of its smoothing: how near a wire's middle a box may come. */
    static final double WIRE = 2.5;
    /** The room between a box and the part it belongs to. */
    static final double GAP = 2;
    /** The room between a box and an operation's circle: with the edge, over 6 px between the digits and the
     * circle. */
    static final double CIRCLE = 4;
    /** The room under a gate's box: a value there stays {@link #CIRCLE} clear of the circle beside the box. */
    static final double UNDER = 6;
    /** The characters of a value of four decimals, −0.0600, the widest of the usual ones. */
    static final int USUAL = 7;

    /**
     * How many characters a value's box holds, {@code longest} the length of the text shown: a usual value's at
     * least, so that values keep their places from step to step while they are no wider.
     */
    static int reserved(int longest) {
        return Math.max(longest, USUAL);
    }

    /** A value's box's width for {@code chars} characters {@code advance} font sizes wide at {@code font} px. */
    static double width(int chars, double font, double advance) {
        return chars * advance * font + 2 * PAD;
    }

    /** A value's box's height at {@code font} px: its digits' and the edge around them. */
    static double height(double font) {
        return DiagramLayout.DIGITS * font + 2 * PAD;
    }

    /**
     * The cost of a digit less ({@link #cost}): more than the worst places of every part together, so that the
     * fewest digits are lost first and the places are the best for those digits.
     */
    static final int SHORTER = 10_000;

    /** How many choices the search looks at before it settles for plates. */
    private static final int BUDGET = 200_000;

    private final DiagramLayout layout;
    private final ToDoubleFunction<DiagramLayout.Node> radius;
    /** The drawing's frame, inside which every value stays. */
    private final Box frame;
    private final List<Box> parts = new ArrayList<>();
    /** The operations' circles: centre x, y and radius. */
    private final List<double[]> circles = new ArrayList<>();
    private final List<double[]> runs = new ArrayList<>();
    private final Map<String, Box> names = new HashMap<>();

    /**
     * @param radius an operation's circle's radius
     * @param name   the box of a state's name (null for a part whose name is inside its box or circle)
     */
    ValuePlacement(DiagramLayout layout, ToDoubleFunction<DiagramLayout.Node> radius,
                   Function<DiagramLayout.Node, Box> name) {
        this.layout = layout;
        this.radius = radius;
        this.frame = new Box(12, 17, layout.width() - 2, layout.height() - 7);
        for (DiagramLayout.Node n : layout.nodes) {
            switch (n.kind()) {
                case GATE -> parts.add(new Box(n.x() - layout.halfWidth(n), n.y() - layout.halfHeight(),
                        n.x() + layout.halfWidth(n), n.y() + layout.halfHeight()));
                case OP -> circles.add(new double[] {n.x(), n.y(), radius.applyAsDouble(n)});
                case STATE -> {
                    Box b = name.apply(n);
                    if (b != null) {
                        parts.add(b);
                        names.put(n.id(), b);
                    }
                }
            }
        }
        for (DiagramLayout.Wire w : layout.wires) {
            double[] p = layout.path(w);
            for (int j = 0; j + 3 < p.length; j += 2) {
                runs.add(new double[] {p[j], p[j + 1], p[j + 2], p[j + 3]});
            }
        }
    }

    /** Values keep clear of {@code b} too (presenter mode's gradient tag, {@link CellDiagram}). */
    void avoid(Box b) {
        parts.add(b);
    }

    /** Whether {@code b} lies inside the frame, clear of every wire, box, circle and state's name. */
    boolean clear(Box b) {
        if (!b.inside(frame)) {
            return false;
        }
        for (Box p : parts) {
            if (b.meets(p)) {
                return false;
            }
        }
        for (double[] c : circles) {
            double nx = Math.max(b.left, Math.min(c[0], b.right));
            double ny = Math.max(b.top, Math.min(c[1], b.bottom));
            if (Math.hypot(nx - c[0], ny - c[1]) < c[2] + CIRCLE) {
                return false;
            }
        }
        for (double[] r : runs) {
            if (b.crossedBy(r[0], r[1], r[2], r[3], WIRE)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The places of the values of the parts in {@code widths} by node id, all {@code height} high: each part's
     * widths are its full text's box (the widest text it will show, {@link #PAD} included), then, for a long
     * value, its box a digit shorter, and so on. Of the choices that leave every value clear, the one with the
     * fewest digits lost whose places are best in all ({@link #cost}): a value keeps its full width unless that
     * width finds no clear place beside the others.
     */
    Map<String, Spot> place(Map<String, List<Double>> widths, double height) {
        List<DiagramLayout.Node> todo = new ArrayList<>();
        Map<String, List<List<Spot>>> all = new HashMap<>();
        for (DiagramLayout.Node n : layout.nodes) {
            List<Double> w = widths.get(n.id());
            if (w != null) {
                List<List<Spot>> levels = new ArrayList<>();
                for (int shorter = 0; shorter < w.size(); shorter++) {
                    levels.add(tries(n, w.get(shorter), height, shorter));
                }
                all.put(n.id(), levels);
                todo.add(n);
            }
        }
        Search s = new Search(todo.size());
        // the parts with the fewest clear places first: the search then rarely goes back
        todo.sort(Comparator.comparingInt(n -> (int) all.get(n.id()).get(0).stream().filter(t -> clear(t.box()))
                .count()));
        for (int k = 0; k < todo.size(); k++) {
            DiagramLayout.Node n = todo.get(k);
            List<Spot> ok = new ArrayList<>();
            List<Integer> costs = new ArrayList<>();
            for (List<Spot> tries : all.get(n.id())) {  // the full width's places first, then a digit shorter
                for (int rank = 0; rank < tries.size(); rank++) {
                    Spot t = tries.get(rank);
                    if (clear(t.box())) {
                        ok.add(t);
                        costs.add(cost(n, t, rank) + SHORTER * t.shorter());
                    }
                }
            }
            s.tries[k] = ok;
            s.costs[k] = costs;
        }
        s.run(0, 0);
        Map<String, Spot> out = new LinkedHashMap<>();
        if (s.best != null) {
            for (int k = 0; k < todo.size(); k++) {
                out.put(todo.get(k).id(), s.best[k]);
            }
            return out;
        }
        List<Box> taken = new ArrayList<>();
        for (int k = 0; k < todo.size(); k++) {
            Spot spot = s.tries[k].stream().filter(c -> taken.stream().noneMatch(c.box()::meets)).findFirst()
                    .orElse(null);
            if (spot == null) {
                List<List<Spot>> levels = all.get(todo.get(k).id());
                int narrowest = levels.size() - 1;
                Spot first = s.tries[k].stream().filter(c -> c.shorter() == narrowest).findFirst()
                        .orElse(levels.get(narrowest).get(0));
                spot = new Spot(first.box(), first.align(), true, narrowest);
            }
            taken.add(spot.box());
            out.put(todo.get(k).id(), spot);
        }
        return out;
    }

    /**
     * How bad a place is: its rank among the places tried, and much worse for a gate's value whose nearer part (the
     * 0.6 of its box on the side its text starts from) lies over or under another gate's box, where it would read as
     * that gate's.
     */
    private int cost(DiagramLayout.Node n, Spot s, int rank) {
        if (n.kind() != DiagramLayout.Kind.GATE) {
            return rank;
        }
        Box b = s.box();
        double near = 0.6 * (b.right - b.left);
        double from = switch (s.align()) {
            case LEFT -> b.left;
            case RIGHT -> b.right - near;
            case CENTRE -> (b.left + b.right - near) / 2;
        };
        for (DiagramLayout.Node g : layout.nodes) {
            if (g != n && g.kind() == DiagramLayout.Kind.GATE && from < g.x() + layout.halfWidth(g)
                    && g.x() - layout.halfWidth(g) < from + near) {
                return rank + MISLEADING;
            }
        }
        return rank;
    }

    /** The cost of a gate's value that would read as another gate's ({@link #cost}). */
    private static final int MISLEADING = 10;

    /** A search for the cheapest choice of clear places that do not meet, within {@link #BUDGET} steps. */
    private static final class Search {
        final List<Spot>[] tries;
        final List<Integer>[] costs;
        final Spot[] chosen;
        Spot[] best;
        int bestCost = Integer.MAX_VALUE;
        int budget = BUDGET;

        @SuppressWarnings("unchecked")
        Search(int parts) {
            tries = new List[parts];
            costs = new List[parts];
            chosen = new Spot[parts];
        }

        void run(int k, int cost) {
            if (cost >= bestCost || budget <= 0) {
                return;
            }
            if (k == chosen.length) {
                best = chosen.clone();
                bestCost = cost;
                return;
            }
            for (int c = 0; c < tries[k].size(); c++) {
                budget--;
                Spot s = tries[k].get(c);
                boolean free = true;
                for (int j = 0; j < k && free; j++) {
                    free = !s.box().meets(chosen[j].box());
                }
                if (free) {
                    chosen[k] = s;
                    run(k + 1, cost + costs[k].get(c));
                }
            }
        }
    }

    /**
     * The places tried for part {@code n}'s value, {@code w × h}, best first. A gate's: over or under its box,
     * centred, then to either side of the wire through its middle; an operation's: beside its circle, then over or
     * under it, beside the wire through it; an input's: under its line from its start, then over it right of its
     * name; an output's: right of its line's end and its name, under the line (from under its name, or ending at
     * its end), over it right of its name. Each place is for the width offered {@code shorter}th.
     */
    List<Spot> tries(DiagramLayout.Node n, double w, double h, int shorter) {
        double x = n.x();
        double y = n.y();
        double side = WIRE + 1;
        List<Spot> out = new ArrayList<>();
        switch (n.kind()) {
            case GATE -> {
                double above = y - layout.halfHeight() - GAP;
                double below = y + layout.halfHeight() + UNDER;
                out.add(spot(x - w / 2, above - h, w, h, Align.CENTRE, shorter));
                out.add(spot(x - w / 2, below, w, h, Align.CENTRE, shorter));
                out.add(spot(x - side - w, above - h, w, h, Align.RIGHT, shorter));
                out.add(spot(x + side, above - h, w, h, Align.LEFT, shorter));
                out.add(spot(x + side, below, w, h, Align.LEFT, shorter));
                out.add(spot(x - side - w, below, w, h, Align.RIGHT, shorter));
                double half = layout.halfWidth(n);
                out.add(spot(x + half + GAP, y - h / 2, w, h, Align.LEFT, shorter));
                out.add(spot(x - half - GAP - w, y - h / 2, w, h, Align.RIGHT, shorter));
            }
            case OP -> {
                double r = radius.applyAsDouble(n);
                out.add(spot(x + r + GAP * 3, y - h / 2, w, h, Align.LEFT, shorter));
                out.add(spot(x - r - GAP * 3 - w, y - h / 2, w, h, Align.RIGHT, shorter));
                for (double top : new double[] {y - r - CIRCLE - 1 - h, y + r + CIRCLE + 1}) {
                    out.add(spot(x + side, top, w, h, Align.LEFT, shorter));
                    out.add(spot(x - side - w, top, w, h, Align.RIGHT, shorter));
                }
            }
            case STATE -> {
                Box name = names.get(n.id());
                double afterName = name == null ? x : name.right() + GAP * 2;
                boolean output = layout.wires.stream().anyMatch(wire -> wire.to().equals(n.id()));
                if (output) {
                    out.add(spot(Math.max(x + GAP * 2, afterName), y - h / 2, w, h, Align.LEFT, shorter));
                    out.add(spot(x - 24, y + side, w, h, Align.LEFT, shorter));
                    out.add(spot(x - w, y + side, w, h, Align.RIGHT, shorter));
                } else {
                    out.add(spot(x - 24, y + side, w, h, Align.LEFT, shorter));
                }
                out.add(spot(afterName, y - side - h, w, h, Align.LEFT, shorter));
            }
        }
        return out;
    }

    private static Spot spot(double left, double top, double w, double h, Align align, int shorter) {
        return new Spot(new Box(left, top, left + w, top + h), align, false, shorter);
    }
}
