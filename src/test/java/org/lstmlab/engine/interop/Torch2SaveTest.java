package org.lstmlab.engine.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lstmlab.engine.io.ModelFileException;
import org.lstmlab.engine.text.Message;

/**
 * Files laid out as torch.save of PyTorch 2.x writes them (src/test/resources/interop/make_torch2_save_fixtures.py,
 * which says which release's layout each copies and from which PyTorch source) open and predict what PyTorch
 * computed from the same weights (TorchSaveTest checks the predictions): the records 2.x adds, the folder
 * 'archive/', storages in either order, the rebuild functions of 2.x, 2.x module dicts, pickle protocol 4, float16
 * and bfloat16 weights. What such a file can hold that LSTM Lab cannot run is refused with its own message.
 */
class Torch2SaveTest {
    static final Path DIR = TorchImportTest.DIR;

    /** The fixtures hold what 2.x writes beyond 1.13: else this test would pass on files 1.13 wrote. */
    @ParameterizedTest
    @CsvSource({
        "torch2_state_dict, torch2_state_dict/, byteorder data/0 data/1 data/10",
        "torch2_archive, archive/, .format_version .storage_alignment byteorder data/0 data/1 data/2",
    })
    void theFixturesAreLaidOutAsPyTorch2LaysThemOut(String name, String folder, String records) throws IOException {
        try (ZipFile zip = new ZipFile(DIR.resolve(name + ".pt").toFile())) {
            List<String> names = new ArrayList<>();
            zip.stream().forEach(e -> names.add(e.getName()));
            List<String> want = new ArrayList<>(List.of(folder + "data.pkl"));
            for (String r : records.split(" ")) {
                want.add(folder + r);
            }
            assertEquals(want, names.subList(0, want.size()));
            assertEquals(List.of(folder + "version", folder + ".data/serialization_id"),
                    names.subList(names.size() - 2, names.size()));
            byte[] pkl = zip.getInputStream(zip.getEntry(folder + "data.pkl")).readAllBytes();
            String text = new String(pkl, java.nio.charset.StandardCharsets.ISO_8859_1);
            assertTrue(text.contains("_rebuild_tensor_v2") && text.contains("_metadata"), text);
            for (ZipEntry e : zip.stream().toList()) {
                assertEquals(ZipEntry.STORED, e.getMethod(), e.getName());
            }
        }
    }

    @Test
    void twoXRebuildFunctionsAndModuleDictsAreInTheFixtures() throws IOException {
        assertTrue(pickle("torch2_archive", "archive/").contains("_rebuild_from_type_v2"));
        String whole = pickle("torch2_whole_model", "torch2_whole_model/");
        assertTrue(whole.contains("_rebuild_parameter_with_state"), whole);
        assertTrue(whole.contains("_forward_hooks_with_kwargs") && whole.contains("_non_persistent_buffers_set"));
    }

    /** Weights stored in 16 bits are read exactly, and a note says the model runs in float64. */
    @ParameterizedTest
    @CsvSource({"torch2_half, float16", "torch2_bf16, bfloat16"})
    void halfPrecisionWeightsAreReadAsFloat64WithANote(String name, String dtype) throws IOException {
        ImportedModel m = ModelImport.load(DIR.resolve(name + ".pt"), ImportOptions.NONE);
        Message note = m.notes().get(0);
        assertEquals("engine.note.torch.halfPrecision", note.key());
        assertTrue(note.english().startsWith("the weights are stored in " + dtype + " (16 bits each)"),
                note.english());
        assertTrue(note.in(ResourceBundle.getBundle(Message.BUNDLE, Locale.SIMPLIFIED_CHINESE))
                .startsWith("权重以 " + dtype + " 存储"));
    }

    /** What a 2.x file can hold that LSTM Lab cannot run: said as what it is, why and what to do, in both languages. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "torch2_mlp_head | engine.torch.stackedHead | a head of 2 nn.Linear layers ('head.0.weight' [6, 4],"
            + " 'head.2.weight' [2, 6]) | train it with one nn.Linear(H, O) | 2 个 nn.Linear 组成的输出层",
        "torch2_quantized | engine.torch.quantized | tensor 'head.weight' is quantized (QInt8Storage)"
            + " | v.dequantize() | 张量“head.weight”是量化张量",
        "torch2_sparse | engine.torch.sparse | tensor 'head.weight' is a sparse tensor (torch.sparse_coo)"
            + " | v.to_dense() | 张量“head.weight”是稀疏张量",
        "torch2_float8 | engine.torch.dtype | tensor 'head.weight' is float8_e4m3fn, a dtype LSTM Lab does not"
            + " read | v.float() | 数据类型是 float8_e4m3fn",
    })
    void whatLstmLabCannotRunIsRefusedSayingWhatItIsAndWhatToDo(String name, String key, String what, String todo,
            String zh) {
        ModelFileException e = assertThrows(ModelFileException.class,
                () -> ModelImport.load(DIR.resolve(name + ".pt"), ImportOptions.NONE));
        assertEquals(key, ((Message) e.userMessage().args().get(1)).key());
        assertTrue(e.getMessage().contains(what), e.getMessage());
        assertTrue(e.getMessage().contains(todo), e.getMessage());
        assertTrue(e.userMessage().in(ResourceBundle.getBundle(Message.BUNDLE, Locale.SIMPLIFIED_CHINESE)).contains(zh),
                e.userMessage().in(ResourceBundle.getBundle(Message.BUNDLE, Locale.SIMPLIFIED_CHINESE)));
    }

    /**
     * A program torch.export.save wrote (.pt2), in the layout of 2.3 to 2.7 and in the PT2 archive of 2.8 on, is
     * refused saying what it is, why LSTM Lab does not run it and how to save its state_dict, in both languages.
     */
    @ParameterizedTest
    @CsvSource({"torch_export_legacy, serialized_exported_program.json", "torch_export, torch_export/archive_format"})
    void anExportedProgramIsRefusedSayingHowToSaveItsStateDict(String name, String marker) throws IOException {
        Path file = DIR.resolve(name + ".pt2");
        try (ZipFile zip = new ZipFile(file.toFile())) {
            assertTrue(zip.getEntry(marker) != null && zip.stream().noneMatch(e -> e.getName().endsWith("data.pkl")));
        }
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelImport.load(file, ImportOptions.NONE));
        assertEquals("engine.import.exportedProgram", ((Message) e.userMessage().args().get(1)).key());
        assertTrue(e.getMessage().contains("is a program torch.export.save wrote (.pt2: an ExportedProgram"),
                e.getMessage());
        assertTrue(e.getMessage().contains("which LSTM Lab does not run; where the model is defined, save its"
                + " state_dict: torch.save(model.state_dict(), 'model.pt')"), e.getMessage());
        assertTrue(e.getMessage().contains("torch.save(torch.export.load('" + name + ".pt2').state_dict, '" + name
                + ".pt')"), e.getMessage());
        String zh = e.userMessage().in(ResourceBundle.getBundle(Message.BUNDLE, Locale.SIMPLIFIED_CHINESE));
        assertTrue(zh.contains("是 torch.export.save 保存的程序") && zh.contains("LSTM Lab 不运行其中的程序"), zh);
        ModelFileException notOurs = assertThrows(ModelFileException.class, () -> ModelImport.lstmLabModel(file));
        assertTrue(notOurs.getMessage().contains("PyTorch"), notOurs.getMessage());
    }

    /**
     * A whole model (torch.save(model)) is not a state_dict: the notes on its head say that the pickled model does not
     * record its forward(), in both languages; a state_dict's say a state_dict does not say.
     */
    @ParameterizedTest
    @CsvSource({"torch2_whole_model, true", "torch2_state_dict, false"})
    void theNotesOnTheHeadSayWhatTheFileIs(String name, boolean whole) throws IOException {
        ImportedModel m = ModelImport.load(DIR.resolve(name + ".pt"), ImportOptions.NONE);
        List<String> keys = m.notes().stream().map(Message::key).toList();
        String p = whole ? "engine.note.torch.pickled" : "engine.note.torch.";
        assertTrue(keys.contains(p + (whole ? "Activation" : "activation")) && keys.contains(p + (whole ? "Head"
                : "head")), keys.toString());
        ResourceBundle zh = ResourceBundle.getBundle(Message.BUNDLE, Locale.SIMPLIFIED_CHINESE);
        for (Message n : m.notes().subList(m.notes().size() - 2, m.notes().size())) {
            assertEquals(whole, n.english().startsWith("the pickled model does not record its forward(), so "),
                    n.english());
            assertEquals(!whole, n.english().startsWith("a state_dict does not say "), n.english());
            assertEquals(whole, n.in(zh).startsWith("用 pickle 保存的模型不包含它的 forward()"), n.in(zh));
        }
    }

    private static String pickle(String name, String folder) throws IOException {
        try (ZipFile zip = new ZipFile(DIR.resolve(name + ".pt").toFile())) {
            byte[] pkl = zip.getInputStream(zip.getEntry(folder + "data.pkl")).readAllBytes();
            return new String(pkl, java.nio.charset.StandardCharsets.ISO_8859_1);
        }
    }
}
