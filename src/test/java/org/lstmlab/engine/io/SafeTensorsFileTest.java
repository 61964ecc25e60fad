package org.lstmlab.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.lstmlab.engine.io.SafeTensorsException.Kind;

/** Look-ups on a loaded file fail with messages that name the file, the tensor, and expected versus actual. */
class SafeTensorsFileTest {
    private static SafeTensorsFile sample() {
        Map<String, Tensor> ts = new LinkedHashMap<>();
        ts.put("weight_ih_l0", Tensor.f64("weight_ih_l0", new int[] {16, 3}, new double[48]));
        ts.put("expected.grad.weight_ih_l0", Tensor.f64("expected.grad.weight_ih_l0", new int[] {16, 3},
                new double[48]));
        ts.put("input", Tensor.f64("input", new int[] {2, 5, 3}, new double[30]));
        return new SafeTensorsFile("lstm.safetensors", ts, Map.of("cell", "lstm"));
    }

    @Test
    void tensorsAreSortedByNameAndUnmodifiable() {
        SafeTensorsFile f = sample();
        assertEquals(List.of("expected.grad.weight_ih_l0", "input", "weight_ih_l0"), List.copyOf(f.tensors().keySet()));
        assertThrows(UnsupportedOperationException.class, () -> f.tensors().remove("input"));
        assertThrows(UnsupportedOperationException.class, () -> f.metadata().put("x", "y"));
        TreeMap<String, Tensor> reversed = new TreeMap<>(Comparator.reverseOrder());
        reversed.putAll(f.tensors());
        assertEquals(List.copyOf(f.tensors().keySet()),
                List.copyOf(new SafeTensorsFile("x", reversed, Map.of()).tensors().keySet()), "always by name");
        assertThrows(IllegalArgumentException.class, () -> new SafeTensorsFile("x",
                Map.of("a", Tensor.f64("b", new int[] {}, new double[] {1})), Map.of()));
    }

    @Test
    void aMissingTensorNamesTheFileAndTheTensor() throws SafeTensorsException {
        SafeTensorsFile f = sample();
        assertSame(f.tensors().get("input"), f.tensor("input"));
        SafeTensorsException e = assertThrows(SafeTensorsException.class, () -> f.tensor("weight_hh_l0"));
        assertEquals(Kind.MISSING_TENSOR, e.kind());
        assertEquals("lstm.safetensors", e.source());
        assertTrue(e.getMessage().startsWith("lstm.safetensors: no tensor 'weight_hh_l0' (the file has 3 tensors"),
                e.getMessage());
        SafeTensorsException typo = assertThrows(SafeTensorsException.class, () -> f.tensor("grad.weight_ih_l0"));
        assertTrue(typo.getMessage().contains("similar: 'expected.grad.weight_ih_l0'"), typo.getMessage());
        assertTrue(f.has("input"));
        assertTrue(!f.has("nope"));
    }

    @Test
    void requireChecksShapeAndDtype() throws SafeTensorsException {
        SafeTensorsFile f = sample();
        assertEquals(30, f.require("input", 2, 5, 3).numel());
        assertEquals(30, f.require("input", -1, 5, -1).numel(), "-1 matches any size");
        SafeTensorsException e = assertThrows(SafeTensorsException.class, () -> f.require("input", 2, 5, 4));
        assertEquals(Kind.WRONG_SHAPE, e.kind());
        assertEquals("lstm.safetensors: tensor 'input' has shape [2, 5, 3], expected [2, 5, 4]", e.getMessage());
        SafeTensorsException rank = assertThrows(SafeTensorsException.class, () -> f.require("input", -1, 15));
        assertEquals("lstm.safetensors: tensor 'input' has shape [2, 5, 3], expected [*, 15]", rank.getMessage());
        SafeTensorsException dt = assertThrows(SafeTensorsException.class,
                () -> f.require("input", DType.I64, 2, 5, 3));
        assertEquals("lstm.safetensors: tensor 'input' is F64, expected I64", dt.getMessage());
        assertEquals(Kind.MISSING_TENSOR, assertThrows(SafeTensorsException.class, () -> f.require("x", 1)).kind());
    }

    @Test
    void metadataLookups() throws SafeTensorsException {
        SafeTensorsFile f = sample();
        assertEquals("lstm", f.requireMeta("cell"));
        assertEquals(Optional.empty(), f.meta("hidden_size"));
        SafeTensorsException e = assertThrows(SafeTensorsException.class, () -> f.requireMeta("hidden_size"));
        assertEquals(Kind.INVALID_METADATA, e.kind());
        assertEquals("lstm.safetensors: __metadata__ has no 'hidden_size'", e.getMessage());
    }
}
