package org.lstmlab.engine.io;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import org.lstmlab.engine.io.SafeTensorsException.Kind;

/**
 * The contents of a safetensors file: its tensors sorted by name, and its {@code __metadata__} strings in file
 * order. Look-ups that fail throw a {@link SafeTensorsException} naming the file, so a caller that loads a golden
 * case or a model gets "lstm.safetensors: no tensor 'weight_hh_l1'" rather than a {@code NullPointerException}.
 *
 * @param source   the file name (or label) used in messages
 * @param tensors  the tensors by name, sorted by name, unmodifiable
 * @param metadata the header's {@code __metadata__}, unmodifiable, empty if the file had none
 */
public record SafeTensorsFile(String source, SortedMap<String, Tensor> tensors, Map<String, String> metadata) {

    public SafeTensorsFile(String source, Map<String, Tensor> tensors, Map<String, String> metadata) {
        this(source, new TreeMap<>(tensors), metadata);
    }

    public SafeTensorsFile {
        Objects.requireNonNull(source, "source");
        TreeMap<String, Tensor> byName = new TreeMap<>(); // natural order, whatever order the argument had
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            Tensor t = Objects.requireNonNull(e.getValue(), () -> "tensor '" + e.getKey() + "'");
            if (!t.name().equals(e.getKey())) {
                throw new IllegalArgumentException("map key '" + e.getKey() + "' holds tensor '" + t.name() + "'");
            }
            byName.put(e.getKey(), t);
        }
        Map<String, String> meta = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : metadata.entrySet()) {
            meta.put(Objects.requireNonNull(e.getKey()), Objects.requireNonNull(e.getValue(), e.getKey()));
        }
        tensors = Collections.unmodifiableSortedMap(byName);
        metadata = Collections.unmodifiableMap(meta);
    }

    /** Its header as a {@link SafeTensorsIndex}: names, dtypes and shapes, and the metadata. */
    public SafeTensorsIndex index() {
        SortedMap<String, TensorInfo> infos = new TreeMap<>();
        for (Tensor t : tensors.values()) {
            infos.put(t.name(), new TensorInfo(t.name(), t.dtype(), t.shape()));
        }
        return new SafeTensorsIndex(source, infos, metadata);
    }

    public boolean has(String name) {
        return tensors.containsKey(name);
    }

    /** The tensor called {@code name}; a {@link Kind#MISSING_TENSOR} error naming the file if there is none. */
    public Tensor tensor(String name) throws SafeTensorsException {
        Tensor t = tensors.get(name);
        if (t == null) {
            throw SafeTensorsIndex.missing(source, name, tensors.keySet());
        }
        return t;
    }

    /**
     * The tensor called {@code name}, which must have {@code shape}; a dimension given as {@code -1} may have
     * any size. A different shape is a {@link Kind#WRONG_SHAPE} error saying expected and actual.
     */
    public Tensor require(String name, int... shape) throws SafeTensorsException {
        Tensor t = tensor(name);
        SafeTensorsIndex.checkShape(source, name, t.shape(), shape);
        return t;
    }

    /** As {@link #require(String, int...)}, and the tensor must also be of {@code dtype}. */
    public Tensor require(String name, DType dtype, int... shape) throws SafeTensorsException {
        Tensor t = require(name, shape);
        if (t.dtype() != dtype) {
            throw new SafeTensorsException(Kind.WRONG_SHAPE, source, "tensor '" + name + "' is " + t.dtype()
                    + ", expected " + dtype);
        }
        return t;
    }

    /** A {@code __metadata__} value, if present. */
    public Optional<String> meta(String key) {
        return Optional.ofNullable(metadata.get(key));
    }

    /** A {@code __metadata__} value that must be present; a {@link Kind#INVALID_METADATA} error if it is not. */
    public String requireMeta(String key) throws SafeTensorsException {
        return SafeTensorsIndex.requireMeta(source, metadata, key);
    }
}
