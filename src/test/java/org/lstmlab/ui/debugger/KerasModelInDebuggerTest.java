package org.lstmlab.ui.debugger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.lstmlab.engine.interop.ImportOptions;
import org.lstmlab.engine.interop.ImportedModel;
import org.lstmlab.engine.interop.ModelImport;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.trace.Trace;

/** The classic Keras model.h5 opens in the debugger with no options, with its own weights. */
class KerasModelInDebuggerTest {
    @Test
    void theClassicKerasModelOpensInTheDebugger() throws Exception {
        Path file = Path.of("src/test/resources/interop/classic_model.h5");
        DebuggerViewModel vm = DebuggerViewModelTest.started();
        vm.setupCommands().openModelFile(file, WeightPreset.RANDOM_TORCH);
        vm.pulse(1);
        assertEquals(WeightPreset.FILE, vm.form().weightsProperty().get());
        Trace tr = vm.trace();
        assertEquals(CellType.LSTM, tr.cell());
        assertEquals(50, tr.hiddenSize());
        assertEquals(1, tr.layer(0).inputSize());
        ImportedModel m = ModelImport.load(file, ImportOptions.NONE);
        assertArrayEquals(m.model().rnn().layer(0).weightIh().data(), tr.layer(0).weightIh().data());
    }

    @Test
    void debugExportTraceWritesTheTraceOnShow(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        DebuggerViewModel vm = DebuggerViewModelTest.started();
        Trace tr = vm.trace();
        Path csv = dir.resolve("trace.csv");
        vm.exportTrace(csv);
        org.lstmlab.testing.Await.until("the status to report trace.csv written", () -> {
            vm.pulse(1);
            return vm.statusProperty().get().contains("trace.csv");
        }, () -> vm.statusProperty().get());
        java.util.List<String> lines = java.nio.file.Files.readAllLines(csv);
        assertEquals("layer,t,b,symbol,unit,value", lines.get(0));
        String h = lines.stream().filter(l -> l.startsWith("0,0,0,h,0,")).findFirst().orElseThrow();
        assertEquals(tr.value("h", 0, 0, 0, 0), Double.parseDouble(h.split(",")[5]), 0.0);
    }
}
