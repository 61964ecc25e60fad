package org.lstmlab.engine.io;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.lstmlab.engine.io.SafeTensorsException.Kind;
import org.lstmlab.engine.text.Message;

/**
 * The JSON header of a safetensors file: turns its bytes into validated tensor entries, following the reference
 * implementation's rules ({@code huggingface/safetensors}, {@code Metadata::validate}) and adding the checks a
 * Java reader needs (every number may be hostile; no duplicate keys; caps on nesting, tensor count and names).
 */
final class SafeTensorsHeader {
    /**
     * Longest header, 16 MiB. The reference implementation allows 100,000,000 bytes, but parsing that much JSON
     * into a tree costs gigabytes; real headers (100,000 tensors, a vocabulary) stay far below 16 MiB.
     */
    static final long MAX_HEADER_BYTES = 16L << 20;
    /** More tensors than this is not a model LSTM Lab can use. */
    static final int MAX_TENSORS = 100_000;
    /**
     * Most JSON values (objects, arrays, strings, numbers) in a header: 12 per tensor plus room for metadata. It
     * bounds the parsed tree, whatever the header holds: a shape of a million zeros is refused as it is parsed.
     */
    static final long MAX_VALUES = 12L * MAX_TENSORS + 1_000_000;
    /** Longest tensor name, in UTF-16 characters. */
    static final int MAX_NAME_LENGTH = 1024;
    /** A header needs depth 3 (header, tensor entry, shape); anything much deeper is an attack. */
    static final int MAX_DEPTH = 8;
    /** Largest element count: the biggest array the JVM reliably allocates. */
    static final int MAX_NUMEL = Integer.MAX_VALUE - 8;
    static final String METADATA_KEY = "__metadata__";
    private static final Set<String> ENTRY_FIELDS = Set.of("dtype", "shape", "data_offsets");

    /** One tensor of the header: where its bytes are in the data buffer, relative to the buffer's start. */
    record Entry(String name, DType dtype, int[] shape, int numel, long begin, long end) {
    }

    /** The validated header: metadata in file order, entries in data order. */
    record Parsed(Map<String, String> metadata, List<Entry> entries) {
    }

    private SafeTensorsHeader() {
    }

    /**
     * Validates the header bytes against a data buffer of {@code dataLength} bytes (the file minus the 8-byte
     * length and the header).
     */
    static Parsed parse(String source, byte[] header, long dataLength) throws SafeTensorsException {
        JsonValue root = parseJson(source, decodeUtf8(source, header));
        if (!(root instanceof JsonValue.Obj obj)) {
            throw new SafeTensorsException(Kind.INVALID_JSON, source, "header is a JSON " + root.typeName()
                    + ", not an object");
        }
        int tensorCount = obj.members().size() - (obj.members().containsKey(METADATA_KEY) ? 1 : 0);
        if (tensorCount > MAX_TENSORS) {
            throw new SafeTensorsException(Kind.TOO_MANY_TENSORS, source, "header lists " + tensorCount
                    + " tensors, more than the limit of " + MAX_TENSORS);
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        List<Entry> entries = new ArrayList<>(tensorCount);
        for (Map.Entry<String, JsonValue> m : obj.members().entrySet()) {
            if (m.getKey().equals(METADATA_KEY)) {
                metadata = metadata(source, m.getValue());
            } else {
                entries.add(entry(source, m.getKey(), m.getValue()));
            }
        }
        entries.sort(Comparator.comparingLong(Entry::begin).thenComparingLong(Entry::end)
                .thenComparing(Entry::name));
        checkTiling(source, entries, dataLength);
        return new Parsed(metadata, entries);
    }

    private static String decodeUtf8(String source, byte[] header) throws SafeTensorsException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(header);
        CharBuffer out = CharBuffer.allocate(header.length); // UTF-8 never gives more chars than bytes
        CoderResult r = decoder.decode(in, out, true);
        if (!r.isError()) {
            r = decoder.flush(out);
        }
        if (r.isError()) {
            throw new SafeTensorsException(Kind.INVALID_UTF8, source, "header is not valid UTF-8 (bad byte 0x"
                    + String.format("%02X", header[in.position()] & 0xff) + " at header offset " + in.position()
                    + ")");
        }
        return out.flip().toString();
    }

    private static JsonValue parseJson(String source, String text) throws SafeTensorsException {
        try {
            return JsonParser.parse(text, MAX_DEPTH, MAX_VALUES);
        } catch (JsonException e) {
            if (e.kind() == JsonException.Kind.TOO_MANY_VALUES) {
                throw new SafeTensorsException(Kind.HEADER_TOO_LARGE, source, "header holds more than "
                        + MAX_VALUES + " JSON values, above the limit for " + MAX_TENSORS + " tensors", e);
            }
            boolean duplicate = e.kind() == JsonException.Kind.DUPLICATE_KEY;
            SafeTensorsException x = new SafeTensorsException(duplicate ? Kind.DUPLICATE_KEY : Kind.INVALID_JSON,
                    source, Message.of(duplicate ? "engine.safetensors.headerHas" : "engine.safetensors.headerNotJson",
                    e.detail()));
            x.initCause(e);
            throw x;
        }
    }

    private static Map<String, String> metadata(String source, JsonValue v) throws SafeTensorsException {
        if (!(v instanceof JsonValue.Obj obj)) {
            throw new SafeTensorsException(Kind.INVALID_METADATA, source, METADATA_KEY + " is " + article(v)
                    + ", not an object of strings");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonValue> m : obj.members().entrySet()) {
            if (!(m.getValue() instanceof JsonValue.Str s)) {
                throw new SafeTensorsException(Kind.INVALID_METADATA, source, METADATA_KEY + " value of '"
                        + JsonWriter.abbreviate(m.getKey()) + "' is " + article(m.getValue())
                        + ", not a string");
            }
            out.put(m.getKey(), s.value());
        }
        return out;
    }

    private static Entry entry(String source, String name, JsonValue v) throws SafeTensorsException {
        String who = "tensor '" + JsonWriter.abbreviate(name) + "': ";
        if (name.length() > MAX_NAME_LENGTH) {
            throw new SafeTensorsException(Kind.NAME_TOO_LONG, source, who + "name has " + name.length()
                    + " characters, more than the limit of " + MAX_NAME_LENGTH);
        }
        if (!(v instanceof JsonValue.Obj obj)) {
            throw new SafeTensorsException(Kind.TENSOR_INVALID_INFO, source, who + "entry is " + article(v)
                    + ", not an object with dtype, shape and data_offsets");
        }
        for (String key : obj.members().keySet()) {
            if (!ENTRY_FIELDS.contains(key)) {
                throw new SafeTensorsException(Kind.TENSOR_INVALID_INFO, source, who + "unknown field '"
                        + JsonWriter.abbreviate(key) + "' (expected dtype, shape, data_offsets)");
            }
        }
        for (String key : List.of("dtype", "shape", "data_offsets")) {
            if (!obj.members().containsKey(key)) {
                throw new SafeTensorsException(Kind.TENSOR_INVALID_INFO, source, who + "missing field '" + key + "'");
            }
        }
        DType dtype = dtype(source, who, obj.members().get("dtype"));
        JsonValue shapeJson = obj.members().get("shape");
        int[] shape = shape(source, who, shapeJson);
        int numel = numel(source, who, shape);
        long[] offsets = offsets(source, who, obj.members().get("data_offsets"));
        long needed = Math.multiplyExact((long) numel, dtype.byteSize()); // < 2^31 · 8: exact
        if (offsets[1] - offsets[0] != needed) {
            throw new SafeTensorsException(Kind.TENSOR_INVALID_INFO, source, who + "data_offsets "
                    + pair(offsets) + " hold " + (offsets[1] - offsets[0]) + " bytes but shape "
                    + shapeText(shape) + " of " + dtype + " needs " + needed);
        }
        return new Entry(name, dtype, shape, numel, offsets[0], offsets[1]);
    }

    private static DType dtype(String source, String who, JsonValue v) throws SafeTensorsException {
        if (!(v instanceof JsonValue.Str s)) {
            throw new SafeTensorsException(Kind.TENSOR_INVALID_INFO, source, who + "dtype is " + article(v)
                    + ", not a string");
        }
        return DType.fromHeaderName(s.value()).orElseThrow(() -> new SafeTensorsException(Kind.UNKNOWN_DTYPE,
                source, who + "dtype '" + JsonWriter.abbreviate(s.value()) + "' is not one of "
                        + DType.supportedList()));
    }

    private static int[] shape(String source, String who, JsonValue v) throws SafeTensorsException {
        if (!(v instanceof JsonValue.Arr arr)) {
            throw new SafeTensorsException(Kind.INVALID_SHAPE, source, who + "shape is " + article(v)
                    + ", not a list of dimensions");
        }
        int[] shape = new int[arr.elements().size()];
        for (int i = 0; i < shape.length; i++) {
            JsonValue d = arr.elements().get(i);
            if (!(d instanceof JsonValue.Num n) || !n.isInteger() || n.isNegative()) {
                throw new SafeTensorsException(Kind.INVALID_SHAPE, source, who + "shape " + jsonText(v)
                        + " has " + describe(d) + " at index " + i + ", not a non-negative integer");
            }
            long dim;
            try {
                dim = n.longValueExact();
            } catch (ArithmeticException e) {
                dim = Long.MAX_VALUE;
            }
            if (dim > MAX_NUMEL) {
                throw new SafeTensorsException(Kind.OVERFLOW, source, who + "dimension " + n.abbreviated()
                        + " of shape " + jsonText(v) + " is too large");
            }
            shape[i] = (int) dim;
        }
        return shape;
    }

    private static int numel(String source, String who, int[] shape) throws SafeTensorsException {
        for (int d : shape) {
            if (d == 0) {
                return 0;
            }
        }
        long n = 1;
        for (int d : shape) {
            n = Math.multiplyExact(n, d); // n ≤ MAX_NUMEL and d ≤ MAX_NUMEL: cannot overflow a long
            if (n > MAX_NUMEL) {
                throw new SafeTensorsException(Kind.OVERFLOW, source, who + "shape " + shapeText(shape)
                        + " has more elements than a Java array can hold");
            }
        }
        return (int) n;
    }

    private static long[] offsets(String source, String who, JsonValue v) throws SafeTensorsException {
        if (!(v instanceof JsonValue.Arr arr) || arr.elements().size() != 2) {
            throw new SafeTensorsException(Kind.INVALID_OFFSET, source, who + "data_offsets " + jsonText(v)
                    + " is not a pair [begin, end]");
        }
        long[] out = new long[2];
        for (int i = 0; i < 2; i++) {
            JsonValue e = arr.elements().get(i);
            if (!(e instanceof JsonValue.Num n) || !n.isInteger() || n.isNegative()) {
                throw new SafeTensorsException(Kind.INVALID_OFFSET, source, who + "data_offsets " + jsonText(v)
                        + " has " + describe(e) + ", not a non-negative integer");
            }
            try {
                out[i] = n.longValueExact();
            } catch (ArithmeticException x) {
                throw new SafeTensorsException(Kind.INVALID_OFFSET, source, who + "data_offsets " + jsonText(v)
                        + " holds an offset beyond any file");
            }
        }
        if (out[1] < out[0]) {
            throw new SafeTensorsException(Kind.INVALID_OFFSET, source, who + "data_offsets " + pair(out)
                    + " end before they begin");
        }
        return out;
    }

    /** The tensors, sorted by offsets, must cover [0, dataLength) exactly: no gaps, overlaps or trailing bytes. */
    private static void checkTiling(String source, List<Entry> entries, long dataLength)
            throws SafeTensorsException {
        long end = 0;
        String previous = null;
        for (Entry e : entries) {
            if (e.begin() != end) {
                String who = "tensor '" + JsonWriter.abbreviate(e.name()) + "': data_offsets "
                        + pair(new long[] {e.begin(), e.end()});
                String why = previous == null ? " must start at 0"
                        : e.begin() < end ? " overlap tensor '" + JsonWriter.abbreviate(previous) + "', which ends at "
                                + end : " leave a gap after tensor '" + JsonWriter.abbreviate(previous)
                                + "', which ends at " + end;
                throw new SafeTensorsException(Kind.INVALID_OFFSET, source, who + why);
            }
            end = e.end();
            previous = e.name();
        }
        if (end < dataLength) {
            throw new SafeTensorsException(Kind.INCOMPLETE_BUFFER, source, (dataLength - end)
                    + " bytes after the last tensor's data (the header accounts for " + end + " of " + dataLength
                    + " data bytes; trailing bytes are not allowed)");
        }
        if (end > dataLength) {
            throw new SafeTensorsException(Kind.INCOMPLETE_BUFFER, source, "the header needs " + end
                    + " data bytes but the file holds " + dataLength);
        }
    }

    /**
     * The header bytes for {@code entries} (already in data order, offsets assigned), padded with spaces to a
     * multiple of 8 bytes so that the data starts 8-aligned.
     */
    static byte[] encode(Map<String, String> metadata, List<Entry> entries) {
        StringBuilder sb = new StringBuilder(64 + 96 * entries.size());
        sb.append('{');
        JsonWriter.quote(sb, METADATA_KEY);
        sb.append(":{");
        boolean first = true;
        for (Map.Entry<String, String> m : metadata.entrySet()) {
            if (!first) {
                sb.append(',');
            }
            first = false;
            JsonWriter.quote(sb, m.getKey());
            sb.append(':');
            JsonWriter.quote(sb, m.getValue());
        }
        sb.append('}');
        for (Entry e : entries) {
            sb.append(',');
            JsonWriter.quote(sb, e.name());
            sb.append(":{\"dtype\":\"").append(e.dtype().headerName()).append("\",\"shape\":")
                    .append(shapeText(e.shape())).append(",\"data_offsets\":").append(pair(
                            new long[] {e.begin(), e.end()})).append('}');
        }
        sb.append('}');
        byte[] json = sb.toString().getBytes(StandardCharsets.UTF_8);
        int padded = (json.length + 7) & ~7;
        byte[] out = Arrays.copyOf(json, padded);
        Arrays.fill(out, json.length, padded, (byte) ' ');
        return out;
    }

    static String shapeText(int[] shape) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < shape.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            if (sb.length() > 60) {
                return sb.append("... (").append(shape.length).append(" dims)]").toString();
            }
            sb.append(shape[i]);
        }
        return sb.append(']').toString();
    }

    private static String pair(long[] p) {
        return "[" + p[0] + "," + p[1] + "]";
    }

    private static String jsonText(JsonValue v) {
        String s = JsonWriter.write(v);
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }

    private static String describe(JsonValue v) {
        return v instanceof JsonValue.Num || v instanceof JsonValue.Bool || v instanceof JsonValue.Null
                ? jsonText(v) : article(v);
    }

    /** "an object", "an array", "a string", "a number", "a boolean", "null". */
    private static String article(JsonValue v) {
        String t = v.typeName();
        return t.equals("null") ? t : (t.startsWith("o") || t.startsWith("a") ? "an " : "a ") + t;
    }
}
