package org.lstmlab.ui.debugger;

/**
 * How large the debugger draws its diagrams. Cells beside the main one are drawn at the zoom's size and wrap below
 * it while the pane is as wide as one of them; in a narrower pane (beside a lesson at 1024 × 768) all of them shrink
 * to its width, to no less than {@link #SMALLEST}, rather than be cut off on the right, unless the user zoomed in
 * (then they keep the zoom's size, and the pane scrolls). The main cell alone fits its pane, shrinking to no less
 * than {@link #SMALLEST} on a small screen; zoomed in, where the zoom leaves its pane small, it shrinks further
 * ({@link #least}), to fit the pane or at least its width (not in a pane too narrow for that), with its numbers
 * never smaller on the screen than the style sheet's at 100 %; where its pane is too low for that, the divider above
 * moves up to give it the height ({@link #pane}). In presenter mode it fits the pane the equation above
 * leaves it, growing or shrinking (to {@link #PRESENTER_SMALLEST} on the screen, and further, to
 * {@link #PRESENTER_LEAST}, rather than scroll), and its numbers grow as it shrinks so that they stay
 * {@link #PRESENTER_NUMBER} px high on the screen while it is not below {@link #PRESENTER_SMALLEST}. Outside
 * presenter mode its numbers never go below {@link #NUMBER} px at 100 % either ({@link #number}).
 */
final class DiagramFit {
    /** The least the main diagram shrinks to on a small screen; below it the pane scrolls. */
    static final double SMALLEST = 0.6;
    /**
     * The least presenter mode shrinks the diagram to on the screen (zoom included): its numbers are then 30 px of
     * its own, as large as numbers of four decimals go without meeting ({@link DiagramLayout#place}). It goes that
     * small only when the equation's result line and the vectors it reads need the room.
     */
    static final double PRESENTER_SMALLEST = 0.8;
    /**
     * The least presenter mode shrinks the diagram to for the rest of the equation's numbers: its numbers are then
     * 26 px of its own, room enough for the widest (-1.234e-05) not to meet.
     */
    static final double PRESENTER_ROOMY = 0.92;
    /**
     * The least presenter mode shrinks the diagram to on the screen rather than scroll, when even
     * {@link #PRESENTER_SMALLEST} does not fit (a wide, low window zoomed in: 1280 × 720 at 200 %): its numbers keep
     * their largest size of its own ({@link #presenterNumber}), and are then 18 px on the screen, the style sheet's.
     */
    static final double PRESENTER_LEAST = 0.6;
    /** How high presenter mode's numbers are on the screen, at least, while the diagram is not below its smallest. */
    static final double PRESENTER_NUMBER = 24;
    /** The diagram's numbers in presenter mode while it is large enough (its style sheet's size). */
    static final double PRESENTER_STYLE_NUMBER = 18;
    /** How high the diagram's numbers are on the screen at 100 %, at least, outside presenter mode. */
    static final double NUMBER = 10;
    /** The diagram's numbers outside presenter mode while it is large enough (its style sheet's size). */
    static final double STYLE_NUMBER = 11;

    private DiagramFit() {
    }

    /**
     * The scale of the diagrams in a {@code width × height} pane for drawings of natural size {@code w × h}, under a
     * zoom of {@code zoom} (1.5 for 150 %).
     *
     * @param alone      whether the main cell is the only one (no cells beside it); with cells beside, only the
     *                   pane's width counts (they stack, and the pane scrolls down)
     * @param presenting presenter mode: the lone diagram fills the pane, but is never smaller on the screen than
     *                   {@link #PRESENTER_LEAST}
     */
    static double scale(double width, double height, double w, double h, boolean alone, boolean presenting,
                        double zoom) {
        if (width <= 0 || height <= 0 || w <= 0 || h <= 0) {
            return 1;
        }
        if (!alone) {  // zoomed in, the user asked for larger drawings: they keep that size and the pane scrolls
            return zoom > 1 ? 1 : Math.max(SMALLEST, Math.min(1, width / w));
        }
        double fit = Math.min(width / w, height / h);
        if (presenting) {
            // a pane a little short (2 %) still holds it at its smallest: the margin around it takes the difference
            double smallest = PRESENTER_SMALLEST / zoom;
            return fit >= smallest * 0.98 ? Math.max(smallest, fit) : Math.max(PRESENTER_LEAST / zoom, fit);
        }
        double usual = Math.max(SMALLEST, Math.min(1, fit));
        double least = least(zoom);
        // zoomed in, it shrinks below the usual least to fit the pane; where even that does not fit, it scrolls
        // down, but fits the pane's width (at 200 % on 1024 × 768 it was cut at the right and scrolled both ways);
        // a pane too narrow for that as well (beside a lesson) keeps the usual size: smaller, it would scroll anyhow
        if (fit >= least) {
            return Math.min(usual, fit);
        }
        return width / w >= least ? Math.min(usual, width / w) : usual;
    }

    /**
     * How high the main diagram's numbers are on the screen, at least, when zoomed in and it shrinks below
     * {@link #SMALLEST} to fit: the style sheet's size at 100 %.
     */
    static final double ZOOMED_NUMBER = STYLE_NUMBER;

    /**
     * The least the main diagram shrinks to outside presenter mode under a zoom of {@code zoom}, in the pane's
     * pixels: {@link #SMALLEST}, and zoomed in, as far as its numbers, no larger in its own pixels than at
     * {@link #SMALLEST} ({@link #number}), stay {@link #ZOOMED_NUMBER} px on the screen (0.33 at 200 %).
     */
    static double least(double zoom) {
        return zoom > 0 ? Math.min(SMALLEST, ZOOMED_NUMBER / (number(SMALLEST) * zoom)) : SMALLEST;
    }

    /**
     * The font size of the diagram's numbers in presenter mode, in the drawing's own pixels, when it is drawn at
     * {@code scale} under {@code zoom}: the style sheet's while that is {@link #PRESENTER_NUMBER} px on the screen,
     * larger below, but no larger than at {@link #PRESENTER_SMALLEST} (below it, at {@link #PRESENTER_LEAST}, they
     * shrink with the drawing).
     */
    static double presenterNumber(double scale, double zoom) {
        double largest = PRESENTER_NUMBER / PRESENTER_SMALLEST;  // larger, neighbours would meet
        return Math.max(PRESENTER_STYLE_NUMBER, Math.min(largest, PRESENTER_NUMBER / (scale * zoom)));
    }

    /**
     * The font size of the diagram's numbers outside presenter mode, in the drawing's own pixels, when it is drawn
     * at {@code scale}: the style sheet's while that is {@link #NUMBER} px at 100 %, larger below (beside a lesson
     * at 1024 × 768 the diagrams shrink to 0.6, and the style sheet's 11 px were 6.6); {@link DiagramNumbers} then
     * shortens what would meet. Below {@link #SMALLEST} (zoomed in, {@link #least}) they keep their size at it: any
     * larger and they would meet more.
     */
    static double number(double scale) {
        return scale > 0 ? Math.max(STYLE_NUMBER, NUMBER / Math.max(SMALLEST, scale)) : STYLE_NUMBER;
    }

    /** How high the diagram's title ("LSTM: layer 0, unit 0, t = 1") is on the screen at 100 %, at least. */
    static final double TITLE = 12;
    /** The title's size in its style sheet ({@code .companion-title}). */
    static final double STYLE_TITLE = 13;
    /** The style sheet's size of the note under the title (why the gates stand in another order). */
    static final double STYLE_NOTE = 11;

    /**
     * The font size, in the drawing's own pixels, of text above the diagram that is {@code style} px in its style
     * sheet and must stay {@code least} px high on the screen at 100 % when the diagram is drawn at {@code scale}:
     * the title and the note shrank with it to 7.8 and 6.6 px at 0.6 (beside a lesson, or a small window). Below
     * {@link #SMALLEST} (zoomed in) they keep their size at it, as the numbers do.
     */
    static double caption(double scale, double style, double least) {
        return scale > 0 ? Math.max(style, least / Math.max(SMALLEST, scale)) : style;
    }

    /**
     * How much the gates' names are enlarged, about their centres, when the diagram is drawn at {@code scale} outside
     * presenter mode: not at all while a name of {@code size} px of the drawing is at least {@link #NUMBER} px at
     * 100 %, as the numbers are ({@link #number}); beside a lesson at 0.6 a name of 15 px was 9. Below
     * {@link #SMALLEST} (zoomed in) as much as at it.
     */
    static double gateName(double scale, double size) {
        return scale > 0 && size > 0 ? Math.max(1, NUMBER / (size * Math.max(SMALLEST, scale))) : 1;
    }

    /**
     * The height presenter mode gives the equation pane out of {@code room} (the two panes' height together):
     * what it {@code wants} (the equation with all its numbers) as long as the diagram keeps {@code roomy} (its
     * height at {@link #PRESENTER_ROOMY}); what it {@code needs} (down to the result line and the vectors the
     * equation reads) as long as the diagram keeps {@code smallest}; never less than a third of the room, nor more
     * than it wants.
     */
    static double presenterEquationHeight(double room, double wants, double needs, double roomy, double smallest) {
        double most = Math.max(room - roomy, Math.min(needs, room - smallest));
        return Math.min(wants, Math.max(most, room / 3));
    }

    /**
     * The most of the room under the toolbar that the diagram's pane takes, zoomed in, for the diagram to fit: the
     * equations keep a quarter (at 200 % on 1024 × 768 the current equation's row and a line of its numbers).
     */
    static final double PANE_SHARE = 0.75;

    /**
     * The least height of the diagram's pane outside presenter mode, and whether the note under the diagram's title
     * shows.
     *
     * @param least the least height (0: none, the divider stays where the user left it)
     * @param note  whether the note on the gates' order shows (else its title's tooltip says it)
     */
    record Pane(double least, boolean note) {
    }

    /**
     * The diagram's pane outside presenter mode with the main cell alone, under a zoom of {@code zoom}, out of
     * {@code room} (its height and the equation pane's above it together): at 100 % and below as the user left it;
     * zoomed in, high enough to hold the whole diagram at its least size ({@link #least}): {@code withNote} high
     * with the note under its title, else {@code withoutNote} (the note goes to the title's tooltip), but never more
     * than {@link #PANE_SHARE} of the room. At 200 % on 1024 × 768 the pane was half the room, 86 px high (172 on the
     * screen), and the diagram, 337 px high of its own, fitted only the width and scrolled down; it needs 125.
     */
    static Pane pane(double room, double withNote, double withoutNote, double zoom) {
        if (zoom <= 1 || room <= 0) {
            return new Pane(0, true);
        }
        double most = room * PANE_SHARE;
        return withNote <= most ? new Pane(withNote, true) : new Pane(Math.min(withoutNote, most), false);
    }
}
