package org.lstmlab.engine.math.simd;

import static org.lstmlab.engine.math.simd.VectorTiles.L;

import java.util.Arrays;
import org.lstmlab.engine.math.CacheSizes;
import org.lstmlab.engine.math.GemmKernel;
import org.lstmlab.engine.math.PackedMatrix;

/**
 * Register-blocked Vector API products; docs/kernels.md has the design and the measurements behind every constant.
 * Both products share one driver. C is cut into tiles of 4 rows × {@code tileVectors} vectors held in registers
 * while k runs innermost; each k step broadcasts one element of A per row and multiplies it with contiguous
 * vectors of one row of B. {@code mm} reads A by rows; {@code mtm} first copies the columns of A it needs into
 * contiguous slivers one vector wide (reading A's rows contiguously), then runs the same tiles.
 *
 * <p>Blocking: K in blocks of at most {@link #KC}; N in blocks whose slice of B spans about half of L2
 * ({@link CacheSizes}: 256 KiB on Zen 3, 512 KiB on Zen 4), so that it stays in L2 while every row tile reuses
 * it. That slice is first copied into contiguous panels when C has at
 * least {@code packMinRows} rows, or at least 16 rows and B's row stride is a multiple of 2 KiB (such rows all
 * map to the same few cache sets); otherwise the copy costs more than it saves.
 *
 * <p>Edges: 4×3/4×2/4×1 tiles for leftover vectors; rows outside 4-row tiles stream whole rows of B; the last
 * {@code N mod lanes} columns go through a zero-padded panel and a scratch tile of C, so there are no masked loads
 * (slow on JDK 17). K = 1 is a streaming rank-1 update, {@code mtm} with N = 1 a one-row {@code mm}, and tiny
 * products are plain dot products. Scratch is per thread and only grows, so the steady state allocates nothing.
 */
public final class VectorGemm implements GemmKernel {
    /** Largest block of K. */
    public static final int KC = 256;
    /** Rows of C whose columns of A {@code mtm} copies in one go (reading A's rows contiguously). */
    static final int MC = 64;
    /** Tile width in vectors: 4 with 32 vector registers (AVX-512), 3 with 16 (AVX2). */
    public static final int DEFAULT_TILE_VECTORS = L >= 8 ? 4 : 3;

    /**
     * With 256-bit vectors a product that overwrites C zeroes it first, so that the tiles always start from C: the
     * same sums (0 + x·b rounds as x·b), and C2 then compiles the tiles for loaded starts only, since no call takes
     * their zero start: dh, dX and the mtm's (whose tiles are the same code) 4-8 % faster, W3 float64 8 % less CPU.
     * With 512-bit vectors it gained nothing and the fills cost W1 3 %. Removing the zero start from the tiles' code
     * instead made them 15 % slower (docs/notes/engine-bench-8-avx2-2026-11-28.md).
     */
    private static final boolean ZERO_FIRST = L < 8;
    /** From this many rows of C on, B is always packed into panels first. */
    public static final int DEFAULT_PACK_MIN_ROWS = 128;
    /** KiB of B one (K block × N block) may span, so that it stays in L2: half of this machine's L2. */
    public static final int DEFAULT_B_BLOCK_KIB = CacheSizes.productBlockKiB();

    private final int tileVectors;
    private final int packMinRows;
    private final int bBlock;
    private final int tailPanel;
    private final int aBlock;
    private final int cTile;
    /**
     * Per thread: the scratch (made whole when the thread first asks, so that no call has a branch that allocates:
     * such a branch, never taken on the warm-up's thread, was a trap that sent {@code product} back to the
     * interpreter on another thread's first call), and the slivers of {@code mtmPair}.
     */
    private final ThreadLocal<double[][]> buffers;

    /** The tuned kernel for this machine's vector width. */
    public VectorGemm() {
        this(DEFAULT_TILE_VECTORS, DEFAULT_PACK_MIN_ROWS, DEFAULT_B_BLOCK_KIB);
    }

    /**
     * A variant, for tests and benchmarks: tiles of 4 rows × {@code tileVectors} (1..4) vectors; B packed when C
     * has at least {@code packMinRows} rows (and from 16 rows when B's row stride is a multiple of 2 KiB); blocks
     * of B of {@code bBlockKiB} KiB.
     */
    public VectorGemm(int tileVectors, int packMinRows, int bBlockKiB) {
        if (tileVectors < 1 || tileVectors > 4) {
            throw new IllegalArgumentException("tile width must be 1..4 vectors: " + tileVectors);
        }
        this.tileVectors = tileVectors;
        this.packMinRows = packMinRows;
        this.bBlock = Math.max(KC * tileVectors * L, bBlockKiB * 1024 / 8);
        // blockColumns may exceed the budget by a quarter plus one panel
        this.tailPanel = bBlock + bBlock / 4 + KC * tileVectors * L;
        this.aBlock = tailPanel + KC * L;
        this.cTile = aBlock + MC / L * Slivers.sliverStride(KC);
        int scratchSize = cTile + 4 * L;
        this.buffers = ThreadLocal.withInitial(() -> new double[][] {new double[scratchSize], new double[0]});
    }

    /** Lanes per vector of the preferred species. */
    public static int lanes() {
        return L;
    }

    @Override
    public String name() {
        String name = "vector-api (" + L + " lanes";
        if (tileVectors != DEFAULT_TILE_VECTORS || packMinRows != DEFAULT_PACK_MIN_ROWS
                || bBlock != DEFAULT_B_BLOCK_KIB * 1024 / 8) {
            name += ", 4x" + tileVectors + ", pack from " + packMinRows + " rows, " + bBlock / 128 + " KiB";
        }
        return name + ")";
    }

    @Override
    public void mm(double[] a, int aOff, double[] b, int bOff, double[] c, int cOff, int m, int k, int n,
                   boolean accumulate) {
        product(scratch(), a, aOff, false, b, bOff, c, cOff, m, k, n, accumulate, null, null);
    }

    /**
     * Copies B into panels once, block by block in the order {@link #product} visits them, so that products with
     * many A (the timesteps of a pass) skip the copy. Products too small or too narrow for tiles keep reading B.
     */
    @Override
    public void pack(PackedMatrix p) {
        int k = p.rows();
        int n = p.columns();
        int vecCols = n / L * L;
        if (k <= 1 || vecCols == 0) {
            return;
        }
        int width = tileVectors * L;
        int kcMax = Math.min(k, KC);
        int nc = blockColumns(vecCols, kcMax, width);
        int tail = n - vecCols;
        int count = 0;
        int kBlocks = 0;
        int size = 0;
        for (int p0 = 0; p0 < k; p0 += kcMax) {
            int kc = Math.min(kcMax, k - p0);
            for (int j0 = 0; j0 < n; j0 += nc) {
                size += kc * Math.max(0, Math.min(Math.min(n, j0 + nc), vecCols) - j0);
                count++;
            }
            size += tail > 0 ? kc * L : 0;
            kBlocks++;
        }
        double[] panels = p.panels(size);
        int[] starts = p.blockStarts(count + kBlocks);  // then, per K block, where its tail panel starts
        int block = 0;
        int at = 0;
        for (int p0 = 0; p0 < k; p0 += kcMax) {
            int kc = Math.min(kcMax, k - p0);
            for (int j0 = 0; j0 < n; j0 += nc) {
                int jVecEnd = Math.min(Math.min(n, j0 + nc), vecCols);
                starts[block++] = at;
                if (jVecEnd > j0) {
                    packBlock(p.source(), p.offset() + p0 * n, n, j0, jVecEnd, kc, panels, at);
                    at += kc * (jVecEnd - j0);
                }
            }
        }
        if (tail > 0) {  // the last N mod L columns, zero-padded, as product() would copy them at every call
            for (int p0 = 0, kb = 0; p0 < k; p0 += kcMax, kb++) {
                int kc = Math.min(kcMax, k - p0);
                starts[count + kb] = at;
                Slivers.packTail(p.source(), p.offset() + p0 * n + vecCols, n, tail, kc, panels, at);
                at += kc * L;
            }
        }
        p.setBlocks(count);
    }

    @Override
    public void mmPacked(double[] a, int aOff, PackedMatrix b, double[] c, int cOff, int m, boolean accumulate) {
        product(scratch(), a, aOff, false, b.source(), b.offset(), c, cOff, m, b.rows(), b.columns(),
                accumulate, b.blocks() > 0 ? b : null, null);
    }

    @Override
    public void mtm(double[] a, int aOff, double[] b, int bOff, double[] c, int cOff, int m, int k, int n) {
        if (n == 1 && m > 1) {
            // C is one column, so C += Aᵀ·b is the row product cᵀ += bᵀ·A, where A is read by its contiguous rows.
            product(scratch(), b, bOff, false, a, aOff, c, cOff, 1, k, m, true, null, null);
        } else {
            product(scratch(), a, aOff, true, b, bOff, c, cOff, m, k, n, true, null, null);
        }
    }

    @Override
    public void mtmPair(double[] a, int aOff, int m, int k, double[] b1, int b1Off, double[] c1, int c1Off, int n1,
                        double[] b2, int b2Off, double[] c2, int c2Off, int n2, double[] aSums) {
        if (k > KC || k <= 1 || !Slivers.aliases(m) || n1 < L || n2 < L) {
            mtm(a, aOff, b1, b1Off, c1, c1Off, m, k, n1);
            mtm(a, aOff, b2, b2Off, c2, c2Off, m, k, n2);
            Slivers.addColumnSums(a, aOff, m, k, aSums);
            return;
        }
        double[][] holder = buffers.get();
        int size = m / L * Slivers.sliverStride(k);
        if (holder[1].length < size) {
            holder[1] = new double[size];
        }
        double[] slivers = holder[1];
        Slivers.packColumns(a, aOff, m, m, k, slivers, 0, aSums);  // A read once: the bias gradient on the way
        product(scratch(), a, aOff, true, b1, b1Off, c1, c1Off, m, k, n1, true, null, slivers);
        product(scratch(), a, aOff, true, b2, b2Off, c2, c2Off, m, k, n2, true, null, slivers);
    }

    private double[] scratch() {
        return buffers.get()[0];
    }

    /**
     * C (M×N) = or += Σ_p A(i, p)·B(p, j), with B and C contiguous row-major and A(i, p) at {@code i·K + p}
     * ({@code aByColumns} false) or at {@code p·M + i} (true). With {@code pre}, B's panels were packed already.
     * The callers fetch the scratch {@code s}: the first fetch on a new thread is a trap in the compiled code
     * (a branch of {@code ThreadLocal.get} never taken on the warm-up's thread), which sends only the small caller
     * back to the interpreter, not this method, whose vectors the interpreter would box.
     */
    private void product(double[] s, double[] a, int aOff, boolean aByColumns, double[] b, int bOff, double[] c,
                         int cOff, int m, int k, int n, boolean accumulate, PackedMatrix pre, double[] aSlivers) {
        if (m <= 0 || n <= 0) {
            return;
        }
        if (k <= 0) {
            if (!accumulate) {
                for (int i = 0; i < m; i++) {
                    Arrays.fill(c, cOff + i * n, cOff + (i + 1) * n, 0.0);
                }
            }
            return;
        }
        if (n == 1 && !aByColumns) {  // one column of C: vectors along M instead of one-lane tiles (Columns)
            Columns.mm(a, aOff, b, bOff, c, cOff, m, k, accumulate, s, aBlock);
            return;
        }
        long work = (long) m * k * n;
        if (work < 64 || (n < L && work < 128)) {
            scalar(a, aOff, aByColumns ? 1 : k, aByColumns ? m : 1, b, bOff, c, cOff, m, k, n, accumulate);
            return;
        }
        if (k == 1) {
            rankOne(a, aOff, aByColumns ? 1 : k, b, bOff, c, cOff, m, n, accumulate);
            return;
        }
        if (!accumulate && ZERO_FIRST) {
            Arrays.fill(c, cOff, cOff + m * n, 0.0);
        }
        int width = tileVectors * L;
        int kcMax = Math.min(k, KC);
        int vecCols = n / L * L;
        int nc = blockColumns(vecCols, kcMax, width);
        int tail = n - vecCols;
        boolean pack = pre != null || m >= packMinRows || (m >= 16 && Slivers.aliases(n));
        int block = 0;
        boolean packA = aByColumns && Slivers.aliases(m);
        int m4 = m / 4 * 4;
        boolean tailByColumns = aByColumns && tail > 0;
        for (int p0 = 0; p0 < k; p0 += kcMax) {
            int kc = Math.min(kcMax, k - p0);
            boolean load = ZERO_FIRST || accumulate || p0 > 0;
            int bRow = bOff + p0 * n;
            for (int j0 = 0; j0 < n; j0 += nc) {
                int jEnd = Math.min(n, j0 + nc);
                int jVecEnd = Math.min(jEnd, vecCols);
                boolean hasTail = tail > 0 && jEnd == n && !tailByColumns;
                double[] panel = s;
                int panelOff = 0;
                if (pre != null) {
                    panel = pre.panels();
                    panelOff = pre.blockStarts()[block++];
                } else if (pack) {
                    packBlock(b, bRow, n, j0, jVecEnd, kc, s, 0);
                }
                double[] tailArray = s;
                int tailOff = tailPanel;
                if (hasTail && pre != null) {  // packed with B's panels, after them
                    tailArray = pre.panels();
                    tailOff = pre.blockStarts()[pre.blocks() + p0 / kcMax];
                } else if (hasTail) {
                    Slivers.packTail(b, bRow + vecCols, n, tail, kc, s, tailPanel);
                }
                for (int i = 0; i < m4; i += 4) {
                    double[] as = a;
                    int ai = aByColumns ? aOff + p0 * m + i : aOff + i * k + p0;
                    int ars = aByColumns ? 1 : k;
                    int acs = aByColumns ? m : 1;
                    if (packA && aSlivers != null) {  // mtmPair packed all of A's columns (k <= KC)
                        as = aSlivers;
                        ai = i / L * Slivers.sliverStride(kc) + i % L;
                        ars = 1;
                        acs = L;
                    } else if (packA) {
                        if (i % MC == 0) {
                            Slivers.packColumns(a, aOff + p0 * m + i, m, Math.min(MC, m4 - i), kc, s, aBlock, null);
                        }
                        as = s;
                        ai = aBlock + (i % MC) / L * Slivers.sliverStride(kc) + i % L;
                        ars = 1;
                        acs = L;
                    }
                    int ci = cOff + i * n;
                    int q = 0;
                    for (int j = j0, w; j < jVecEnd; j += w * L) {
                        w = VectorTiles.nextTile(tileVectors, (jVecEnd - j) / L);
                        if (pack && (packA || !aByColumns)) {
                            PanelTiles.panelTile4(w, packA, as, ai, ars, panel, panelOff + q, c, ci + j, n, kc,
                                    load);
                            q += kc * w * L;
                        } else if (pack) {
                            VectorTiles.tile4(w, as, ai, ars, acs, panel, panelOff + q, w * L, c, ci + j, n, kc,
                                    load);
                            q += kc * w * L;
                        } else {
                            VectorTiles.tile4(w, as, ai, ars, acs, b, bRow + j, n, c, ci + j, n, kc, load);
                        }
                    }
                    if (hasTail) {
                        tileIn(c, ci + vecCols, n, 4, tail, load, s);
                        VectorTiles.tile4x1(as, ai, ars, acs, tailArray, tailOff, L, s, cTile, L, kc, true);
                        tileOut(s, 4, tail, c, ci + vecCols, n);
                    }
                }
                for (int i = m4; i < m; i++) {
                    int ai = aByColumns ? aOff + p0 * m + i : aOff + i * k + p0;
                    int acs = aByColumns ? m : 1;
                    int ci = cOff + i * n;
                    if (pack) {
                        int q = 0;
                        for (int j = j0, w; j < jVecEnd; j += w) {
                            w = VectorTiles.nextTile(tileVectors, (jVecEnd - j) / L) * L;
                            VectorTiles.rowTile(a, ai, acs, panel, panelOff + q, w, c, ci + j, w, kc, load);
                            q += kc * w;
                        }
                    } else {
                        VectorTiles.rowTile(a, ai, acs, b, bRow + j0, n, c, ci + j0, jVecEnd - j0, kc, load);
                    }
                    if (hasTail) {
                        tileIn(c, ci + vecCols, n, 1, tail, load, s);
                        VectorTiles.tile1x1(a, ai, acs, tailArray, tailOff, L, s, cTile, kc, true);
                        tileOut(s, 1, tail, c, ci + vecCols, n);
                    }
                }
            }
        }
        if (tailByColumns) {
            tailByColumns(a, aOff, m, b, bOff, n, vecCols, k, c, cOff, accumulate, s);
        }
    }

    /**
     * {@code mtm}'s last N mod L columns (from {@code j0}), with the vectors along M (A's rows are contiguous in M):
     * M/L vector chains per column, instead of M/4 tiles of one vector of which N mod L lanes would be used.
     */
    private void tailByColumns(double[] a, int aOff, int m, double[] b, int bOff, int n, int j0, int k, double[] c,
                               int cOff, boolean accumulate, double[] s) {
        for (int j = j0; j < n; j++) {
            int i = 0;
            for (int rows; i + L <= m; i += rows) {  // 4·L rows at a time, then L
                rows = i + 4 * L <= m ? 4 * L : L;
                int ci = cOff + i * n + j;
                for (int r = 0; accumulate && r < rows; r++) {
                    s[cTile + r] = c[ci + r * n];
                }
                if (rows == L) {
                    VectorTiles.columnTile1(a, aOff + i, m, b, bOff + j, n, k, s, cTile, accumulate);
                } else {
                    VectorTiles.columnTile4(a, aOff + i, m, b, bOff + j, n, k, s, cTile, accumulate);
                }
                for (int r = 0; r < rows; r++) {
                    c[ci + r * n] = s[cTile + r];
                }
            }
            int rest = m - i;  // fewer than L rows: their chains side by side, so that the FMA latency overlaps
            for (int r = 0; r < rest; r++) {
                s[cTile + r] = accumulate ? c[cOff + (i + r) * n + j] : 0.0;
            }
            for (int p = 0; p < k; p++) {
                double x = b[bOff + p * n + j];
                int ap = aOff + p * m + i;
                for (int r = 0; r < rest; r++) {
                    s[cTile + r] = Math.fma(a[ap + r], x, s[cTile + r]);
                }
            }
            for (int r = 0; r < rest; r++) {
                c[cOff + (i + r) * n + j] = s[cTile + r];
            }
        }
    }

    /**
     * Columns per block of N: about {@code bBlock / kc}, a multiple of the tile width, but with the blocks evened
     * out and up to a quarter larger when that saves a block. Each block costs another pass over A (for
     * {@code mtm} another packing of A), so N = 128 should be one block, not 120 + 8.
     */
    private int blockColumns(int vecCols, int kc, int width) {
        int budget = Math.max(width, bBlock / kc / width * width);
        int blocks = Math.max(1, (int) Math.ceil(vecCols / (1.25 * budget)));
        int perBlock = (vecCols + blocks - 1) / blocks;
        return Math.max(width, (perBlock + width - 1) / width * width);
    }

    /**
     * Tiny products (under 64 multiply-adds, or under 128 with fewer columns than lanes): plain dot products,
     * measured up to twice as fast as setting up vector tiles for them. Each starts from C (or 0) and adds the
     * terms in order with fused multiply-adds, like every other path.
     */
    private static void scalar(double[] a, int aOff, int ars, int acs, double[] b, int bOff, double[] c, int cOff,
                               int m, int k, int n, boolean accumulate) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                int ci = cOff + i * n + j;
                double sum = accumulate ? c[ci] : 0.0;
                for (int p = 0; p < k; p++) {
                    sum = Math.fma(a[aOff + i * ars + p * acs], b[bOff + p * n + j], sum);
                }
                c[ci] = sum;
            }
        }
    }

    /**
     * K = 1 (an input of size 1, or one row of A): C = or += a·bᵀ row by row, streaming; the tiles would load and
     * store C for a single multiply-add.
     */
    private static void rankOne(double[] a, int aOff, int ars, double[] b, int bOff, double[] c, int cOff,
                                int m, int n, boolean accumulate) {
        int vecCols = n / L * L;
        for (int i = 0; i < m; i++) {
            double x = a[aOff + i * ars];
            int ci = cOff + i * n;
            VectorTiles.scaleRow(x, b, bOff, c, ci, vecCols, accumulate);
            for (int j = vecCols; j < n; j++) {
                c[ci + j] = Math.fma(x, b[bOff + j], accumulate ? c[ci + j] : 0.0);
            }
        }
    }

    /**
     * Copies columns j0..jEnd (whole vectors) of kc rows of B into panels as wide as the tiles that read them
     * ({@link VectorTiles#nextTile}), each kc × width contiguous, in the order the tiles read them. Walks B row by
     * row, so each row segment is read contiguously.
     */
    private void packBlock(double[] b, int bRow, int ldb, int j0, int jEnd, int kc, double[] s, int base) {
        for (int p = 0; p < kc; p++) {
            int src = bRow + p * ldb;
            int q = base;
            for (int j = j0, w; j < jEnd; j += w) {
                w = VectorTiles.nextTile(tileVectors, (jEnd - j) / L) * L;
                VectorTiles.copyVectors(b, src + j, s, q + p * w, w);
                q += kc * w;
            }
        }
    }

    private void tileIn(double[] c, int ci, int ldc, int rows, int tail, boolean load, double[] s) {
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < L; j++) {
                s[cTile + r * L + j] = load && j < tail ? c[ci + r * ldc + j] : 0.0;
            }
        }
    }

    private void tileOut(double[] s, int rows, int tail, double[] c, int ci, int ldc) {
        for (int r = 0; r < rows; r++) {
            System.arraycopy(s, cTile + r * L, c, ci + r * ldc, tail);
        }
    }
}
