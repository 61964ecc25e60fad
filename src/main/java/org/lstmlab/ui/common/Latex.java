package org.lstmlab.ui.common;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Insets;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.Image;
import org.scilab.forge.jlatexmath.TeXConstants;
import org.scilab.forge.jlatexmath.TeXFormula;
import org.scilab.forge.jlatexmath.TeXIcon;

/**
 * Renders LaTeX with JLaTeXMath into raster images (through SwingFXUtils), cached by text and size, so that each
 * formula is drawn once. Used by the debugger's equations and the user guides; {@link LatexView} shows one sharp
 * at any zoom.
 */
public final class Latex {
    private static final Map<String, Image> CACHE = new ConcurrentHashMap<>();

    private Latex() {
    }

    /** The ink of formulas on a light background. */
    static final javafx.scene.paint.Color DARK = javafx.scene.paint.Color.rgb(0x20, 0x20, 0x20);

    /** The formula as an image with text {@code size} pixels high, in near-black. */
    public static Image render(String latex, float size) {
        return render(latex, size, DARK);
    }

    /** The same in another colour (white on a dark fill, for one). */
    public static Image render(String latex, float size, javafx.scene.paint.Color colour) {
        return render(latex, size, colour, 1);
    }

    /**
     * The same drawn {@code density} times larger, margins included, for a formula shown enlarged (by the zoom or
     * on a high-density screen): about {@code density} times the pixels of the plain drawing in each direction.
     */
    public static Image render(String latex, float size, javafx.scene.paint.Color colour, double density) {
        Color c = new Color((float) colour.getRed(), (float) colour.getGreen(), (float) colour.getBlue());
        return CACHE.computeIfAbsent(size + "|" + density + "|" + c.getRGB() + "|" + latex,
                k -> SwingFXUtils.toFXImage(draw(latex, (float) (size * density), (int) Math.round(2 * density), c,
                        null), null));
    }

    /**
     * The formula for a slide: in near-black on white, {@code density} times larger than at {@code size}, with a
     * margin as wide as a letter (not cached: asked for once, when copied or saved).
     */
    public static Image picture(String latex, float size, double density) {
        Color ink = new Color((float) DARK.getRed(), (float) DARK.getGreen(), (float) DARK.getBlue());
        return SwingFXUtils.toFXImage(draw(latex, (float) (size * density), (int) Math.round(size * density / 2),
                ink, Color.WHITE), null);
    }

    private static BufferedImage draw(String latex, float size, int margin, Color colour, Color background) {
        TeXIcon icon = new TeXFormula(latex).createTeXIcon(TeXConstants.STYLE_DISPLAY, size);
        icon.setInsets(new Insets(margin, margin, margin, margin));
        BufferedImage img = new BufferedImage(Math.max(1, icon.getIconWidth()), Math.max(1, icon.getIconHeight()),
                BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        if (background != null) {
            g.setColor(background);
            g.fillRect(0, 0, img.getWidth(), img.getHeight());
        }
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        icon.setForeground(colour);
        icon.paintIcon(null, g, 0, 0);
        g.dispose();
        return img;
    }
}
