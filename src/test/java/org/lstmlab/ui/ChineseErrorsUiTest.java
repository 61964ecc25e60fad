package org.lstmlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmlab.testing.SavedFiles;
import org.lstmlab.ui.debugger.WeightPreset;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What goes wrong speaks Chinese in the Chinese window: data files, model files (PyTorch, Keras, the app's own) and
 * lesson files that cannot be used, paths that cannot be read, numbers the Train form cannot take, and expressions
 * the debugger cannot parse. Each error is made to happen as a user would meet it; then every text on the screen
 * ({@link ScreenText}) and the error's own sentence are searched for English ({@link EnglishWords}). The file names
 * the test chose are the user's and are taken out first.
 */
class ChineseErrorsUiTest extends ChineseWindowUiBase {
    @TempDir
    Path dir;

    /**
     * What the user chose or typed, and what their files hold, which the app quotes as it is: the test's folders,
     * the column names of the data files (load, temp), the cells' texts quoted from them (NaN, Infinity), the
     * expressions and numbers typed, and the paths of fields in a lesson file (steps[0].values), which a teacher
     * writes in the lesson format's own English keys.
     */
    private final List<String> userTexts = new ArrayList<>();

    private List<String> userTexts() {
        List<String> all = new ArrayList<>(userTexts);
        all.addAll(List.of(dir.toString(), resources().toString(), dir.getFileName().toString()));
        return all;
    }

    private static Path resources() {
        return Path.of("src/test/resources").toAbsolutePath();
    }

    /** Does {@code action} on the FX thread, waits for {@code done}, then looks for English on the screen. */
    private void check(FxRobot robot, String what, Runnable action, Callable<Boolean> done) {
        robot.interact(action);
        UiWait.until(what, done);
        look(what, UiWait.onFx(ScreenText::ofShowingWindows));
    }

    private void look(String what, List<ScreenText.Piece> pieces) {
        look(what, pieces, userTexts());
    }

    private void lookAt(String what, String text) {
        if (text == null) {
            return;  // no error
        }
        look(what, List.of(new ScreenText.Piece(what, text)));
    }

    private static List<Path> files(String folder, String prefix) throws IOException {
        try (Stream<Path> s = Files.list(resources().resolve(folder))) {
            return s.filter(p -> p.getFileName().toString().startsWith(prefix)).sorted().toList();
        }
    }

    /** Waits until {@code text} says something other than what it said before {@code action}. */
    private void checkChange(FxRobot robot, String what, Runnable action, Supplier<String> text) {
        String before = UiWait.onFx(text::get);
        check(robot, what, action, () -> !text.get().equals(before) && !text.get().isBlank());
    }

    /**
     * The Train tab's message once a chosen file has been read, or "" while it says the file is being read. (Not
     * any "…": a refused file's message names the "Use my file…" button.)
     */
    private String read(String message) {
        String[] reading = window.i18n().getString("training.message.loading").split("\\{0\\}");
        return message.startsWith(reading[0]) && message.endsWith(reading[1]) ? "" : message;
    }

    @Test
    void badDataFilesAreExplainedInChinese(FxRobot robot) throws Exception {
        var train = window.trainingView().viewModel();
        robot.interact(() -> window.selectTab("train"));
        userTexts.addAll(List.of("load", "temp", "NaN", "Infinity"));
        List<Path> bad = new ArrayList<>(files("data/bad", ""));
        bad.add(dir.resolve("missing.csv"));  // a path that does not exist
        bad.add(dir);                          // a folder
        for (Path file : bad) {
            robot.interact(() -> train.chooseTask(org.lstmlab.engine.tasks.Tasks.byName("sine")));
            checkChange(robot, "data file " + file.getFileName(), () -> train.chooseDataFile(file),
                    () -> read(train.messageProperty().get()));
        }
        assertNoEnglish();
    }

    /** Data files that load but cannot be trained on as the form says: too few rows, one character only. */
    @Test
    void dataTooSmallToTrainOnIsExplainedInChinese(FxRobot robot) throws Exception {
        var train = window.trainingView().viewModel();
        robot.interact(() -> window.selectTab("train"));
        userTexts.addAll(List.of("time", "load"));  // the file's columns
        Path tiny = dir.resolve("tiny.csv");
        Files.writeString(tiny, "time,load\n1,2\n2,3\n3,4\n", StandardCharsets.UTF_8);
        Path one = dir.resolve("one.txt");
        Files.writeString(one, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", StandardCharsets.UTF_8);
        for (Path file : List.of(tiny, one)) {
            robot.interact(() -> train.chooseTask(org.lstmlab.engine.tasks.Tasks.byName("sine")));
            checkChange(robot, "data file " + file.getFileName(), () -> train.chooseDataFile(file),
                    () -> read(train.messageProperty().get()));
            String before = UiWait.onFx(() -> train.messageProperty().get());
            check(robot, "training on " + file.getFileName(), train::start, () -> {
                var state = train.stateProperty().get();
                return state != null && state.isOver() || !train.messageProperty().get().equals(before);
            });
            robot.interact(train::stop);
        }
        assertNoEnglish();
    }

    private List<Path> badModels() throws IOException {
        // the class of a layer in the file (Conv1D), and the groups a Keras HDF5 file has by its format (layers)
        userTexts.addAll(List.of("Conv1D", "layers 组"));
        List<Path> bad = new ArrayList<>(files("interop", "bad_"));
        bad.addAll(files("interop", "pickled_legacy"));
        // files torch.save or torch.jit.save wrote that are refused (the others open)
        for (String f : List.of("script", "bidirectional", "optimizer_only", "list", "no_parameters", "complex",
                "transposed", "no_storage", "big_endian")) {
            bad.add(resources().resolve("interop/torch_" + f + ".pt"));
        }
        Path good = resources().resolve("golden/lstm_l1_small.safetensors");
        byte[] bytes = Files.readAllBytes(good);
        Path truncated = dir.resolve("truncated.safetensors");
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 2));
        Path garbage = dir.resolve("garbage.pt");
        Files.writeString(garbage, "this is not a model", StandardCharsets.UTF_8);
        Path empty = dir.resolve("empty.h5");
        Files.write(empty, new byte[0]);
        Path csv = resources().resolve("data/good/series.csv");
        bad.addAll(List.of(truncated, garbage, empty, csv, dir.resolve("missing.safetensors"), dir,
                resources().resolve("golden/adam_torch_defaults.safetensors")));
        return bad;
    }

    @Test
    void badModelFilesAreExplainedInChineseInTheTrainTab(FxRobot robot) throws Exception {
        robot.interact(() -> window.selectTab("train"));
        Label status = new Label(robot);
        List<Path> bad = badModels();
        for (Path file : bad) {
            checkChange(robot, "model file (Train tab) " + file.getFileName(), () -> window.files().open(file),
                    status::text);
        }
        var train = window.trainingView().viewModel();
        for (Path file : bad) {  // the Train tab's File ▸ Open Checkpoint (its message names each file)
            checkChange(robot, "checkpoint " + file.getFileName(), () -> train.openCheckpoint(file),
                    () -> train.messageProperty().get().contains("…") ? "" : train.messageProperty().get());
        }
        // a run and a model of a task this version does not have, as a newer version saves them
        userTexts.add("weather");
        Path run = SavedFiles.checkpoint(dir.resolve("newer-run.safetensors"), Map.of("task", "weather"));
        Path model = SavedFiles.model(dir.resolve("newer-model.safetensors"), "weather");
        checkChange(robot, "a run of an unknown task", () -> train.openCheckpoint(run),
                () -> train.messageProperty().get().contains("…") ? "" : train.messageProperty().get());
        checkChange(robot, "a model of an unknown task", () -> train.openModel(model),
                () -> train.messageProperty().get().contains("…") ? "" : train.messageProperty().get());
        assertNoEnglish();
    }

    @Test
    void badModelFilesAreExplainedInChineseInTheDebugger(FxRobot robot) throws Exception {
        UiWait.until("the first trace", () -> window.debugger().viewModel().trace() != null);
        var debugger = window.debugger().viewModel();
        var error = debugger.form().error(org.lstmlab.ui.debugger.SetupForm.WEIGHTS);
        for (Path file : badModels()) {
            checkChange(robot, "model file (debugger) " + file.getFileName(),
                    () -> debugger.setupCommands().openModelFile(file, WeightPreset.RANDOM_TORCH), error::get);
            lookAt("debugger: " + file.getFileName(), UiWait.onFx(error::get));
        }
        assertNoEnglish();
    }

    /** What needs a trained model, asked for before any training: why not, in Chinese. */
    @Test
    void whatNeedsAModelSaysWhyNotInChinese(FxRobot robot) throws Exception {
        var train = window.trainingView().viewModel();
        robot.interact(() -> window.selectTab("train"));
        checkChange(robot, "Open in Debugger", train::openInDebugger, () -> train.messageProperty().get());
        check(robot, "Save Checkpoint", () -> train.saveCheckpoint(dir.resolve("c.safetensors")),
                () -> true);  // says what Open in Debugger said
        Label status = new Label(robot);
        checkChange(robot, "Save Model", () -> window.files().saveTo(dir.resolve("m.safetensors")), status::text);
        assertNoEnglish();
    }

    /** File ▸ Export with nothing trained yet, and into a folder that is a file: why not, in Chinese. */
    @Test
    void exportsThatCannotBeMadeAreExplainedInChinese() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        int refused = 0;
        for (ExportFormat format : ExportFormat.all()) {
            for (Path to : List.of(dir.resolve("out"), file.resolve("inside"))) {
                var written = WaitForAsyncUtils.asyncFx(() -> format.writer().write(window, to)).get()
                        .toCompletableFuture();
                Throwable why = null;
                try {
                    written.get(60, java.util.concurrent.TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException e) {
                    why = e.getCause();
                }
                if (why != null) {
                    refused++;
                    Throwable error = why;
                    lookAt("export " + format.labelKey() + " to " + to.getFileName(),
                            UiWait.onFx(() -> org.lstmlab.ui.common.I18n.explain(window.i18n(), error)));
                }
            }
        }
        // each format into the file, the models also without one
        assertEquals(ExportFormat.all().size() + 2, refused, "the exports refused");
        assertNoEnglish();
    }

    /** The status bar's message. */
    private record Label(FxRobot robot) {
        String text() {
            return robot.lookup("#statusMessage").queryAs(javafx.scene.control.Label.class).getText();
        }
    }

    @Test
    void badLessonsAreExplainedInChinese(FxRobot robot) throws Exception {
        var learn = window.learnView().viewModel();
        robot.interact(() -> window.selectTab("learn"));
        List<String> lessons = List.of(
                "id: t\ntitle: [1\n",
                "",
                "id: T T\ntitle: {en: T, zh: 题}\nsteps: []\n",
                "id: t\ntitle: {en: T, zh: 题}\nsteps:\n  - text: {en: \"a\", zh: \"甲\"}\n    values: {v: \"1 +\"}\n",
                "id: t\ntitle: {en: T, zh: 题}\nsteps:\n  - text: {en: \"a\", zh: \"甲\"}\n    actions:\n"
                        + "      - set-weight: {name: W_if, row: 9, value: 1}\n",
                "\u0000\u0001binary");
        // the paths of fields the teacher wrote, and the example of an id (an id is lower-case ASCII words)
        userTexts.addAll(List.of("steps[0].values.v", "T T", "W_if", "forget-gate"));
        int k = 0;
        for (String text : lessons) {
            Path file = dir.resolve("lesson" + k++ + ".yaml");
            Files.writeString(file, text, StandardCharsets.UTF_8);
            checkChange(robot, "lesson " + text.replace('\n', ' '), () -> learn.openFile(file),
                    () -> learn.busyProperty().get() ? "" : learn.errorProperty().get());
            lookAt("lesson error " + file.getFileName(), UiWait.onFx(() -> learn.errorProperty().get()));
        }
        checkChange(robot, "a lesson that is not there", () -> learn.openFile(dir.resolve("none.yaml")),
                () -> learn.busyProperty().get() ? "" : learn.errorProperty().get());
        assertNoEnglish();
    }

    @Test
    void badNumbersAndExpressionsAreExplainedInChinese(FxRobot robot) throws Exception {
        UiWait.until("the first trace", () -> window.debugger().viewModel().trace() != null);
        var debugger = window.debugger().viewModel();
        List<String> typed = List.of("f[0] <", "foo(h)", "h[99] > 0", "W_xx[0] > 1", "1 +* 2", "$", "mean(h, c)",
                "h == ", "c_prev[0] > 0.5 &&", "isnan()", "((((", "W_if");
        userTexts.addAll(typed);
        // a name and a function typed, and the weights as the list writes them
        userTexts.addAll(List.of("foo", "mean", "Wxx", "Wif"));
        for (String e : typed) {
            lookAt("breakpoint " + e, UiWait.onFx(() -> debugger.moves().addBreakpoint(e)));
            lookAt("watch " + e, UiWait.onFx(() -> debugger.addWatch(e)));
            lookAt("jump " + e, UiWait.onFx(() -> debugger.moves().jumpTo(e)));
        }
        for (String number : List.of("abc", "1e999", "NaN", "")) {  // a weight and an input edited by hand
            lookAt("weight " + number, UiWait.onFx(() -> debugger.editWeight(0, "W_if", 0, 0, number)));
            lookAt("input " + number, UiWait.onFx(() -> debugger.editInput(0, 0, number)));
        }
        lookAt("a weight that is not there", UiWait.onFx(() -> debugger.editWeight(0, "W_if", 99, 0, "1")));
        look("the debugger after bad expressions", UiWait.onFx(ScreenText::ofShowingWindows));
        var train = window.trainingView().viewModel();
        robot.interact(() -> window.selectTab("train"));
        userTexts.addAll(List.of("abc", "99999999999999999999"));
        for (String field : List.of("#clipField", "#seedField")) {  // typed into the form as a user would
            for (String text : field.equals("#clipField") ? List.of("abc")
                    : List.of("abc", "1.5", "99999999999999999999")) {
                javafx.scene.control.TextField f = robot.lookup(field).queryAs(javafx.scene.control.TextField.class);
                checkChange(robot, field + " " + text, () -> {
                    f.setText(text);
                    train.start();
                }, () -> train.messageProperty().get());
                robot.interact(train::stop);
            }
            robot.interact(() -> robot.lookup(field).queryAs(javafx.scene.control.TextField.class).setText("1"));
        }
        List<String> rates = List.of("abc", "1e999", "-1", "0");
        userTexts.addAll(rates);
        for (String lr : rates) {
            checkChange(robot, "learning rate " + lr, () -> {
                train.form().learningRateProperty().set(lr);
                train.start();
            }, () -> train.messageProperty().get());
            robot.interact(train::stop);
        }
        assertNoEnglish();
    }
}
