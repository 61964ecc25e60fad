package org.lstmlab.engine.io;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/** Random-access bytes: an open file read with positional reads, or an in-memory array. */
interface ByteSource {
    /** Total length in bytes. */
    long size() throws IOException;

    /**
     * Fills {@code dst} from its position to its limit with the bytes starting at {@code position}.
     *
     * @throws EOFException if the source ends first (a file that shrank while being read)
     */
    void readFully(long position, ByteBuffer dst) throws IOException;

    static ByteSource of(byte[] bytes) {
        return new ByteSource() {
            @Override
            public long size() {
                return bytes.length;
            }

            @Override
            public void readFully(long position, ByteBuffer dst) throws EOFException {
                int n = dst.remaining();
                if (position < 0 || position > bytes.length - (long) n) {
                    throw new EOFException("read of " + n + " bytes at " + position + " past " + bytes.length);
                }
                dst.put(bytes, (int) position, n);
            }
        };
    }

    static ByteSource of(FileChannel channel) {
        return new ByteSource() {
            @Override
            public long size() throws IOException {
                return channel.size();
            }

            @Override
            public void readFully(long position, ByteBuffer dst) throws IOException {
                long p = position;
                while (dst.hasRemaining()) {
                    int n = channel.read(dst, p);
                    if (n < 0) {
                        throw new EOFException("file ended at " + p + " while reading");
                    }
                    p += n;
                }
            }
        };
    }
}
