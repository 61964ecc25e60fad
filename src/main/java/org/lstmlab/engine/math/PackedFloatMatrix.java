package org.lstmlab.engine.math;

/**
 * The float32 twin of {@link PackedMatrix}: a right-hand matrix B (K×N) prepared once for many products, e.g. the
 * recurrent weights for all timesteps of a pass. B must not change between packing and the last product using it.
 */
public final class PackedFloatMatrix {
    private float[] source;
    private int offset;
    private int rows;
    private int columns;
    private float[] panels = new float[0];
    private int[] blockStarts = new int[0];
    private int blocks;

    void set(float[] source, int offset, int rows, int columns) {
        this.blocks = 0;
        this.source = source;
        this.offset = offset;
        this.rows = rows;
        this.columns = columns;
    }

    public float[] source() {
        return source;
    }

    public int offset() {
        return offset;
    }

    public int rows() {
        return rows;
    }

    public int columns() {
        return columns;
    }

    /** The panel buffer, grown to at least {@code n} values (kept when large enough). */
    public float[] panels(int n) {
        if (panels.length < n) {
            panels = new float[n];
        }
        return panels;
    }

    /** The block-start table, grown to at least {@code n} entries. */
    public int[] blockStarts(int n) {
        if (blockStarts.length < n) {
            blockStarts = new int[n];
        }
        return blockStarts;
    }

    public float[] panels() {
        return panels;
    }

    public int[] blockStarts() {
        return blockStarts;
    }

    /** How many blocks the kernel packed; 0 when the products read B itself. */
    public int blocks() {
        return blocks;
    }

    public void setBlocks(int blocks) {
        this.blocks = blocks;
    }
}
