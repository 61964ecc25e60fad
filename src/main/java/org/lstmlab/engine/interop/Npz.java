package org.lstmlab.engine.interop;

import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a {@code .npz} as NumPy's {@code np.savez} does: a zip whose entries {@code NAME.npy} are float64
 * {@link Npy} arrays, in the order they are added. {@link #finish} writes the zip's directory and leaves the stream
 * under it open (the caller, e.g. {@code AtomicFiles.write}, closes it).
 */
final class Npz {
    private final ZipOutputStream zip;

    Npz(OutputStream out) {
        zip = new ZipOutputStream(out);
    }

    /** Adds {@code NAME.npy}: an array of {@code shape} whose values are all at hand, C order. */
    Npz add(String name, int[] shape, double[] values) throws IOException {
        zip.putNextEntry(new ZipEntry(name + ".npy"));
        Npy.write(zip, shape, values);
        zip.closeEntry();
        return this;
    }

    /** Adds {@code NAME.npy}: an array of {@code shape} whose values {@code parts} hands over in C order. */
    Npz add(String name, int[] shape, SequenceFiles.Batches parts) throws IOException {
        zip.putNextEntry(new ZipEntry(name + ".npy"));
        Npy.writeHeader(zip, shape);
        parts.each(v -> Npy.writeValues(zip, v));
        zip.closeEntry();
        return this;
    }

    /** Ends the zip: its directory is written; the stream under it is not closed. */
    void finish() throws IOException {
        zip.finish();
    }
}
