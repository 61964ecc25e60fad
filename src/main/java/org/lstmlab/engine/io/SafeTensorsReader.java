package org.lstmlab.engine.io;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.LinkedHashMap;
import java.util.Map;

import org.lstmlab.engine.io.SafeTensorsException.Kind;

/**
 * Reads a whole safetensors file. Every size is checked against the real length of the source before anything is
 * allocated for it: the header length (an unsigned 64-bit number) before the header is read, the tensors'
 * offsets before any data array exists.
 */
final class SafeTensorsReader {
    private static final int LENGTH_BYTES = 8;

    private SafeTensorsReader() {
    }

    static SafeTensorsFile read(ByteSource src, String source) throws IOException {
        long size = src.size();
        if (size < LENGTH_BYTES) {
            throw new SafeTensorsException(Kind.HEADER_TOO_SMALL, source, "file has " + size
                    + " bytes, fewer than the 8-byte header length");
        }
        ByteBuffer lengthBytes = ByteBuffer.allocate(LENGTH_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        readFully(src, source, 0, lengthBytes);
        long n = lengthBytes.getLong(0); // unsigned: negative means above 2^63
        if (Long.compareUnsigned(n, SafeTensorsHeader.MAX_HEADER_BYTES) > 0) {
            throw new SafeTensorsException(Kind.HEADER_TOO_LARGE, source, "header length " + Long.toUnsignedString(n)
                    + " is above the limit of " + SafeTensorsHeader.MAX_HEADER_BYTES + " bytes");
        }
        if (n > size - LENGTH_BYTES) {
            throw new SafeTensorsException(Kind.INVALID_HEADER_LENGTH, source, "header length " + n
                    + " runs past the end of the file (" + size + " bytes)");
        }
        byte[] header = new byte[(int) n];
        readFully(src, source, LENGTH_BYTES, ByteBuffer.wrap(header));
        long dataStart = LENGTH_BYTES + n;
        SafeTensorsHeader.Parsed parsed = SafeTensorsHeader.parse(source, header, size - dataStart);

        Map<String, Tensor> tensors = new LinkedHashMap<>();
        ByteBuffer chunk = TensorCodec.newChunk();
        for (SafeTensorsHeader.Entry e : parsed.entries()) {
            try {
                tensors.put(e.name(), TensorCodec.read(source, src, dataStart, e, chunk));
            } catch (EOFException x) {
                throw new SafeTensorsException(Kind.INCOMPLETE_BUFFER, source, "tensor '" + e.name()
                        + "': the file ended while reading its data (was it changed while being read?)", x);
            }
        }
        return new SafeTensorsFile(source, tensors, parsed.metadata());
    }

    private static void readFully(ByteSource src, String source, long position, ByteBuffer dst) throws IOException {
        try {
            src.readFully(position, dst);
        } catch (EOFException x) {
            throw new SafeTensorsException(Kind.INCOMPLETE_BUFFER, source, "the file ended at " + position
                    + " while reading its header (was it changed while being read?)", x);
        }
    }
}
