package org.lstmlab.engine.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import org.lstmlab.engine.text.Message;

import org.lstmlab.engine.bounds.InputFiles;
import org.lstmlab.engine.bounds.MemoryBudget;

/**
 * Reads a whole text file with a known or detected encoding, strictly: a byte sequence that is not valid in the
 * encoding is an error naming its line and column, never a silent U+FFFD.
 *
 * <p>Detection: a byte-order mark decides (UTF-8, UTF-16LE, UTF-16BE) and is dropped; otherwise strict UTF-8;
 * when that fails, GB18030 (a superset of GBK) when the whole file decodes strictly in it. The caller is told which
 * encoding was used and whether it was detected, so the UI can show it and let the user choose another.
 */
public final class TextFiles {
    /** Text and CSV files larger than this (64 MiB) are refused before reading. */
    public static final long MAX_BYTES = 64L << 20;
    public static final Charset GB18030 = Charset.forName("GB18030");

    /** The text of a file and how it was decoded. */
    public record Text(String text, Charset charset, boolean hadBom, boolean detected) {
        /** Number of Unicode code points (a character outside the BMP counts once). */
        public int codePoints() {
            return text.codePointCount(0, text.length());
        }
    }

    private TextFiles() {
    }

    /** Reads {@code file}, detecting its encoding. */
    public static Text read(Path file) throws IOException {
        return read(file, null);
    }

    /**
     * Reads {@code file} in {@code charset}, or detects it when null. The charsets the user may pick are UTF-8,
     * UTF-16LE/BE, GBK and GB18030.
     */
    public static Text read(Path file, Charset charset) throws IOException {
        byte[] bytes = InputFiles.readAll(file, MAX_BYTES, Message.of("engine.file.textFiles"));
        long decoding = MemoryBudget.product(8, bytes.length); // the decoded text and its copies, 2 bytes a char
        if (!MemoryBudget.fits(decoding)) {
            throw new DataFileException(file.toString(), MemoryBudget.refusal(Message.of("engine.memory.decoding",
                    MemoryBudget.bytes(bytes.length)), decoding));
        }
        return decode(file.toString(), bytes, charset);
    }

    /** Decodes bytes as {@link #read} does; {@code name} is used in messages. */
    public static Text decode(String name, byte[] bytes, Charset charset) throws DataFileException {
        Bom bom = Bom.of(bytes);
        if (bytes.length == (bom == null ? 0 : bom.length)) {
            throw new DataFileException(name, Message.of(bytes.length == 0 ? "engine.data.empty"
                    : "engine.data.onlyBom"));
        }
        String binary = binaryKind(bytes);
        if (binary != null) {
            throw new DataFileException(name, Message.of(binary));
        }
        if (charset == null) {
            if (bom != null) {
                return new Text(strict(name, bytes, bom.length, bom.charset), bom.charset, true, true);
            }
            try {
                return new Text(strict(name, bytes, 0, StandardCharsets.UTF_8), StandardCharsets.UTF_8, false, true);
            } catch (DataFileException notUtf8) {
                try {
                    return new Text(strict(name, bytes, 0, GB18030), GB18030, false, true);
                } catch (DataFileException notGb) {
                    throw new DataFileException(name, notUtf8.line(), notUtf8.column(),
                            Message.of("engine.data.notGb18030", notUtf8.why()));
                }
            }
        }
        int skip = bom != null && sameFamily(bom.charset, charset) ? bom.length : 0;
        return new Text(strict(name, bytes, skip, charset), charset, skip > 0, false);
    }

    /**
     * The message for a file that is no text in any encoding, judged by its first bytes: a zip file (an Excel
     * workbook, .xlsx, renamed .csv) or an OLE2 compound file (an old .xls workbook); null for anything else.
     */
    private static String binaryKind(byte[] b) {
        if (starts(b, 0x50, 0x4B, 0x03, 0x04)) {
            return "engine.data.zipFile";
        }
        if (starts(b, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
            return "engine.data.oleFile";
        }
        return null;
    }

    private static boolean starts(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameFamily(Charset bom, Charset chosen) {
        String c = chosen.name().toUpperCase(Locale.ROOT);
        return bom.equals(chosen) || bom.name().startsWith("UTF-16") && c.equals("UTF-16");
    }

    private static String strict(String name, byte[] bytes, int offset, Charset cs) throws DataFileException {
        CharsetDecoder dec = cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
        CharBuffer out = CharBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 16L,
                (long) (bytes.length * (double) dec.maxCharsPerByte()) + 16));
        CoderResult r = dec.decode(in, out, true);
        if (!r.isError()) {
            r = dec.flush(out);
        }
        if (r.isError()) {
            out.flip();
            int[] lc = lineAndColumn(out);
            int at = in.position();
            throw new DataFileException(name, lc[0], lc[1], Message.of("engine.data.badByte",
                    String.format(Locale.ROOT, "0x%02X", bytes[Math.min(at, bytes.length - 1)] & 0xFF),
                    Integer.toString(at), cs.name()));
        }
        out.flip();
        String text = out.toString();
        if (text.isEmpty()) {
            throw new DataFileException(name, Message.of("engine.data.empty"));
        }
        return text;
    }

    /** 1-based line and column just after the decoded text (columns count code points). */
    static int[] lineAndColumn(CharSequence decoded) {
        int line = 1;
        int col = 1;
        for (int i = 0; i < decoded.length(); i++) {
            char c = decoded.charAt(i);
            if (c == '\n' || c == '\r' && (i + 1 >= decoded.length() || decoded.charAt(i + 1) != '\n')) {
                line++;
                col = 1;
            } else if (c != '\r' && !Character.isLowSurrogate(c)) {
                col++;
            }
        }
        return new int[] {line, col};
    }

    private record Bom(Charset charset, int length) {
        static Bom of(byte[] b) {
            if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
                return new Bom(StandardCharsets.UTF_8, 3);
            }
            if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
                return new Bom(StandardCharsets.UTF_16LE, 2);
            }
            if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
                return new Bom(StandardCharsets.UTF_16BE, 2);
            }
            return null;
        }
    }
}
