package org.lstmlab.engine.io;

/**
 * How {@link SafeTensors#write} treats the values it writes.
 *
 * @param rejectNonFinite refuse to write a NaN or an infinity (including a finite double that overflows F32,
 *                        F16 or BF16), naming the tensor and the flat index; the model saver asks for this so a
 *                        diverged model is never saved over a good one
 */
public record WriteOptions(boolean rejectNonFinite) {
    /** Writes any value, NaN and infinities included. */
    public static final WriteOptions DEFAULT = new WriteOptions(false);
    /** Refuses NaN and infinities. */
    public static final WriteOptions FINITE_ONLY = new WriteOptions(true);
}
