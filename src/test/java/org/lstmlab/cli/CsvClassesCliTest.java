package org.lstmlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmlab.engine.data.ClassRows;

/**
 * {@code train --data} on a file whose target is an activity in words, then {@code predict} on it: the verdict is an
 * accuracy beside always answering the most frequent activity, and {@code predict} names each window's class. A
 * target no classifier can learn from is refused with exit code 2.
 */
class CsvClassesCliTest {
    @TempDir Path dir;

    @Test
    void trainThenPredictNameTheClasses() throws Exception {
        Path csv = dir.resolve("activity.csv");
        Files.writeString(csv, ClassRows.csv(600, 5));
        Path model = dir.resolve("activity.safetensors");
        CliTestSupport.Result r = CliTestSupport.run("train", "--data", csv.toString(), "--target", "activity",
                "--seq-len", "4", "--epochs", "10", "--hidden", "16", "--lr", "0.01", "--threads", "2",
                "--save", model.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("csv: Classify windows of a, b of activity.csv by the activity of their last row"),
                r.out());
        String verdict = r.out().lines().filter(l -> l.startsWith("solved") || l.startsWith("not solved"))
                .findFirst().orElseThrow();
        assertTrue(verdict.startsWith("solved: validation accuracy above always answering the training part's most "
                + "frequent class (val_accuracy 0."), verdict);
        assertTrue(verdict.contains("; always 'sitting' gets 0."), verdict);

        Path out = dir.resolve("classes.csv");
        r = CliTestSupport.run("predict", "--model", model.toString(), "--input", csv.toString(), "--out",
                out.toString());   // the training file itself: its time and activity columns are not read
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("the probability of each class of activity for each window's last row, in the "
                + "order running, sitting, walking"), r.err());
        assertTrue(r.out().contains("classes (the prediction's columns, in order): running, sitting, walking"),
                r.out());
        List<String> rows = Files.readAllLines(out);
        assertEquals("row,time,activity_running_probability,activity_sitting_probability,"
                + "activity_walking_probability", rows.get(0));
        assertEquals(600 - 4 + 1, rows.size() - 1, "every window of the file");
        List<String> names = List.of("running", "sitting", "walking");
        List<String> labels = ClassRows.csv(600, 5).lines().skip(1).map(l -> l.split(",")[3]).toList();
        long right = 0;
        for (int w = 0; w < rows.size() - 1; w++) {
            String[] p = rows.get(w + 1).split(",");
            assertEquals(List.of(Integer.toString(w + 5), "t" + (w + 3)), List.of(p[0], p[1]),
                    "the window's last row: its line and time");
            int best = 0;
            for (int k = 1; k < 3; k++) {
                best = Double.parseDouble(p[2 + k]) > Double.parseDouble(p[2 + best]) ? k : best;
            }
            if (w < 20) {
                assertTrue(r.out().contains("window " + (w + 1) + ": " + names.get(best) + " ("), "window " + w);
            }
            right += names.get(best).equals(labels.get(w + 3)) ? 1 : 0;
        }
        assertTrue(right > 0.8 * (rows.size() - 1), "the model names most windows' activity: " + right);
        assertTrue(r.out().contains("... (597 in all)"), r.out());
    }

    @Test
    void exportedCodeNamesTheClassesAsTheAppDoes() throws Exception {
        Path csv = dir.resolve("activity.csv");
        Files.writeString(csv, ClassRows.csv(120, 3));
        Path model = dir.resolve("activity.safetensors");
        CliTestSupport.Result r = CliTestSupport.run("train", "--data", csv.toString(), "--target", "activity",
                "--seq-len", "4", "--epochs", "1", "--hidden", "4", "--save", model.toString());
        assertEquals(0, r.exitCode(), r.err());
        Path out = dir.resolve("export");
        r = CliTestSupport.run("export", "--model", model.toString(), "--to", "pytorch", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        String code = Files.readString(out.resolve("model.py"));
        assertTrue(code.contains("CLASSES = ['running', 'sitting', 'walking']") && code.contains("def classify("),
                code);
        String run = InteropCommandsTest.python(List.of("/usr/bin/python3", out.resolve("model.py").toString()),
                InteropCommandsTest.R.resolve("pyshim"));
        assertTrue(run.startsWith("OK: PyTorch computes what LSTM Lab computed"), run);
        Path keras = dir.resolve("keras");
        r = CliTestSupport.run("export", "--model", model.toString(), "--to", "keras", "--out", keras.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(Files.readString(keras.resolve("model.py")).contains("def classify(model, rows):"));
        InteropCommandsTest.python(List.of("/usr/bin/python3", "-c",
                "import ast,sys; ast.parse(open(sys.argv[1]).read())", keras.resolve("model.py").toString()), null);
    }

    /** A 0/1 column read as classes only when told; a saved run keeps that, and resumes as a classifier. */
    @Test
    void numbersAreClassesWithTargetKindClassAndARunResumesSo() throws Exception {
        Path csv = dir.resolve("door.csv");
        Files.writeString(csv, ClassRows.door(200));
        CliTestSupport.Result r = CliTestSupport.run("train", "--data", csv.toString(), "--target", "open",
                "--seq-len", "4", "--epochs", "1", "--hidden", "4", "--no-save");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("csv: Forecast open of door.csv from windows of temp, open"), r.out());
        Path run = dir.resolve("door.lstmlab");
        r = CliTestSupport.run("train", "--data", csv.toString(), "--target", "open", "--target-kind", "class",
                "--seq-len", "4", "--epochs", "1", "--hidden", "4", "--no-save", "--save-run", run.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("csv: Classify windows of temp of door.csv by the open of their last row"),
                r.out());
        r = CliTestSupport.run("train", "--resume", run.toString(), "--more-epochs", "1", "--no-save");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("epoch 2/2") && r.out().contains("val_accuracy")
                && r.out().contains("; always '0' gets 0."), r.out());
    }

    @Test
    void aTargetWithOneClassOrAnUnknownKindIsRefusedWithExitCode2() throws Exception {
        Path csv = dir.resolve("still.csv");
        StringBuilder sb = new StringBuilder("x,state\n");
        for (int i = 0; i < 40; i++) {
            sb.append(i).append(",sitting\n");
        }
        Files.writeString(csv, sb.toString());
        CliTestSupport.Result r = CliTestSupport.run("train", "--data", csv.toString(), "--target", "state",
                "--seq-len", "4", "--epochs", "1", "--no-save");
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("still.csv: column 2 (state) holds one class only ('sitting')"), r.err());
        r = CliTestSupport.run("train", "--data", csv.toString(), "--target-kind", "labels", "--no-save");
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("--target-kind: the target kind must be auto, value or class, got 'labels'"),
                r.err());
    }
}
