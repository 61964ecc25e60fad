package org.lstmlab.engine.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmlab.engine.io.ModelFileException;

/**
 * Hostile pickles on each path the PyTorch 2.x reading added (the opcodes of protocol 4, _rebuild_tensor_v3 and its
 * untyped storages, _rebuild_from_type_v2, _rebuild_parameter_with_state, quantized tensors): each length is checked
 * against what is left of the pickle before anything is read or allocated, each argument's type before it is used,
 * and every one ends in a typed error naming the file, quickly. Nothing the file names is run or imported.
 */
class Torch2HostileInputTest {
    private static final String[] LSTM = {"rnn.weight_ih_l0", "rnn.weight_hh_l0", "rnn.bias_ih_l0", "rnn.bias_hh_l0"};
    @TempDir Path dir;

    /** A pickle written opcode by opcode. */
    private static final class Pkl {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Pkl() {
            op(0x80, 2);
        }

        Pkl op(int... ops) {
            for (int o : ops) {
                out.write(o);
            }
            return this;
        }

        Pkl str(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            op('X').le(b.length, 4);
            out.writeBytes(b);
            return this;
        }

        Pkl le(long v, int n) {
            for (int i = 0; i < n; i++) {
                out.write((int) (v >>> (8 * i)) & 0xff);
            }
            return this;
        }

        Pkl global(String module, String name) {
            out.writeBytes(('c' + module + '\n' + name + '\n').getBytes(StandardCharsets.UTF_8));
            return this;
        }

        Pkl ints(int... v) {
            op('(');
            for (int i : v) {
                op('K', i);
            }
            return op('t');
        }

        /** {@code _rebuild_tensor_v3} of a float32 (4, 1) or (4) view of the untyped storage 0 of {@code bytes}. */
        Pkl tensorV3(int rank, int bytes, Runnable dtype) {
            global("torch._utils", "_rebuild_tensor_v3").op('(');
            op('(').str("storage").global("torch", "UntypedStorage").str("0").str("cpu").op('K', bytes, 't', 'Q');
            op('K', 0);
            if (rank == 2) {
                ints(4, 1).ints(1, 1);
            } else {
                ints(4).ints(1);
            }
            op(0x89, '}');
            dtype.run();
            return op('t', 'R');
        }

        /** A state_dict of nn.LSTM(1, 1) whose four tensors view storage 0 through {@code _rebuild_tensor_v3}. */
        Pkl lstm(int bytes) {
            op('}', '(');
            for (String n : LSTM) {
                str(n).tensorV3(n.contains("weight") ? 2 : 1, bytes, () -> global("torch", "float32"));
            }
            return op('u', '.');
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }

    private Path file(String name, byte[] pkl, byte[] data) throws IOException {
        return ImportFiles.zip(dir.resolve(name + ".pt"), "archive/data.pkl", pkl, "archive/data/0", data,
                "archive/.format_version", "1".getBytes(), "archive/.data/serialization_id", "0".repeat(40).getBytes());
    }

    private static String refused(Path f, String cause) {
        ModelFileException e = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertThrows(ModelFileException.class, () -> ImportFiles.load(f)));
        assertTrue(e.getMessage().contains(f.getFileName().toString()), e.getMessage());
        assertTrue(e.getMessage().contains(cause), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        return e.getMessage();
    }

    /** The control: the same file, whole, opens; each case below breaks one thing of it. */
    @Test
    void aStateDictOfUntypedStoragesOpens() throws IOException {
        ImportedModel m = ImportFiles.load(file("ok", new Pkl().lstm(16).bytes(), new byte[16]));
        assertEquals(1, m.model().spec().hiddenSize());
    }

    @Test
    void anUntypedStorageShorterThanItsTensorsIsAViewPastItsEnd() throws IOException {
        refused(file("short", new Pkl().lstm(8).bytes(), new byte[8]), "is a view that does not lie in order");
    }

    @Test
    void aDtypeThatIsNoGlobalIsADamagedPickle() throws IOException {
        Pkl p = new Pkl().op('}').str(LSTM[0]);
        p.tensorV3(2, 16, () -> p.str("float32")).op('s', '.');
        refused(file("dtype", p.bytes(), new byte[16]), "data.pkl");
    }

    @Test
    void aDtypeOfAnotherModuleIsNotRead() throws IOException {
        Pkl p = new Pkl().op('}').str(LSTM[0]);
        p.tensorV3(2, 16, () -> p.global("numpy", "float32")).op('s', '.');
        refused(file("numpy", p.bytes(), new byte[16]), "tensor 'rnn.weight_ih_l0' is float32, a dtype LSTM Lab");
    }

    @Test
    void stringsAndIntegersLongerThanThePickleAreRefusedBeforeAllocating() throws IOException {
        byte[][] cases = {
            new Pkl().op(0x8d).le(1L << 62, 8).op('.').bytes(),           // BINUNICODE8 of 2^62 bytes
            new Pkl().op(0x8e).le(-1L, 8).op('.').bytes(),                // BINBYTES8 of -1 bytes
            new Pkl().op(0x8b).le(Integer.MAX_VALUE, 4).op('.').bytes(),  // LONG4 of 2^31 - 1 bytes
            new Pkl().op(0x8b).le(-5, 4).op('.').bytes(),                 // LONG4 of -5 bytes
        };
        for (int i = 0; i < cases.length; i++) {
            refused(file("long" + i, cases[i], new byte[0]), "breaks off or cannot be read");
        }
    }

    @Test
    void setOpcodesOnAnythingButASetOrWithoutAMarkAreADamagedPickle() throws IOException {
        byte[][] cases = {
            new Pkl().op('}', '(').str("a").op(0x90, '.').bytes(),        // ADDITEMS to a dict
            new Pkl().op(0x8f).str("a").op(0x90, '.').bytes(),            // ADDITEMS with no MARK
            new Pkl().str("a").op(0x91, '.').bytes(),                     // FROZENSET with no MARK
            new Pkl().str("not a class").op(')', '}', 0x92, '.').bytes(), // NEWOBJ_EX of a string
        };
        for (int i = 0; i < cases.length; i++) {
            refused(file("set" + i, cases[i], new byte[0]), "breaks off or cannot be read");
        }
    }

    @Test
    void aSetIsNamedAsOne() throws IOException {
        byte[] pkl = new Pkl().op(0x8f, '(').str("a").op(0x90, '.').bytes();
        refused(file("set", pkl, new byte[0]), "holds a set, not a state_dict");
    }

    @Test
    void rebuildFromTypeWithinItselfOrWithoutItsArgumentsIsADamagedPickle() throws IOException {
        Pkl nested = new Pkl().op('}').str(LSTM[0]).global("torch._tensor", "_rebuild_from_type_v2").op('(')
                .global("torch._tensor", "_rebuild_from_type_v2").global("torch._tensor", "Tensor").op(')', '}', 't',
                        'R', 's', '.');
        refused(file("nested", nested.bytes(), new byte[0]), "data.pkl");
        Pkl bare = new Pkl().op('}').str(LSTM[0]).global("torch._tensor", "_rebuild_from_type_v2").op(')', 'R',
                's', '.');
        refused(file("bare", bare.bytes(), new byte[0]), "data.pkl");
        Pkl parameter = new Pkl().op('}').str(LSTM[0]).global("torch._utils", "_rebuild_parameter_with_state")
                .op(')', 'R', 's', '.');
        refused(file("parameter", parameter.bytes(), new byte[0]), "data.pkl");
    }

    @Test
    void aQuantizedTensorWithoutAStorageIsADamagedPickle() throws IOException {
        Pkl p = new Pkl().op('}').str(LSTM[0]).global("torch._utils", "_rebuild_qtensor").op('(').str("storage")
                .op('t', 'R', 's', '.');
        refused(file("qtensor", p.bytes(), new byte[0]), "data.pkl");
    }

    @Test
    void anUntypedStorageUnderRebuildTensorV2IsNotRead() throws IOException {
        Pkl p = new Pkl().op('}').str(LSTM[0]).global("torch._utils", "_rebuild_tensor_v2").op('(');
        p.op('(').str("storage").global("torch", "UntypedStorage").str("0").str("cpu").op('K', 16, 't', 'Q');
        p.op('K', 0).ints(4, 1).ints(1, 1).op(0x89, '}', 't', 'R', 's', '.');
        refused(file("untyped", p.bytes(), new byte[16]), "tensor 'rnn.weight_ih_l0' is stored as UntypedStorage");
    }

    /** A pickle that names a function to run it (os.system) gets a model read or refused, never the function run. */
    @Test
    void nothingTheFileNamesIsRun() throws IOException {
        Path marker = dir.resolve("ran");
        Pkl p = new Pkl().op('}', '(').str("model").global("posix", "system").op('(').str("touch " + marker)
                .op('t', 'R').str("epoch").op('K', 1, 'u', '.');
        refused(file("system", p.bytes(), new byte[0]), "holds a whole model (class posix.system)");
        assertFalse(Files.exists(marker));
    }
}
