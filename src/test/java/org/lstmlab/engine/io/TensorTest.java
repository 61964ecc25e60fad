package org.lstmlab.engine.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class TensorTest {
    @Test
    void factoriesCheckThatShapeAndDataAgree() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Tensor.f64("input", new int[] {2, 3}, new double[5]));
        assertEquals("tensor 'input': shape [2, 3] needs 6 values, got 5", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Tensor.i64("y", new int[] {2}, new long[3]));
        assertThrows(IllegalArgumentException.class, () -> Tensor.f64("x", new int[] {-1}, new double[0]));
        assertThrows(IllegalArgumentException.class, () -> Tensor.f64("x", new int[] {65536, 65536}, new double[0]));
        assertThrows(IllegalArgumentException.class, () -> Tensor.ofDoubles("x", DType.I64, new int[] {1},
                new double[1]));
        assertThrows(IllegalArgumentException.class, () -> Tensor.ofLongs("x", DType.F64, new int[] {1},
                new long[1]));
        assertThrows(IllegalArgumentException.class, () -> new Tensor("x", DType.F64, new int[] {1}, null,
                new long[1]));
    }

    @Test
    void integerValuesMustFitTheirType() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Tensor.ofLongs("b", DType.I8, new int[] {2}, new long[] {1, 128}));
        assertEquals("tensor 'b': value 128 at flat index 1 does not fit in I8", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Tensor.ofLongs("u", DType.U8, new int[] {1},
                new long[] {-1}));
        assertThrows(IllegalArgumentException.class, () -> Tensor.ofLongs("m", DType.BOOL, new int[] {1},
                new long[] {2}));
        Tensor.ofLongs("ok", DType.I32, new int[] {2}, new long[] {Integer.MIN_VALUE, Integer.MAX_VALUE});
    }

    @Test
    void scalarsAndEmptyTensors() {
        Tensor s = Tensor.f64("loss", new int[] {}, new double[] {0.5});
        assertEquals(1, s.numel());
        assertEquals(0, s.rank());
        assertEquals(0.5, s.item());
        Tensor e = Tensor.f64("e", new int[] {2, 0, 3}, new double[0]);
        assertEquals(0, e.numel());
        assertThrows(IllegalStateException.class, e::item);
        // a 0 anywhere makes the tensor empty, even next to dimensions whose product would not fit
        assertEquals(0, Tensor.f64("z", new int[] {1 << 30, 0, 1 << 30}, new double[0]).numel());
    }

    @Test
    void floatTypesAreRoundedAtConstruction() {
        Tensor f = Tensor.f32("f", new int[] {2}, new double[] {0.1, 1e300});
        assertEquals((double) 0.1f, f.doubles()[0]);
        assertEquals(Double.POSITIVE_INFINITY, f.doubles()[1]);
        Tensor h = Tensor.ofDoubles("h", DType.F16, new int[] {1}, new double[] {0.1});
        assertEquals(0.0999755859375, h.item());
    }

    @Test
    void accessorsCopyAndConvert() {
        double[] data = {1, 2};
        int[] shape = {2};
        Tensor t = Tensor.f64("t", shape, data);
        data[0] = 99;
        shape[0] = 5;
        assertEquals(1.0, t.doubles()[0], "the factory copied the data");
        assertArrayEquals(new int[] {2}, t.shape(), "and the shape");
        t.doubles()[1] = 42;
        t.shape()[0] = 7;
        assertEquals(2.0, t.doubleAt(1));
        assertArrayEquals(new int[] {2}, t.shape());
        assertNull(t.intData());
        assertThrows(IllegalStateException.class, t::longs);
        assertThrows(IllegalStateException.class, () -> t.longAt(0));

        Tensor y = Tensor.i64("y", new int[] {3}, new long[] {3, -1, 0});
        assertArrayEquals(new double[] {3, -1, 0}, y.doubles());
        assertArrayEquals(new long[] {3, -1, 0}, y.longs());
        assertEquals(-1, y.longAt(1));
    }

    @Test
    void equalityIsByContent() {
        Tensor a = Tensor.f64("a", new int[] {2}, new double[] {1, Double.NaN});
        assertEquals(a, Tensor.f64("a", new int[] {2}, new double[] {1, Double.NaN}));
        assertEquals(a.hashCode(), Tensor.f64("a", new int[] {2}, new double[] {1, Double.NaN}).hashCode());
        assertNotEquals(a, Tensor.f64("a", new int[] {1, 2}, new double[] {1, Double.NaN}));
        assertNotEquals(a, Tensor.f32("a", new int[] {2}, new double[] {1, Double.NaN}));
        assertNotEquals(Tensor.f64("z", new int[] {1}, new double[] {0.0}),
                Tensor.f64("z", new int[] {1}, new double[] {-0.0}));
        assertTrue(a.toString().contains("a F64 [2]"));
    }

    @Test
    void dtypeNamesAndSizes() {
        assertEquals(Optional.of(DType.BF16), DType.fromHeaderName("BF16"));
        assertEquals(Optional.empty(), DType.fromHeaderName("bf16"));
        assertEquals(Optional.empty(), DType.fromHeaderName("U64"));
        assertEquals(8, DType.F64.byteSize());
        assertEquals(2, DType.F16.byteSize());
        assertEquals(1, DType.BOOL.byteSize());
        assertTrue(DType.BF16.isFloating());
        assertTrue(!DType.BOOL.isFloating());
        assertEquals("F64, F32, F16, BF16, I64, I32, I16, I8, U8, BOOL", DType.supportedList());
    }
}
