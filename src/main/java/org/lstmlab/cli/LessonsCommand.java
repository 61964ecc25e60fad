package org.lstmlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.lstmlab.engine.io.JsonValue;
import org.lstmlab.engine.io.JsonWriter;
import org.lstmlab.engine.lessons.Lesson;
import org.lstmlab.engine.lessons.LessonFormatException;
import org.lstmlab.engine.lessons.LessonReader;
import org.lstmlab.engine.lessons.LessonVerifier;
import org.lstmlab.engine.lessons.Lessons;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * {@code lessons}: lists the lessons as JSON lines, or with {@code --verify} replays every one without a display
 * and checks its numbers and answer keys against the engine.
 */
@Command(name = "lessons", mixinStandardHelpOptions = true,
        description = "List the lessons, one JSON line each: {\"id\", \"title\": {\"en\", \"zh\"}, \"steps\", "
                + "\"exercises\"}. With --verify, replay every lesson without a display (every action, every number, "
                + "every answer key checked against the engine); prints a line per lesson and 'N passed, M failed', "
                + "exit code 1 if a well-formed lesson failed. Lesson files given as arguments are read instead of the "
                + "built-in ones; a malformed file is reported with its line and field and makes the exit code 2, "
                + "with or without --verify (the well-formed ones are still listed or verified).")
final class LessonsCommand implements Callable<Integer> {
    @Spec private CommandSpec spec;

    @Option(names = "--verify", description = "replay and check every lesson (not with --show)")
    private boolean verify;

    @Option(names = "--lesson", description = "only the built-in lesson with this id (not with lesson "
            + "FILEs)")
    private String only;

    @Option(names = "--show", description = "print every step of the lessons with the engine's numbers filled in, "
            + "in the language of --lang")
    private boolean show;

    @Option(names = "--lang", defaultValue = "en", description = "en or zh, for --show (default: ${DEFAULT-VALUE})")
    private String lang;

    @Parameters(arity = "0..*", paramLabel = "FILE", description = "lesson files (YAML) instead of the built-in ones")
    private List<Path> files = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ParseResult parsed = spec.commandLine().getParseResult();
        if (show) {
            UnusedOptions.refuse(parsed, List.of("--verify"), "does not apply with --show, which prints the lessons "
                    + "instead of replaying them", "leave out --show to replay them");
        } else {
            UnusedOptions.refuse(parsed, List.of("--lang"), "applies to --show", "add --show");
        }
        if (!files.isEmpty()) {
            UnusedOptions.refuse(parsed, List.of("--lesson"), "picks a built-in lesson, and lesson files are given",
                    "leave out the files");
        }
        List<Lesson> lessons = new ArrayList<>();
        List<String> broken = new ArrayList<>();
        if (files.isEmpty()) {
            for (Lessons.Entry e : Lessons.all()) {
                if (only != null && !e.id().equals(only)) {
                    continue;
                }
                if (e.lesson() != null) {
                    lessons.add(e.lesson());
                } else {
                    broken.add(e.error().getMessage());
                }
            }
            if (only != null && lessons.isEmpty() && broken.isEmpty()) {
                throw new IllegalArgumentException("no built-in lesson has the id '" + only + "' (expected one of "
                        + String.join(", ", Lessons.ids()) + ")");
            }
        } else {
            for (Path f : files) {
                notALessonId(f);
                try {
                    lessons.add(LessonReader.read(f));
                } catch (LessonFormatException e) {
                    broken.add(e.getMessage());
                }
            }
        }
        for (String b : broken) {
            err.println("lstm-lab: " + b);
        }
        if (show) {
            if (!lang.equals("en") && !lang.equals("zh")) {
                throw new IllegalArgumentException("--lang must be en or zh, got '" + lang + "'");
            }
            for (Lesson l : lessons) {
                LessonPrinter.print(l, lang, out);
            }
            return broken.isEmpty() ? 0 : LstmLabCommand.EXIT_USAGE;
        }
        if (!verify) {
            for (Lesson l : lessons) {
                out.println(json(l));
            }
            return broken.isEmpty() ? 0 : LstmLabCommand.EXIT_USAGE;
        }
        int passed = 0;
        int failed = broken.size();
        for (Lesson l : lessons) {
            LessonVerifier.Result r = LessonVerifier.verify(l);
            if (r.passed()) {
                passed++;
                out.printf(Locale.ROOT, "PASS %s (%d steps, %d exercises, %.1f s)%n", r.id(), r.steps(), r.exercises(),
                        r.millis() / 1000.0);
            } else {
                failed++;
                out.printf(Locale.ROOT, "FAIL %s%n", r.id());
                for (String p : r.problems()) {
                    out.println("  " + p);
                }
            }
            out.flush();
        }
        out.println(passed + " passed, " + failed + " failed");
        if (!broken.isEmpty()) {
            return LstmLabCommand.EXIT_USAGE;   // a malformed file is a usage error, whatever the others did
        }
        return failed == 0 ? 0 : 1;
    }

    /**
     * A teacher who types {@code lessons --show forget-gate} meant the bundled lesson, not a file: rather than only
     * "forget-gate: no such file", says how to reach that lesson. A file of that name that exists is read as usual.
     */
    private void notALessonId(Path f) {
        String id = f.toString();
        if (!Files.exists(f) && Lessons.ids().contains(id)) {
            String what = show ? "show" : verify ? "verify" : "list";
            String flags = show ? "--show --lesson " : verify ? "--verify --lesson " : "--lesson ";
            throw new IllegalArgumentException(id + ": no such file; to " + what + " the bundled lesson " + id
                    + ", use " + flags + id);
        }
    }

    static String json(Lesson l) {
        Map<String, JsonValue> title = new LinkedHashMap<>();
        title.put("en", new JsonValue.Str(l.title().en()));
        title.put("zh", new JsonValue.Str(l.title().zh()));
        Map<String, JsonValue> m = new LinkedHashMap<>();
        m.put("id", new JsonValue.Str(l.id()));
        m.put("title", new JsonValue.Obj(title));
        m.put("steps", JsonValue.Num.of(l.steps().size()));
        m.put("exercises", JsonValue.Num.of(l.exerciseCount()));
        return JsonWriter.write(new JsonValue.Obj(m));
    }
}
