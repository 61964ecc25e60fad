package org.lstmlab.ui.debugger;

import javafx.scene.paint.Color;

/**
 * The pixels of one heatmap, without a toolkit: units down, timesteps across, each pixel the mean of the block of
 * units and steps it covers (or one value repeated when there are fewer steps or units than pixels), coloured on the
 * map's scale. Only computed steps carry data: a column whose steps are all still to come is {@link #NOT_COMPUTED}
 * (transparent, so that the veil's "not computed" fill under the image's place shows instead), and the column that
 * holds both the cursor's step and later ones is the mean of its computed steps only. So in forward mode the map
 * fills in column by column as the cursor steps, and no later value can be read off it, nor guessed from a
 * saturated colour. {@link HeatmapPane} shows it; the pixels of a cursor move are drawn again, not the whole map.
 */
final class HeatmapRaster {
    /** A pixel of a column not computed yet: no colour of its own. */
    static final int NOT_COMPUTED = 0x00000000;

    private final TraceDigest.Series series;
    private final int width;
    private final int height;
    private final Color positive;
    private final Color negative;
    private final int[] pixels;

    /** A raster of {@code width} × {@code height} for {@code series}, positive values in the symbol's colour. */
    HeatmapRaster(TraceDigest.Series series, int width, int height, Color positive, Color negative) {
        this.series = series;
        this.width = width;
        this.height = height;
        this.positive = positive;
        this.negative = negative;
        this.pixels = new int[width * height];
    }

    /** The pixels, row by row (ARGB). */
    int[] pixels() {
        return pixels;
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    /** The first step (0-based) column {@code x} of a map {@code width} wide covers. */
    static int firstStep(int x, int steps, int width) {
        return (int) ((long) x * steps / width);
    }

    /**
     * The first column of a map {@code width} wide that holds no computed step when {@code computed} steps are
     * (from the first): where the veil starts; {@code width} when every step is computed.
     */
    static int firstVeiled(int steps, int computed, int width) {
        if (steps <= 0 || computed >= steps) {
            return width;
        }
        return (int) Math.min(width, ((long) Math.max(0, computed) * width + steps - 1) / steps);
    }

    /** Draws columns {@code from} (inclusive) to {@code to} (exclusive) at {@code scale}, with that many computed. */
    void draw(int from, int to, double scale, int computed) {
        int steps = series.steps();
        int units = series.units();
        for (int x = Math.max(0, from); x < Math.min(width, to); x++) {
            int t0 = firstStep(x, steps, width);
            int t1 = Math.min(computed, Math.max(t0 + 1, firstStep(x + 1, steps, width)));
            for (int y = 0; y < height; y++) {
                if (t0 >= t1) {
                    pixels[y * width + x] = NOT_COMPUTED;
                    continue;
                }
                int j0 = (int) ((long) y * units / height);
                int j1 = Math.max(j0 + 1, (int) ((long) (y + 1) * units / height));
                double sum = 0;
                for (int t = t0; t < t1; t++) {
                    for (int j = j0; j < j1; j++) {
                        sum += series.at(t, j);
                    }
                }
                pixels[y * width + x] = argb(sum / ((t1 - t0) * (j1 - j0)), scale, positive, negative);
            }
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
