package org.lstmlab.engine.math.simd;

import static org.lstmlab.engine.math.simd.FloatTiles.L;

import java.util.Arrays;
import org.lstmlab.engine.math.CacheSizes;
import org.lstmlab.engine.math.FloatGemmKernel;
import org.lstmlab.engine.math.PackedFloatMatrix;

/**
 * Register-blocked float32 products: the design of {@link VectorGemm} (docs/kernels.md) with float lanes, twice as
 * many per vector. Simpler than the double kernel because the float products only serve training's large
 * operands: B is always copied into panels (or was packed once by {@link #pack}), {@code mtm} always copies the
 * columns of A it needs into slivers one vector wide, and the last {@code N mod lanes} columns go through a
 * zero-padded panel of one vector and a scratch tile of C (as in the double kernel; with H = 50 these columns,
 * done as scalar fused multiply-adds before, were a third of a W1 step). Every element of C gets its start value
 * and then its terms in order of k, one fused multiply-add each, as in {@code PlainFloatGemm}: the two agree bit
 * for bit. Scratch is per thread and only grows.
 */
public final class VectorFloatGemm implements FloatGemmKernel {
    /** Largest block of K. */
    static final int KC = 256;
    /** Columns of A that {@code mtm} copies in one go, reading A's rows contiguously. */
    static final int MC = 64;
    /** Tile width in vectors: 4 with 32 vector registers (AVX-512), 3 with 16 (AVX2). */
    static final int TILE_VECTORS = L >= 16 ? 4 : 3;

    /** With 256-bit vectors (8 floats) C is zeroed before a product that overwrites it, as in {@link VectorGemm}. */
    private static final boolean ZERO_FIRST = L < 16;
    /** Floats of B one (K block × N block) may span: half of L2 ({@link CacheSizes}), so that it stays there. */
    static final int B_BLOCK = CacheSizes.productBlockKiB() * 1024 / 4;

    private static final int WIDTH = TILE_VECTORS * L;
    private static final int A_BLOCK = B_BLOCK + B_BLOCK / 4 + KC * WIDTH;
    private static final int TAIL_PANEL = A_BLOCK + MC / L * sliverStride(KC);
    private static final int C_TILE = TAIL_PANEL + KC * L;
    private static final int SCRATCH = C_TILE + 4 * L;
    /** Per thread: the scratch, whole from the start (see {@link VectorGemm}), and the slivers of {@code mtmPair}. */
    private static final ThreadLocal<float[][]> SCRATCH_HOLDER =
            ThreadLocal.withInitial(() -> new float[][] {new float[SCRATCH], new float[0]});

    /** Lanes per float vector. */
    public static int lanes() {
        return L;
    }

    @Override
    public String name() {
        return "vector-api float32 (" + L + " lanes)";
    }

    @Override
    public void mm(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, int m, int k, int n,
                   boolean accumulate) {
        product(scratch(), a, aOff, false, b, bOff, c, cOff, m, k, n, accumulate, null, null);
    }

    @Override
    public void mtm(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, int m, int k, int n) {
        product(scratch(), a, aOff, true, b, bOff, c, cOff, m, k, n, true, null, null);
    }

    /**
     * Both products read one copy of A in slivers, made once (with A's column sums added on the way) instead of once
     * per product; for k up to one K block, as the layers' blocks of rows are.
     */
    @Override
    public void mtmPair(float[] a, int aOff, int m, int k, float[] b1, int b1Off, float[] c1, int c1Off, int n1,
                        float[] b2, int b2Off, float[] c2, int c2Off, int n2, float[] aSums) {
        if (k > KC || k <= 1 || m < 4 || n1 < L || n2 < L) {
            mtm(a, aOff, b1, b1Off, c1, c1Off, m, k, n1);
            mtm(a, aOff, b2, b2Off, c2, c2Off, m, k, n2);
            addColumnSums(a, aOff, m, k, aSums);
            return;
        }
        float[][] holder = SCRATCH_HOLDER.get();
        int m4 = m / 4 * 4;
        int size = (m4 + L - 1) / L * sliverStride(k);
        if (holder[1].length < size) {
            holder[1] = new float[size];
        }
        float[] slivers = holder[1];
        packColumns(a, aOff, m, m4, k, slivers, 0, aSums);  // A read once: its column sums on the way
        product(scratch(), a, aOff, true, b1, b1Off, c1, c1Off, m, k, n1, true, null, slivers);
        product(scratch(), a, aOff, true, b2, b2Off, c2, c2Off, m, k, n2, true, null, slivers);
    }

    @Override
    public void pack(PackedFloatMatrix p) {
        int k = p.rows();
        int n = p.columns();
        int vecCols = n / L * L;
        if (vecCols == 0) {
            return;
        }
        int kcMax = Math.min(k, KC);
        int nc = blockColumns(vecCols, kcMax);
        int tail = n - vecCols;
        int count = 0;
        int kBlocks = 0;
        int size = 0;
        for (int p0 = 0; p0 < k; p0 += kcMax) {
            int kc = Math.min(kcMax, k - p0);
            for (int j0 = 0; j0 < vecCols; j0 += nc) {
                size += kc * (Math.min(vecCols, j0 + nc) - j0);
                count++;
            }
            size += tail > 0 ? kc * L : 0;
            kBlocks++;
        }
        float[] panels = p.panels(size);
        int[] starts = p.blockStarts(count + kBlocks);  // then, per K block, where its tail panel starts
        int block = 0;
        int at = 0;
        for (int p0 = 0; p0 < k; p0 += kcMax) {
            int kc = Math.min(kcMax, k - p0);
            for (int j0 = 0; j0 < vecCols; j0 += nc) {
                int jEnd = Math.min(vecCols, j0 + nc);
                starts[block++] = at;
                packBlock(p.source(), p.offset() + p0 * n, n, j0, jEnd, kc, panels, at);
                at += kc * (jEnd - j0);
            }
        }
        if (tail > 0) {  // the last N mod L columns, zero-padded, as product() would copy them at every call
            for (int p0 = 0, kb = 0; p0 < k; p0 += kcMax, kb++) {
                int kc = Math.min(kcMax, k - p0);
                starts[count + kb] = at;
                packTail(p.source(), p.offset() + p0 * n + vecCols, n, tail, kc, panels, at);
                at += kc * L;
            }
        }
        p.setBlocks(count);
    }

    @Override
    public void mmPacked(float[] a, int aOff, PackedFloatMatrix b, float[] c, int cOff, int m, boolean accumulate) {
        product(scratch(), a, aOff, false, b.source(), b.offset(), c, cOff, m, b.rows(), b.columns(),
                accumulate, b.blocks() > 0 ? b : null, null);
    }

    private static float[] scratch() {
        return SCRATCH_HOLDER.get()[0];
    }

    /**
     * C (M×N) = or += Σ_p A(i, p)·B(p, j), with A(i, p) at {@code i·K + p} ({@code aByColumns} false) or at
     * {@code p·M + i} (true). With {@code pre}, B's panels were packed already; with {@code aSlivers}, A's first
     * M − M mod 4 columns were packed already (by {@code mtmPair}, k within one K block). The callers fetch the
     * scratch {@code s}, so that a new thread's first fetch traps in them, not here ({@link VectorGemm}).
     */
    private static void product(float[] s, float[] a, int aOff, boolean aByColumns, float[] b, int bOff, float[] c,
                                int cOff, int m, int k, int n, boolean accumulate, PackedFloatMatrix pre,
                                float[] aSlivers) {
        if (m <= 0 || n <= 0) {
            return;
        }
        if (k <= 0) {
            if (!accumulate) {
                for (int i = 0; i < m; i++) {
                    Arrays.fill(c, cOff + i * n, cOff + (i + 1) * n, 0f);
                }
            }
            return;
        }
        if (n == 1 && !aByColumns) {  // one column of C: vectors along M instead of one-lane tiles (Columns)
            Columns.mm(a, aOff, b, bOff, c, cOff, m, k, accumulate, s, A_BLOCK);
            return;
        }
        if (!accumulate && ZERO_FIRST) {
            Arrays.fill(c, cOff, cOff + m * n, 0f);
        }
        int ars = aByColumns ? 1 : k;
        int acs = aByColumns ? m : 1;
        int vecCols = n / L * L;
        int tail = n - vecCols;
        int kcMax = Math.min(k, KC);
        int nc = vecCols > 0 ? blockColumns(vecCols, kcMax) : 0;
        int m4 = m / 4 * 4;
        boolean tailByColumns = aByColumns && tail > 0;
        // fewer than 4 rows (a batch of one, bias sums): no tiles reuse the panels, so the rows read B where it is
        boolean direct = m4 == 0 && pre == null;
        int block = 0;
        for (int p0 = 0; p0 < k; p0 += kcMax) {
            int kc = Math.min(kcMax, k - p0);
            boolean load = ZERO_FIRST || accumulate || p0 > 0;
            for (int j0 = 0; j0 < vecCols; j0 += nc) {
                int jEnd = Math.min(vecCols, j0 + nc);
                float[] panel = s;
                int panelOff = 0;
                if (pre != null) {
                    panel = pre.panels();
                    panelOff = pre.blockStarts()[block++];
                } else if (!direct) {
                    packBlock(b, bOff + p0 * n, n, j0, jEnd, kc, s, 0);
                }
                for (int i = 0; i < m4; i += 4) {
                    float[] as = a;
                    int ai = aOff + i * ars + p0 * acs;
                    int tileArs = ars;
                    if (aByColumns && aSlivers != null) {
                        as = aSlivers;
                        ai = i / L * sliverStride(kc) + i % L;
                        tileArs = 1;
                    } else if (aByColumns) {
                        if (i % MC == 0) {
                            packColumns(a, aOff + p0 * m + i, m, Math.min(MC, m4 - i), kc, s, A_BLOCK, null);
                        }
                        as = s;
                        ai = A_BLOCK + (i % MC) / L * sliverStride(kc) + i % L;
                        tileArs = 1;
                    }
                    int ci = cOff + i * n;
                    int q = panelOff;
                    for (int j = j0, w; j < jEnd; j += w * L) {
                        w = VectorTiles.nextTile(TILE_VECTORS, (jEnd - j) / L);
                        FloatPanelTiles.panelTile4(w, aByColumns, as, ai, tileArs, panel, q, c, ci + j, n, kc,
                                load);
                        q += kc * w * L;
                    }
                }
                for (int i = m4; i < m; i++) {
                    int ci = cOff + i * n;
                    if (direct) {
                        FloatTiles.rowTile(a, aOff + i * ars + p0 * acs, acs, b, bOff + p0 * n + j0, n, c, ci + j0,
                                jEnd - j0, kc, load);
                        continue;
                    }
                    int q = panelOff;
                    for (int j = j0, w; j < jEnd; j += w) {
                        w = VectorTiles.nextTile(TILE_VECTORS, (jEnd - j) / L) * L;
                        FloatTiles.rowTile(a, aOff + i * ars + p0 * acs, acs, panel, q, w, c, ci + j, w, kc, load);
                        q += kc * w;
                    }
                }
            }
            if (tail > 0 && !tailByColumns) {
                float[] tailArray = s;
                int tailOff = TAIL_PANEL;
                if (pre != null) {  // packed with B's panels, after them
                    tailArray = pre.panels();
                    tailOff = pre.blockStarts()[pre.blocks() + p0 / kcMax];
                } else {
                    packTail(b, bOff + p0 * n + vecCols, n, tail, kc, s, TAIL_PANEL);
                }
                for (int i = 0; i < m4; i += 4) {
                    int ci = cOff + i * n + vecCols;
                    tileIn(c, ci, n, 4, tail, load, s);
                    FloatTiles.tile4x1(a, aOff + i * ars + p0 * acs, ars, acs, tailArray, tailOff, L, s, C_TILE, L,
                            kc, true);
                    tileOut(s, 4, tail, c, ci, n);
                }
                for (int i = m4; i < m; i++) {
                    int ci = cOff + i * n + vecCols;
                    tileIn(c, ci, n, 1, tail, load, s);
                    FloatTiles.rowTile(a, aOff + i * ars + p0 * acs, acs, tailArray, tailOff, L, s, C_TILE, L, kc,
                            true);
                    tileOut(s, 1, tail, c, ci, n);
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
    private static void tailByColumns(float[] a, int aOff, int m, float[] b, int bOff, int n, int j0, int k,
                                      float[] c, int cOff, boolean accumulate, float[] s) {
        for (int j = j0; j < n; j++) {
            int i = 0;
            for (int rows; i + L <= m; i += rows) {  // 4·L rows at a time, then L
                rows = i + 4 * L <= m ? 4 * L : L;
                int ci = cOff + i * n + j;
                for (int r = 0; accumulate && r < rows; r++) {
                    s[C_TILE + r] = c[ci + r * n];
                }
                if (rows == L) {
                    FloatTiles.columnTile1(a, aOff + i, m, b, bOff + j, n, k, s, C_TILE, accumulate);
                } else {
                    FloatTiles.columnTile4(a, aOff + i, m, b, bOff + j, n, k, s, C_TILE, accumulate);
                }
                for (int r = 0; r < rows; r++) {
                    c[ci + r * n] = s[C_TILE + r];
                }
            }
            int rest = m - i;  // fewer than L rows: their chains side by side, so that the FMA latency overlaps
            for (int r = 0; r < rest; r++) {
                s[C_TILE + r] = accumulate ? c[cOff + (i + r) * n + j] : 0f;
            }
            for (int p = 0; p < k; p++) {
                float x = b[bOff + p * n + j];
                int ap = aOff + p * m + i;
                for (int r = 0; r < rest; r++) {
                    s[C_TILE + r] = Math.fma(a[ap + r], x, s[C_TILE + r]);
                }
            }
            for (int r = 0; r < rest; r++) {
                c[cOff + (i + r) * n + j] = s[C_TILE + r];
            }
        }
    }

    /** The last {@code tail} (< L) columns of kc rows of B into a panel of kc × L at {@code at}, zero-padded. */
    private static void packTail(float[] b, int bi, int ldb, int tail, int kc, float[] s, int at) {
        for (int p = 0; p < kc; p++) {
            int d = at + p * L;
            int src = bi + p * ldb;
            for (int j = 0; j < tail; j++) {
                s[d + j] = b[src + j];
            }
            for (int j = tail; j < L; j++) {
                s[d + j] = 0f;
            }
        }
    }

    /** C's tail columns of {@code rows} rows into the scratch tile (zeros beyond them, or all zeros unless load). */
    private static void tileIn(float[] c, int ci, int ldc, int rows, int tail, boolean load, float[] s) {
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < L; j++) {
                s[C_TILE + r * L + j] = load && j < tail ? c[ci + r * ldc + j] : 0f;
            }
        }
    }

    private static void tileOut(float[] s, int rows, int tail, float[] c, int ci, int ldc) {
        for (int r = 0; r < rows; r++) {
            System.arraycopy(s, C_TILE + r * L, c, ci + r * ldc, tail);
        }
    }

    /**
     * Columns per block of N: about {@link #B_BLOCK} / kc, a multiple of the tile width, evened out and up to a
     * quarter larger when that saves a block.
     */
    private static int blockColumns(int vecCols, int kc) {
        int budget = Math.max(WIDTH, B_BLOCK / kc / WIDTH * WIDTH);
        int blocks = Math.max(1, (int) Math.ceil(vecCols / (1.25 * budget)));
        int perBlock = (vecCols + blocks - 1) / blocks;
        return Math.max(WIDTH, (perBlock + WIDTH - 1) / WIDTH * WIDTH);
    }

    /**
     * Copies columns j0..jEnd (whole vectors) of kc rows of B into panels as wide as the tiles that read them
     * ({@link VectorTiles#nextTile}), each kc × width contiguous.
     */
    private static void packBlock(float[] b, int bRow, int ldb, int j0, int jEnd, int kc, float[] s, int base) {
        for (int p = 0; p < kc; p++) {
            int src = bRow + p * ldb;
            int q = base;
            for (int j = j0, w; j < jEnd; j += w) {
                w = VectorTiles.nextTile(TILE_VECTORS, (jEnd - j) / L) * L;
                FloatTiles.copyVectors(b, src + j, s, q + p * w, w);
                q += kc * w;
            }
        }
    }

    /**
     * For {@code mtm}: columns i..i+cols (a multiple of 4) of kc rows of A (row stride m) into slivers one vector
     * (L columns) wide from {@code base}, one vector copy per sliver and row; a last, narrower sliver element by
     * element. A 4-row tile reads its columns at offset {@code i mod L} of its sliver. With {@code sums} (not null,
     * m long), also adds every row's m values into it, row after row: A's column sums, from the same reads.
     */
    private static void packColumns(float[] a, int ai, int m, int cols, int kc, float[] s, int base, float[] sums) {
        int stride = sliverStride(kc);
        int full = cols / L * L;
        int sumsFull = m / L * L;
        for (int p = 0; p < kc; p++) {
            int src = ai + p * m;
            int d = base + L * p;
            for (int t = 0; t < full; t += L) {
                FloatTiles.copyVectors(a, src + t, s, d, L);
                d += stride;
            }
            for (int t = full; t < cols; t++) {
                s[d + t - full] = a[src + t];
            }
            if (sums != null) {  // sums[t] += A(p, t) in order of p: the order of the plain column sums
                FloatTiles.addVectors(a, src, sums, 0, sumsFull);
                for (int t = sumsFull; t < m; t++) {
                    sums[t] += a[src + t];
                }
            }
        }
    }

    /** sums[i] += Σ_p A(p, i) for A (K×M), row after row in vectors: the bits of the plain loop. */
    private static void addColumnSums(float[] a, int aOff, int m, int k, float[] sums) {
        if (sums == null) {
            return;
        }
        int full = m / L * L;
        for (int p = 0; p < k; p++) {
            int row = aOff + p * m;
            FloatTiles.addVectors(a, row, sums, 0, full);
            for (int i = full; i < m; i++) {
                sums[i] += a[row + i];
            }
        }
    }

    /** L·kc floats plus one cache line, so that the slivers a row of A is scattered into use different L1 sets. */
    private static int sliverStride(int kc) {
        return L * kc + 16;
    }
}
