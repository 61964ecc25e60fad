package org.lstmlab.engine.math;

/**
 * A right-hand matrix B (K×N) prepared once for many products {@code C = A·B}: the recurrent weights, used by
 * every timestep of a pass. Kernels that copy B into register-tile panels before multiplying do that copy once, in
 * {@link Gemm#pack}, instead of at every step; the others keep a reference to B. The values of B must not change
 * between packing and the last product that uses it.
 */
public final class PackedMatrix {
    private double[] source;
    private int offset;
    private int rows;     // K
    private int columns;  // N
    /** Kernel-specific copy of B (the vector kernel's panels), reused across packs of the same size. */
    double[] panels = new double[0];
    /** Where each (K block, N block) of the panels starts, in the kernel's block order. */
    int[] blockStarts = new int[0];
    /** How many blocks the kernel packed; 0 when it keeps reading B itself. */
    private int blocks;

    void set(double[] source, int offset, int rows, int columns) {
        this.blocks = 0;
        this.source = source;
        this.offset = offset;
        this.rows = rows;
        this.columns = columns;
    }

    public double[] source() {
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
    public double[] panels(int n) {
        if (panels.length < n) {
            panels = new double[n];
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

    public int blocks() {
        return blocks;
    }

    public void setBlocks(int blocks) {
        this.blocks = blocks;
    }

    public double[] panels() {
        return panels;
    }

    public int[] blockStarts() {
        return blockStarts;
    }
}
