package org.lstmlab.engine.nn;

import org.lstmlab.engine.math.Gemm;
import org.lstmlab.engine.math.PackedFloatMatrix;
import org.lstmlab.engine.math.PackedMatrix;
import org.lstmlab.engine.math.Precision;

/**
 * One recurrent layer's weights as its products read them (W_ihᵀ and W_hhᵀ packed for the forward pass, W_hh and
 * W_ih for the backward pass; in the float32 precision rounded first, as {@link Float32Products} rounds them),
 * prepared once for all the replicas of a data-parallel step instead of once by each. The trainer prepares them
 * ({@link #prepare}, the jobs shared by its threads) after the weights were last changed,
 * {@linkplain #setActive activates} them for the shards' forward and backward passes and deactivates them before
 * it changes the weights again; a layer whose packs are not active packs its own, as it always did. The packs are
 * the same bits either way, so sharing them changes no result.
 */
public final class PackedWeights {
    /** Jobs per layer: W_ihᵀ (transposed, then packed), W_hhᵀ (the same), W_hh and W_ih. */
    static final int JOBS = 4;

    private final RecurrentLayer layer;
    private final boolean inputGradient;
    private double[] weightIhT = new double[0];
    private double[] weightHhT = new double[0];
    private PackedMatrix ihT;
    private PackedMatrix hhT;
    private PackedMatrix hh;
    private PackedMatrix ih;
    private final Floats floats = new Floats();
    private boolean active;

    /** The float32 precision's packs: each the rounded weights and their packed form. */
    static final class Floats {
        float[] ihT = new float[0];  // D × G
        float[] hhT = new float[0];  // H × G
        float[] hh = new float[0];   // G × H
        float[] ih = new float[0];   // G × D
        PackedFloatMatrix packedIhT;
        PackedFloatMatrix packedHhT;
        PackedFloatMatrix packedHh;
        PackedFloatMatrix packedIh;  // null when the backward passes compute no dL/dx
    }

    /**
     * @param layer         the layer whose weights (shared by its replicas) are packed
     * @param inputGradient whether the backward passes compute dL/dx (every layer above the first), so W_ih is
     *                      packed for it too
     */
    PackedWeights(RecurrentLayer layer, boolean inputGradient) {
        this.layer = layer;
        this.inputGradient = inputGradient;
    }

    /**
     * Prepares one of the {@link #JOBS} packs from the layer's current weights. Each job touches only its own
     * arrays, so the jobs may run on different threads at once; none may run while the packs are active.
     */
    void prepare(int job) {
        if (active) {
            throw new IllegalStateException("the packed weights are in use");
        }
        if (layer.precision() == Precision.FLOAT32) {
            prepareFloats(job);
            return;
        }
        int d = layer.inputSize;
        int h = layer.hiddenSize;
        int g = layer.gateWidth;
        switch (job) {
            case 0 -> {
                weightIhT = Rows.transpose(layer.weightIh.data(), g, d, weightIhT);
                ihT = Gemm.pack(weightIhT, 0, d, g, ihT);
            }
            case 1 -> {
                weightHhT = Rows.transpose(layer.weightHh.data(), g, h, weightHhT);
                hhT = Gemm.pack(weightHhT, 0, h, g, hhT);
            }
            case 2 -> hh = Gemm.pack(layer.weightHh.data(), 0, g, h, hh);
            default -> {
                if (inputGradient) {
                    ih = Gemm.pack(layer.weightIh.data(), 0, g, d, ih);
                }
            }
        }
    }

    private void prepareFloats(int job) {
        int d = layer.inputSize;
        int h = layer.hiddenSize;
        int g = layer.gateWidth;
        Floats f = floats;
        switch (job) {
            case 0 -> {
                f.ihT = Float32Products.transposeRounded(layer.weightIh.data(), 0, g, d, f.ihT);
                f.packedIhT = Gemm.pack(f.ihT, 0, d, g, f.packedIhT);
            }
            case 1 -> {
                f.hhT = Float32Products.transposeRounded(layer.weightHh.data(), 0, g, h, f.hhT);
                f.packedHhT = Gemm.pack(f.hhT, 0, h, g, f.packedHhT);
            }
            case 2 -> {
                f.hh = Float32Products.narrow(layer.weightHh.data(), 0, g * h, f.hh, 0);
                f.packedHh = Gemm.pack(f.hh, 0, g, h, f.packedHh);
            }
            default -> {
                if (inputGradient) {
                    f.ih = Float32Products.narrow(layer.weightIh.data(), 0, g * d, f.ih, 0);
                    f.packedIh = Gemm.pack(f.ih, 0, g, d, f.packedIh);
                }
            }
        }
    }

    /** The float32 packs, prepared when the layer computes in float32. */
    Floats floats() {
        return floats;
    }

    /** Whether the replicas read these packs now instead of packing their own. */
    void setActive(boolean on) {
        active = on;
    }

    boolean active() {
        return active;
    }

    double[] weightIhT() {
        return weightIhT;
    }

    PackedMatrix ihT() {
        return ihT;
    }

    PackedMatrix hhT() {
        return hhT;
    }

    PackedMatrix hh() {
        return hh;
    }

    /** W_ih packed for the input gradient, or null when this layer's backward passes compute none. */
    PackedMatrix ih() {
        return inputGradient ? ih : null;
    }
}
