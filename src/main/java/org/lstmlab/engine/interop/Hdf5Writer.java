package org.lstmlab.engine.interop;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.jhdf.checksum.JenkinsLookup3HashLittle;
import org.lstmlab.engine.io.AtomicFiles;

/**
 * Writes the small part of HDF5 that a Keras 3 {@code .weights.h5} and a Keras 2 {@code model.h5} need: groups (empty
 * ones included), contiguous float64 datasets and, on groups, string attributes (one string or a list, as h5py
 * stores a NumPy {@code bytes} value or array), nothing else. jhdf 0.9.4 writes empty groups that neither it nor h5py
 * can read back, and Keras 3 needs one (the model's own {@code vars}), hence this writer.
 *
 * <p>The file, all little-endian with 8-byte addresses and lengths (HDF5 file format specification version 3):
 * <ul>
 *   <li>a version 2 superblock (48 bytes, Jenkins lookup3 checksum) pointing to the root group;</li>
 *   <li>one version 2 object header ({@code OHDR}, checksummed) per object, in depth-first order. A group holds a
 *       Link Info message (compact storage: no fractal heap, no name index), a Group Info message and one hard-link
 *       Link message per child, in the order they were added, then, if it has attributes, an Attribute Info
 *       message (compact storage) and one Attribute message (version 3) per attribute: a fixed-length,
 *       null-padded string datatype (ASCII, or UTF-8 when a string is not ASCII) and a scalar or one-dimensional
 *       dataspace. A dataset holds a Dataspace (version 2), a Datatype
 *       (IEEE 754 float64, little-endian), a Fill Value (version 3) and a contiguous Data Layout (version 3)
 *       message, followed at once by its values.</li>
 * </ul>
 * Every name, shape and size is checked before anything is written; the file is written atomically.
 */
final class Hdf5Writer {
    /** A file above this is refused before it is written. */
    static final long MAX_BYTES = 2L << 30;
    private static final long UNDEFINED = -1L;  // "undefined address": all bits set
    private static final byte[] SIGNATURE = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};
    private static final int SUPERBLOCK_SIZE = 48;
    private static final int HEADER_PREFIX = 10;  // "OHDR", version, flags, 4-byte size of chunk 0
    private static final int MESSAGE_PREFIX = 4;  // type, size (2), flags
    private static final int CHECKSUM = 4;

    private static final int LINK_INFO = 0x02;
    private static final int DATASPACE = 0x01;
    private static final int DATATYPE = 0x03;
    private static final int FILL_VALUE = 0x05;
    private static final int LINK = 0x06;
    private static final int LAYOUT = 0x08;
    private static final int GROUP_INFO = 0x0A;
    private static final int ATTRIBUTE = 0x0C;
    private static final int ATTRIBUTE_INFO = 0x15;

    private static final int LINK_INFO_SIZE = 18;
    private static final int GROUP_INFO_SIZE = 2;
    private static final int DATATYPE_SIZE = 20;
    private static final int FILL_VALUE_SIZE = 2;
    private static final int LAYOUT_SIZE = 18;
    private static final int ATTRIBUTE_INFO_SIZE = 18;

    private Hdf5Writer() {
    }

    /** A group: named children (groups or datasets), kept in the order they were added. */
    static final class Group {
        private final Map<String, Object> children = new LinkedHashMap<>();
        private final Map<String, Attribute> attributes = new LinkedHashMap<>();

        /** Sets the attribute {@code name} to one string (a scalar). */
        void attribute(String name, String value) {
            attributes.put(name, new Attribute(name, List.of(value), true));
        }

        /** Sets the attribute {@code name} to a list of strings (one dimension, as long as the list). */
        void attribute(String name, List<String> values) {
            attributes.put(name, new Attribute(name, List.copyOf(values), false));
        }

        /** The child group {@code name}, created if it does not exist. */
        Group group(String name) {
            checkName(name);
            Object c = children.computeIfAbsent(name, k -> new Group());
            if (!(c instanceof Group g)) {
                throw new IllegalArgumentException("'" + name + "' is already a dataset");
            }
            return g;
        }

        /** Adds a float64 dataset of this shape (row-major values). */
        void dataset(String name, int[] shape, double[] values) {
            checkName(name);
            long n = 1;
            for (int d : shape) {
                if (d < 1) {
                    throw new IllegalArgumentException("dataset '" + name + "': dimension " + d + " is not positive");
                }
                n *= d;
            }
            if (shape.length < 1 || shape.length > 32 || n != values.length) {
                throw new IllegalArgumentException("dataset '" + name + "': shape of " + shape.length
                        + " dimensions and " + n + " values does not hold " + values.length + " values");
            }
            if (children.putIfAbsent(name, new Dataset(shape.clone(), values)) != null) {
                throw new IllegalArgumentException("'" + name + "' exists already");
            }
        }

        Map<String, Object> children() {
            return children;
        }

        private static void checkName(String name) {
            byte[] b = name.getBytes(StandardCharsets.US_ASCII);
            if (name.isEmpty() || b.length > 255 || name.equals(".") || name.contains("/")
                    || !StandardCharsets.US_ASCII.newEncoder().canEncode(name)) {
                throw new IllegalArgumentException("'" + name + "' is not an HDF5 link name this writer writes "
                        + "(1 to 255 ASCII characters, no '/')");
            }
        }
    }

    record Dataset(int[] shape, double[] values) {
    }

    /**
     * A string attribute: its strings as UTF-8, each null-padded to the longest (at least one byte). Its message
     * must fit the two-byte size of an HDF5 header message.
     */
    record Attribute(String name, List<String> values, boolean scalar) {
        Attribute {
            if (name.isEmpty() || !StandardCharsets.US_ASCII.newEncoder().canEncode(name) || name.length() > 255) {
                throw new IllegalArgumentException("'" + name + "' is not an attribute name this writer writes");
            }
            if (values.isEmpty()) {
                throw new IllegalArgumentException("attribute '" + name + "' has no strings");
            }
            long n = size(name, values, scalar);
            if (n > 0xffff) {
                throw new IllegalArgumentException("attribute '" + name + "' of " + n + " bytes does not fit one "
                        + "HDF5 header message (65535)");
            }
        }

        int width() {
            return width(values);
        }

        boolean ascii() {
            return values.stream().allMatch(v -> StandardCharsets.US_ASCII.newEncoder().canEncode(v));
        }

        /** The message's size, checked to fit two bytes when the attribute was made. */
        int size() {
            return (int) size(name, values, scalar);
        }

        private static int width(List<String> values) {
            return Math.max(1, values.stream().mapToInt(v -> v.getBytes(StandardCharsets.UTF_8).length).max()
                    .orElse(1));
        }

        /** Its own fields (9 bytes), the name with its null, the datatype (8), the dataspace, the data. */
        private static long size(String name, List<String> values, boolean scalar) {
            return 9 + (name.length() + 1) + 8 + (scalar ? 4 : 12) + (long) width(values) * values.size();
        }
    }

    /** One object of the file with its address, in the order written. */
    private record Placed(Object node, long address, int headerSize) {
    }

    /** Writes the tree under {@code root} to {@code target}, atomically. */
    static void write(Path target, Group root) throws IOException {
        List<Placed> order = new ArrayList<>();
        Map<Object, Long> addresses = new java.util.IdentityHashMap<>();
        long end = place(root, SUPERBLOCK_SIZE, order, addresses);
        if (end > MAX_BYTES) {
            throw new IllegalArgumentException("an HDF5 file of " + end + " bytes is larger than this writer writes ("
                    + MAX_BYTES + ")");
        }
        AtomicFiles.write(target, out -> {
            out.write(superblock(end, addresses.get(root)));
            for (Placed p : order) {
                out.write(header(p, addresses));
                if (p.node() instanceof Dataset d) {
                    writeValues(out, d.values());
                }
            }
        });
    }

    /** Assigns addresses depth first from {@code at}; returns the end of the file. */
    private static long place(Object node, long at, List<Placed> order, Map<Object, Long> addresses) {
        int size = headerSize(node);
        order.add(new Placed(node, at, size));
        addresses.put(node, at);
        long next = at + size;
        if (node instanceof Dataset d) {
            return next + 8L * d.values().length;
        }
        for (Object child : ((Group) node).children().values()) {
            next = place(child, next, order, addresses);
        }
        return next;
    }

    private static int headerSize(Object node) {
        return HEADER_PREFIX + messagesSize(node) + CHECKSUM;
    }

    private static int messagesSize(Object node) {
        if (node instanceof Dataset d) {
            return 4 * MESSAGE_PREFIX + dataspaceSize(d) + DATATYPE_SIZE + FILL_VALUE_SIZE + LAYOUT_SIZE;
        }
        int size = 2 * MESSAGE_PREFIX + LINK_INFO_SIZE + GROUP_INFO_SIZE;
        for (String name : ((Group) node).children().keySet()) {
            size += MESSAGE_PREFIX + linkSize(name);
        }
        if (!((Group) node).attributes.isEmpty()) {
            size += MESSAGE_PREFIX + ATTRIBUTE_INFO_SIZE;
        }
        for (Attribute a : ((Group) node).attributes.values()) {
            size += MESSAGE_PREFIX + a.size();
        }
        return size;
    }

    private static int dataspaceSize(Dataset d) {
        return 4 + 8 * d.shape().length;
    }

    private static int linkSize(String name) {
        return 3 + name.length() + 8;  // version, flags, name length (1 byte), name, address
    }

    private static byte[] superblock(long end, long root) {
        ByteBuffer b = ByteBuffer.allocate(SUPERBLOCK_SIZE).order(ByteOrder.LITTLE_ENDIAN);
        b.put(SIGNATURE);
        b.put((byte) 2);   // superblock version
        b.put((byte) 8);   // size of offsets
        b.put((byte) 8);   // size of lengths
        b.put((byte) 0);   // file consistency flags
        b.putLong(0);      // base address
        b.putLong(UNDEFINED);  // superblock extension address
        b.putLong(end);    // end of file address
        b.putLong(root);   // root group object header address
        b.putInt(JenkinsLookup3HashLittle.hash(java.util.Arrays.copyOf(b.array(), SUPERBLOCK_SIZE - CHECKSUM)));
        return b.array();
    }

    private static byte[] header(Placed p, Map<Object, Long> addresses) {
        ByteBuffer b = ByteBuffer.allocate(p.headerSize()).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {'O', 'H', 'D', 'R'});
        b.put((byte) 2);  // object header version
        b.put((byte) 2);  // flags: the size of chunk 0 takes 4 bytes; no times, no attribute phase change values
        b.putInt(messagesSize(p.node()));
        if (p.node() instanceof Dataset d) {
            message(b, DATASPACE, dataspaceSize(d), 0);
            b.put((byte) 2).put((byte) d.shape().length).put((byte) 0).put((byte) 1);  // version 2, rank, simple
            for (int dim : d.shape()) {
                b.putLong(dim);
            }
            message(b, DATATYPE, DATATYPE_SIZE, 1);  // constant
            b.put((byte) 0x11);  // version 1, class 1: floating point
            b.put((byte) 0x20).put((byte) 63).put((byte) 0);  // little-endian, implied msb, sign bit 63
            b.putInt(8);  // size in bytes
            b.putShort((short) 0).putShort((short) 64);  // bit offset, precision
            b.put((byte) 52).put((byte) 11).put((byte) 0).put((byte) 52);  // exponent at 52, 11 bits; mantissa 0, 52
            b.putInt(1023);  // exponent bias
            message(b, FILL_VALUE, FILL_VALUE_SIZE, 1);  // constant
            b.put((byte) 3).put((byte) 0x0A);  // version 3; allocated late, written if set, none defined
            message(b, LAYOUT, LAYOUT_SIZE, 0);
            b.put((byte) 3).put((byte) 1);  // version 3, contiguous
            b.putLong(p.address() + p.headerSize()).putLong(8L * d.values().length);
        } else {
            message(b, LINK_INFO, LINK_INFO_SIZE, 0);
            b.put((byte) 0).put((byte) 0);  // version 0, no creation order
            b.putLong(UNDEFINED).putLong(UNDEFINED);  // no fractal heap, no name index: the links are messages
            message(b, GROUP_INFO, GROUP_INFO_SIZE, 0);
            b.put((byte) 0).put((byte) 0);  // version 0, default phase change and estimates
            for (Map.Entry<String, Object> c : ((Group) p.node()).children().entrySet()) {
                String name = c.getKey();
                message(b, LINK, linkSize(name), 0);
                b.put((byte) 1).put((byte) 0);  // version 1; flags: 1-byte name length, hard link, ASCII
                b.put((byte) name.length()).put(name.getBytes(StandardCharsets.US_ASCII));
                b.putLong(addresses.get(c.getValue()));
            }
            if (!((Group) p.node()).attributes.isEmpty()) {  // libhdf5 counts a version 2 header's attributes
                message(b, ATTRIBUTE_INFO, ATTRIBUTE_INFO_SIZE, 0);  // from here (without it, as none)
                b.put((byte) 0).put((byte) 0);  // version 0, no creation order
                b.putLong(UNDEFINED).putLong(UNDEFINED);  // compact: no fractal heap, no name index
            }
            for (Attribute a : ((Group) p.node()).attributes.values()) {
                attribute(b, a);
            }
        }
        b.putInt(JenkinsLookup3HashLittle.hash(java.util.Arrays.copyOf(b.array(), p.headerSize() - CHECKSUM)));
        if (b.hasRemaining()) {
            throw new IllegalStateException("object header size miscounted by " + b.remaining());
        }
        return b.array();
    }

    private static void attribute(ByteBuffer b, Attribute a) {
        message(b, ATTRIBUTE, a.size(), 0);
        b.put((byte) 3).put((byte) 0);  // version 3, flags: datatype and dataspace not shared
        b.putShort((short) (a.name().length() + 1)).putShort((short) 8).putShort((short) (a.scalar() ? 4 : 12));
        b.put((byte) 0).put(a.name().getBytes(StandardCharsets.US_ASCII)).put((byte) 0);  // ASCII name, null-ended
        b.put((byte) 0x13);  // datatype version 1, class 3: string
        b.put((byte) (a.ascii() ? 0x01 : 0x11)).put((byte) 0).put((byte) 0);  // null-padded; ASCII or UTF-8
        b.putInt(a.width());
        if (a.scalar()) {
            b.put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);  // dataspace version 2, rank 0, scalar
        } else {
            b.put((byte) 2).put((byte) 1).put((byte) 0).put((byte) 1).putLong(a.values().size());  // rank 1, simple
        }
        for (String v : a.values()) {
            byte[] bytes = v.getBytes(StandardCharsets.UTF_8);
            b.put(bytes).put(new byte[a.width() - bytes.length]);
        }
    }

    private static void message(ByteBuffer b, int type, int size, int flags) {
        b.put((byte) type).putShort((short) size).put((byte) flags);
    }

    private static void writeValues(OutputStream out, double[] values) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(8 * 4096).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : values) {
            if (!b.hasRemaining()) {
                out.write(b.array(), 0, b.position());
                b.clear();
            }
            b.putDouble(v);
        }
        out.write(b.array(), 0, b.position());
    }
}
