package org.lstmlab.engine.io;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

import org.lstmlab.engine.bounds.MemoryBudget;
import org.lstmlab.engine.io.SafeTensorsException.Kind;
import org.lstmlab.engine.text.Message;

/**
 * Reads a safetensors file in two phases. First the header: its length (an unsigned 64-bit number) is checked
 * against the cap and the real file length before the header is read, then the header is validated in full and
 * shown to the caller's {@link SafeTensors.HeaderCheck}. Only then the data: the memory the wanted tensors need is
 * checked against the {@link MemoryBudget}, and only then are the arrays allocated and filled.
 */
final class SafeTensorsReader {
    private static final int LENGTH_BYTES = 8;

    private SafeTensorsReader() {
    }

    static SafeTensorsFile read(ByteSource src, String source, SafeTensors.HeaderCheck check,
                                Predicate<String> wanted) throws IOException {
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

        Map<String, TensorInfo> infos = new TreeMap<>();
        for (SafeTensorsHeader.Entry e : parsed.entries()) {
            infos.put(e.name(), new TensorInfo(e.name(), e.dtype(), e.shape()));
        }
        SafeTensorsIndex index = new SafeTensorsIndex(source, new TreeMap<>(infos), parsed.metadata());
        check.check(index);
        long bytes = index.memoryBytes(wanted);
        if (!MemoryBudget.fits(bytes)) {
            throw new SafeTensorsException(Kind.OVER_MEMORY_LIMIT, source,
                    MemoryBudget.refusal(Message.of("engine.memory.tensors"), bytes));
        }

        Map<String, Tensor> tensors = new LinkedHashMap<>();
        ByteBuffer chunk = TensorCodec.newChunk();
        for (SafeTensorsHeader.Entry e : parsed.entries()) {
            if (!wanted.test(e.name())) {
                continue;
            }
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
