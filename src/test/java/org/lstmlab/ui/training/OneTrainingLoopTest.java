package org.lstmlab.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.lstmlab.cli.LstmLabCommand;
import org.lstmlab.engine.io.JsonParser;
import org.lstmlab.engine.io.JsonValue;
import org.lstmlab.engine.math.Precision;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.session.Comparison;
import org.lstmlab.engine.session.EpochReport;
import org.lstmlab.engine.tasks.Tasks;
import org.lstmlab.ui.common.I18n;
import org.lstmlab.ui.compare.CompareViewModel;

/**
 * One epoch loop: the same task, model and config trained through the command line's {@code train}, the Train tab
 * and the Compare tab give the same validation loss and accuracy after every epoch, bit for bit; and so do
 * {@code train --dtype float32} and the Train tab's float32 precision.
 */
class OneTrainingLoopTest {
    private static final int T = 10;
    private static final int EPOCHS = 2;
    private static final int HIDDEN = 32;   // the adding task's default, which the Compare tab uses
    private final int threads = Comparison.defaultThreads();   // the Compare tab's, which it does not let you change

    /** {val_loss, val_accuracy} per epoch. */
    private record Numbers(List<Double> loss, List<Double> accuracy) {
    }

    private Numbers commandLine(Precision precision) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = LstmLabCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(
                "train", "--task", "adding", "--seq-len", Integer.toString(T), "--cell", "gru", "--epochs",
                Integer.toString(EPOCHS), "--threads", Integer.toString(threads), "--dtype", precision.id(),
                "--epoch-json");
        assertEquals(0, code, err.toString());
        List<Double> loss = new ArrayList<>();
        List<Double> accuracy = new ArrayList<>();
        for (String line : out.toString().lines().toList()) {
            if (line.startsWith("{\"epoch\"")) {
                JsonValue.Obj o = (JsonValue.Obj) JsonParser.parse(line);
                loss.add(((JsonValue.Num) o.members().get("val_loss")).doubleValue());
                accuracy.add(((JsonValue.Num) o.members().get("val_accuracy")).doubleValue());
            }
        }
        return new Numbers(loss, accuracy);
    }

    private Numbers trainTab(Precision precision) throws Exception {
        FakeFx fx = new FakeFx();
        TrainingViewModel vm = new TrainingViewModel(I18n.bundle(Locale.ENGLISH), fx);
        vm.chooseTask(Tasks.byName("adding"));
        vm.form().stepsProperty().set(T);
        vm.form().cellProperty().set(CellType.GRU);
        vm.form().epochsProperty().set(EPOCHS);
        vm.form().threadsProperty().set(threads);
        vm.form().precisionProperty().set(precision);
        vm.start();
        fx.until(vm, () -> vm.stateProperty().get() == RunState.FINISHED);
        List<EpochReport> epochs = vm.snapshotProperty().get().epochMetrics();
        return new Numbers(epochs.stream().map(EpochReport::valLoss).toList(),
                epochs.stream().map(EpochReport::valAccuracy).toList());
    }

    private Numbers compareTab() throws Exception {
        CompareViewModel vm = new CompareViewModel(I18n.bundle(Locale.ENGLISH));
        vm.lengthsProperty().set(Integer.toString(T));
        vm.epochsProperty().set(EPOCHS);
        vm.samplesProperty().set(vm.maxSamplesProperty().get());   // every training sample, as train uses
        vm.start();
        org.lstmlab.testing.Await.until("the comparison to end", () -> {
            vm.pulse();
            return vm.snapshotProperty().get().done();
        });
        vm.pulse();
        Comparison.Point gru = vm.snapshotProperty().get().points().stream()
                .filter(p -> p.cell() == CellType.GRU).findFirst().orElseThrow();
        return new Numbers(gru.epochs().stream().map(EpochReport::valLoss).toList(),
                gru.epochs().stream().map(EpochReport::valAccuracy).toList());
    }

    @Test
    void theCommandLineTheTrainTabAndTheCompareTabGiveTheSameNumbers() throws Exception {
        Numbers cli = commandLine(Precision.FLOAT64);
        Numbers train = trainTab(Precision.FLOAT64);
        Numbers compare = compareTab();
        assertEquals(EPOCHS, cli.loss().size());
        assertTrue(cli.loss().get(1) < cli.loss().get(0), "it trains: " + cli);
        assertEquals(cli, train, "command line and Train tab");
        assertEquals(cli, compare, "command line and Compare tab");
    }

    @Test
    void theTrainTabsFloat32RunEqualsDtypeFloat32OnTheCommandLine() throws Exception {
        Numbers cli = commandLine(Precision.FLOAT32);
        Numbers train = trainTab(Precision.FLOAT32);
        assertEquals(EPOCHS, cli.loss().size());
        assertTrue(cli.loss().get(1) < cli.loss().get(0), "it trains: " + cli);
        assertEquals(cli, train, "command line --dtype float32 and the Train tab's float32");
        Numbers exact = commandLine(Precision.FLOAT64);
        assertNotEquals(exact.loss(), cli.loss(), "float32 computes otherwise than float64");
        for (int e = 0; e < EPOCHS; e++) {
            assertEquals(exact.loss().get(e), cli.loss().get(e), 1e-3 * exact.loss().get(e),
                    "float32 stays close to float64 over two epochs");
        }
    }
}
