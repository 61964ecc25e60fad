package org.lstmlab.engine.io;

import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import org.lstmlab.engine.io.SafeTensorsException.Kind;

/**
 * A safetensors file's validated header without its data: the tensors' names, dtypes and shapes, and the
 * metadata. {@link SafeTensors#read(java.nio.file.Path, SafeTensors.HeaderCheck)} hands it to the caller before any
 * tensor data is read, so that a file whose metadata or shapes are wrong is refused after reading its header only.
 * Look-ups fail with the same messages as {@link SafeTensorsFile}'s.
 *
 * @param source   the file name used in messages
 * @param tensors  what the header says about each tensor, by name
 * @param metadata the header's {@code __metadata__}
 */
public record SafeTensorsIndex(String source, SortedMap<String, TensorInfo> tensors, Map<String, String> metadata) {
    public SafeTensorsIndex {
        tensors = Collections.unmodifiableSortedMap(new TreeMap<>(tensors));
        metadata = Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metadata));
    }

    public boolean has(String name) {
        return tensors.containsKey(name);
    }

    public Optional<TensorInfo> find(String name) {
        return Optional.ofNullable(tensors.get(name));
    }

    /** The tensor called {@code name}; a {@link Kind#MISSING_TENSOR} error naming the file if there is none. */
    public TensorInfo tensor(String name) throws SafeTensorsException {
        TensorInfo t = tensors.get(name);
        if (t == null) {
            throw missing(source, name, tensors.keySet());
        }
        return t;
    }

    /** The tensor called {@code name} with {@code shape} (-1: any size); {@link Kind#WRONG_SHAPE} otherwise. */
    public TensorInfo require(String name, int... shape) throws SafeTensorsException {
        TensorInfo t = tensor(name);
        checkShape(source, name, t.shape(), shape);
        return t;
    }

    /** A {@code __metadata__} value, if present. */
    public Optional<String> meta(String key) {
        return Optional.ofNullable(metadata.get(key));
    }

    /** A {@code __metadata__} value that must be present; a {@link Kind#INVALID_METADATA} error if it is not. */
    public String requireMeta(String key) throws SafeTensorsException {
        return requireMeta(source, metadata, key);
    }

    static String requireMeta(String source, Map<String, String> metadata, String key) throws SafeTensorsException {
        String v = metadata.get(key);
        if (v == null) {
            throw new SafeTensorsException(Kind.INVALID_METADATA, source, "__metadata__ has no '" + key + "'");
        }
        return v;
    }

    /** The memory the values of the tensors {@code wanted} accepts take once read, in bytes. */
    public long memoryBytes(java.util.function.Predicate<String> wanted) {
        long sum = 0;
        for (TensorInfo t : tensors.values()) {
            if (wanted.test(t.name())) {
                sum += t.memoryBytes() + 64; // each < 2^34 bytes, at most 10^5 tensors: no overflow
            }
        }
        return sum;
    }

    static SafeTensorsException missing(String source, String name, java.util.Set<String> names) {
        return new SafeTensorsException(Kind.MISSING_TENSOR, source, "no tensor '" + name + "' (the file has "
                + names.size() + " tensors" + nearby(name, names) + ")");
    }

    static void checkShape(String source, String name, int[] actual, int[] shape) throws SafeTensorsException {
        boolean ok = actual.length == shape.length;
        for (int i = 0; ok && i < shape.length; i++) {
            ok = shape[i] < 0 || shape[i] == actual[i];
        }
        if (!ok) {
            throw new SafeTensorsException(Kind.WRONG_SHAPE, source, "tensor '" + name + "' has shape "
                    + Arrays.toString(actual) + ", expected " + Arrays.toString(shape).replace("-1", "*"));
        }
    }

    /** ", e.g. 'a', 'b'" listing names that share a prefix or suffix with {@code name}, to help spot typos. */
    private static String nearby(String name, java.util.Set<String> names) {
        String tail = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : name;
        StringBuilder sb = new StringBuilder();
        int shown = 0;
        for (String k : names) {
            if (shown < 3 && (k.endsWith(tail) || k.startsWith(name))) {
                sb.append(shown == 0 ? "; similar: '" : ", '").append(k).append('\'');
                shown++;
            }
        }
        return sb.toString();
    }
}
