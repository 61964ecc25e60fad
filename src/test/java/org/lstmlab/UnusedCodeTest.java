package org.lstmlab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaConstructor;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import org.junit.jupiter.api.Test;

/**
 * No dead code: every non-private method, constructor and field of the main code is used by the main code.
 *
 * <p>"Used" means called, referenced ({@code Foo::bar}) or read by a main class (its own class included, but not the
 * member itself, so recursion does not count); a method that overrides another is used when that one is (a call
 * through the interface reaches it) or when it overrides a method of the JDK or a library, which calls it. What the
 * main code reaches only by reflection counts too: FXML controllers, their {@code #handlers}, {@code fx:id}s and the
 * properties FXML sets on our own controls (their setters, and their getters, which give FXML the type),
 * {@code @FXML} members, picocli's annotated members, the kernels {@code Simd} loads by name, {@code main} methods;
 * these are read from the FXML files and the annotations, so no hand-kept list of handlers can go stale. A
 * compile-time constant ({@code static final} primitive or String) is inlined by javac, so for those the sources are
 * searched for the name instead. Not checked: private members (the compiler's business), and the accessors of record
 * components (a component may be read through its field inside the record, or only by {@code equals}).
 *
 * <p>A member that only tests use is dead too, unless it is a deliberate test seam listed in {@link #TEST_SEAMS}
 * with its reason. Run this test to list the dead members: the failure message names each with its source line.
 */
class UnusedCodeTest {
    private static final String ROOT = "org.lstmlab";

    /**
     * Members kept for the tests only, by why a test needs a way in that the app does not (keys as {@link #key}
     * prints them, without {@code org.lstmlab.}).
     */
    private static final Map<String, String> TEST_SEAMS = seams(
            "kernel tests switch and name the kernels to compare the fast ones with their plain twins",
            "engine.math.Cells.override(CellKernel)", "engine.math.Cells.usePlainKernel()",
            "engine.math.Gemm.usePlainKernels()", "engine.math.Pointwise.usePlainKernel()",
            "engine.math.Pointwise.kernelName()", "engine.math.FloatCells.override(FloatCellKernel)",
            "engine.math.FloatCells.usePlainKernel()",
            "the code tests read the code as the exported files comment it (Keras': inputs one-hot by the usual rule)",
            "engine.interop.CodeExport.keras(ModelSpec,TrainingConfig,int)",
            "engine.interop.CodeExport.pytorch(ModelSpec,TrainingConfig)",
            "the CSV reader's tests parse a table that must hold numbers only in one call",
            "engine.data.CsvTable.parse(String,String)",
            "a UI test opens windows as if only some fonts were installed (WenQuanYi Micro Hei alone, without bold)",
            "ui.common.Fonts.assumeInstalled(Collection,Predicate)",
            "the zoom test reads the density a formula was drawn at, to see it stay sharp",
            "ui.common.LatexView.density()",
            "the gradient plot's tests read where the legend, the curves, the frame and the veil went",
            "ui.debugger.GradientPlot.legendBox()", "ui.debugger.GradientPlot.drawnPaths()",
            "ui.debugger.GradientPlot.frameTop()", "ui.debugger.GradientPlot.veilBox()",
            "ui.debugger.GradientPlot.veilWordsBox()",
            "engine.math.CellKernel.name()", "engine.math.simd.VectorCells.name()",
            "tests write model files of models they built, without a vocabulary or a series' scaling",
            "engine.io.ModelFile.save(Path,SequenceModel,TrainingConfig,String)",
            "the hand-off test checks how the trainer's spin budget shrinks and recovers",
            "engine.train.ShardWorkers$Spin.budget()",
            "UI tests open the main window on their own stage, reach its tabs, save without a dialog and replace "
                    + "the exit", "ui.MainWindow.create(ResourceBundle)", "ui.MainWindow.debugger()",
            "ui.MainWindow.compareView()", "ui.MainWindow.learnView()",
            "ui.MainWindow.saveTo(Path)", "ui.MainWindow.setExitAction(Runnable)",
            "the lesson screenshot tool answers each numeric exercise right, to measure the dock with its explanation",
            "ui.learn.LearnViewModel.numericKey()",
            "tests wait for a worker to end, or run the debugger's jobs on the calling thread, instead of sleeping",
            "ui.training.TrainingRun.awaitEnd(long)", "ui.compare.CompareSweep.awaitEnd(long)",
            "ui.debugger.DebuggerWorker.direct()",
            "ui.training.TrainingRun$Access.data()",
            "a view model's inputs and state, which tests set and read as a user would through the controls",
            "ui.training.TrainingForm.taskProperty()", "ui.training.TrainingForm.horizonProperty()",
            "ui.training.TrainingForm.encodingProperty()", "ui.training.TrainingForm.stepsProperty()",
            "ui.training.TrainingForm.cellProperty()", "ui.training.TrainingForm.unitsProperty()",
            "ui.training.TrainingForm.layersProperty()", "ui.training.TrainingForm.learningRateProperty()",
            "ui.training.TrainingForm.batchSizeProperty()",
            "ui.training.TrainingForm.threadsProperty()", "ui.training.TrainingForm.precisionProperty()",
            "ui.learn.LearnViewModel.stepProperty()",
            "ui.debugger.DebuggerViewModel.setupProperty()", "ui.debugger.SetupCommands.setField(String,String)",
            "tests check that an error names where it is (file, line, position) and what kind it is",
            "engine.lessons.LessonFormatException.file()", "engine.lessons.LessonFormatException.line()",
            "engine.trace.expr.ExprError.position()", "engine.io.SafeTensorsException.kind()",
            "engine.io.SafeTensorsException.source()",
            "tests read state that the app shows only as pixels or uses only inside its class",
            "ui.debugger.GradientPlot.curves()", "ui.training.Histogram.bins()", "ui.training.HistogramView.range()",
            "ui.training.MetricsHistory.stride()",
            "ui.debugger.EditHistory.depth()", "ui.debugger.Navigator.isLast(Cursor)",
            "engine.data.CharVocabulary.size()", "engine.data.CharVocabulary.hasRareBucket()",
            "engine.data.CharVocabulary.coverage()", "engine.data.TextFiles$Text.codePoints()",
            "engine.nn.SequenceModel.precision()", "ui.debugger.Workspace.loss()",
            "ui.debugger.PreActivation.parts(Trace,Equation,int,int,int)", "ui.common.Palette.stylesheet()",
            "engine.tasks.ReberGrammar.isEmbedded(int[])", "engine.tasks.ReberGrammar.text(int[])",
            "engine.tasks.NegationTask$Review.text()", "engine.nn.CellType.tutorialMistakes()",
            "tests build their fixtures (tensors, files in memory, samples, models, settings) with the engine's own "
                    + "types rather than a copy of them",
            "engine.io.Tensor.f32(String,int[],double[])",
            "engine.io.Tensor.item()", "engine.io.SafeTensors.read(byte[],String)",
            "engine.io.SafeTensors.write(Path,SafeTensorsFile,WriteOptions)",
            "engine.io.SafeTensors.toBytes(Map,Map,WriteOptions)",
            "engine.io.SafeTensorsFile.require(String,DType,int[])",
            "engine.interop.Npy.read(String,byte[])", "engine.nn.ModelSpec.kerasExample(int)",
            "engine.data.CsvSeries$Options.defaults()", "engine.tasks.UserData$Request.of(Path)",
            "engine.data.Sample.<init>(int,int,double[],int[],double[],int[])",
            "ui.debugger.Workspace.<init>(RecurrentStack,int,double[],List,LossKind)",
            "engine.train.TrainingConfig$Builder.momentum(double)",
            "engine.check.GradientCheck.check(List,DoubleSupplier,Runnable,double)",
            "engine.check.GradientCheckCase.run()", "engine.check.GradientCheckCase.stack()",
            "ui.common.Glossary.markdown(List,boolean)",
            "the kernel benchmark's pieces its tests check (engine.train, edited by the speed work now)",
            "engine.train.KernelBench.formatComparisons(List)", "engine.train.KernelBench.format(List)",
            "engine.train.KernelBench$Settings.defaults()");

    /**
     * Unused members in files that other work of this session edits (the kernels: issue 10; the engine's error
     * messages: issue 8): to delete once that work is merged, so that the two changes do not collide.
     */
    private static final Map<String, String> PENDING = seams(
            "kernels and the trainer: issue 10 edits engine.math and engine.train",
            "engine.math.GateMath.coefficients()", "engine.math.Gemm.floatKernelName()",
            "engine.math.KernelWarmup.isDone(Precision)", "engine.math.simd.VectorFloatGemm.lanes()",
            "engine.train.KernelBench.run(GemmKernel,List,Settings)", "engine.train.Trainer.data()",
            "the errors' parts: issue 8 translates the engine's error messages and may read them",
            "engine.bounds.MemoryBudget$Exceeded.bytes()",
            "engine.data.DataFileException.reason()", "engine.lessons.LessonFormatException.field()",
            "engine.lessons.LessonFormatException.reason()", "engine.io.JsonException.offset()");

    /** {@code reason, key, key, ..., reason, key, ...} → key → reason; a reason is any string with a space. */
    private static Map<String, String> seams(String... reasonsAndKeys) {
        Map<String, String> map = new TreeMap<>();
        String reason = null;
        for (String s : reasonsAndKeys) {
            if (s.contains(" ")) {
                reason = s;
            } else {
                map.put(ROOT + "." + s, reason);
            }
        }
        return map;
    }

    @Test
    void everyMainMemberIsUsedByTheMainCode() {
        Map<String, String> found = unused();
        Map<String, String> dead = new TreeMap<>(found);
        dead.keySet().removeAll(TEST_SEAMS.keySet());
        dead.keySet().removeAll(PENDING.keySet());
        assertEquals("", String.join("\n", dead.values()),
                "members nothing in src/main uses: delete them, or list a deliberate test seam in TEST_SEAMS");
        Set<String> stale = new TreeSet<>(TEST_SEAMS.keySet());
        stale.addAll(PENDING.keySet());
        stale.removeAll(found.keySet());
        assertEquals(Set.of(), stale, "TEST_SEAMS or PENDING entries that are used by the main code now, or gone");
    }

    /** The unused members, by {@link #key} → a line for the report (where, and whether a test uses it). */
    static Map<String, String> unused() {
        JavaClasses all = new ClassFileImporter().importPackages(ROOT);
        Reflective reflective = Reflective.read();
        Map<String, Integer> words = words();
        Map<String, String> unused = new TreeMap<>();
        for (JavaClass c : all) {
            if (!isMain(c) || c.getModifiers().contains(JavaModifier.SYNTHETIC) || c.isAnonymousClass()) {
                continue;
            }
            List<JavaMember> members = Stream.of(c.getMethods(), c.getConstructors(), c.getFields())
                    .flatMap(Set::stream).map(JavaMember.class::cast).toList();
            for (JavaMember m : members) {
                if (exempt(c, m, reflective) || usedBy(m, UnusedCodeTest::isMain, words)) {
                    continue;
                }
                boolean tested = usedBy(m, from -> true, words);
                unused.put(key(m), m.getSourceCodeLocation() + " " + key(m) + (tested ? "  (used by tests only)" : ""));
            }
        }
        return unused;
    }

    /** {@code org.lstmlab.engine.nn.Param.copy(int)}, or {@code Foo.<init>(int)}, or {@code Foo.FIELD}. */
    static String key(JavaMember m) {
        String owner = m.getOwner().getName();
        if (m instanceof JavaCodeUnit u) {
            return owner + "." + u.getName() + u.getRawParameterTypes().stream().map(JavaClass::getSimpleName)
                    .collect(Collectors.joining(",", "(", ")"));
        }
        return owner + "." + m.getName();
    }

    private static boolean exempt(JavaClass c, JavaMember m, Reflective reflective) {
        Set<JavaModifier> mods = m.getModifiers();
        if (mods.contains(JavaModifier.PRIVATE) || mods.contains(JavaModifier.SYNTHETIC)
                || mods.contains(JavaModifier.BRIDGE)) {
            return true;
        }
        if (m.isAnnotatedWith("javafx.fxml.FXML") || m.getAnnotations().stream()
                .anyMatch(a -> a.getRawType().getPackageName().equals("picocli"))) {
            return true;
        }
        String name = m.getName();
        if (c.isEnum() && (m instanceof JavaField f && f.getRawType().equals(c) || name.equals("values")
                || name.equals("valueOf"))) {
            return true;
        }
        if (m instanceof JavaMethod method && name.equals("main") && mods.contains(JavaModifier.STATIC)) {
            return true;
        }
        if (m instanceof JavaField && name.equals("serialVersionUID")) {
            return true;
        }
        if (c.isRecord() && m instanceof JavaMethod method && method.getRawParameterTypes().isEmpty()
                && Set.of("toString", "hashCode").contains(name)) {
            return true;
        }
        if (m instanceof JavaConstructor && (reflective.made.contains(c.getName()) || c.isEnum()
                || c.isAnnotatedWith("picocli.CommandLine$Command") || isPicocliMixin(c) || supertypes(c).stream()
                .anyMatch(s -> s.getPackageName().equals("picocli")
                        || s.getName().equals("javafx.application.Application")))) {
            return true;
        }
        if (c.isRecord() && m instanceof JavaMethod method && method.getRawParameterTypes().isEmpty()
                && c.getFields().stream().anyMatch(f -> f.getName().equals(name)
                && !f.getModifiers().contains(JavaModifier.STATIC))) {
            return true;
        }
        if (reflective.members.contains(c.getName() + "#" + name)) {
            return true;
        }
        return m instanceof JavaMethod method && overridesOutside(method);
    }

    /** A class whose fields picocli fills (a {@code @Mixin}): picocli makes it by reflection. */
    private static boolean isPicocliMixin(JavaClass c) {
        return c.getFields().stream().anyMatch(f -> f.getAnnotations().stream()
                .anyMatch(a -> a.getRawType().getPackageName().equals("picocli")));
    }

    /** A class of src/main (not of the tests). */
    private static boolean isMain(JavaClass c) {
        return c.getSource()
                .map(src -> ImportOption.Predefined.DO_NOT_INCLUDE_TESTS.includes(Location.of(src.getUri())))
                .orElse(false);
    }

    /** Whether a class that {@code from} accepts uses {@code m}. */
    private static boolean usedBy(JavaMember m, Predicate<JavaClass> from, Map<String, Integer> words) {
        if (m instanceof JavaField f && isConstant(f)) {
            return words.getOrDefault(f.getName(), 0) > 1;
        }
        if (accessed(m, from)) {
            return true;
        }
        if (m instanceof JavaMethod method) {
            for (JavaClass s : supertypes(method.getOwner())) {
                JavaMember overridden = find(s, method);
                if (overridden != null && s.getName().startsWith(ROOT + ".") && accessed(overridden, from)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean accessed(JavaMember m, Predicate<JavaClass> from) {
        return m.getAccessesToSelf().stream().anyMatch(a -> !a.getOrigin().equals(m) && from.test(a.getOriginOwner()));
    }

    private static boolean isConstant(JavaField f) {
        Set<JavaModifier> mods = f.getModifiers();
        return mods.contains(JavaModifier.STATIC) && mods.contains(JavaModifier.FINAL)
                && (f.getRawType().isPrimitive() || f.getRawType().getName().equals("java.lang.String"));
    }

    /** Whether the method overrides one declared outside this project (the JDK or a library calls it). */
    private static boolean overridesOutside(JavaMethod method) {
        if (method.getModifiers().contains(JavaModifier.STATIC)) {
            return false;
        }
        return supertypes(method.getOwner()).stream()
                .anyMatch(s -> !s.getName().startsWith(ROOT + ".") && find(s, method) != null)
                || method.getOwner().isRecord() && method.getName().equals("equals");
    }

    private static List<JavaClass> supertypes(JavaClass c) {
        return Stream.concat(c.getAllRawSuperclasses().stream(), c.getAllRawInterfaces().stream()).toList();
    }

    /** The member of {@code c} with {@code m}'s name and (for code units) raw parameter types, or null. */
    private static JavaMember find(JavaClass c, JavaMember m) {
        if (c == null) {
            return null;
        }
        if (m instanceof JavaField) {
            return c.getFields().stream().filter(f -> f.getName().equals(m.getName())).findFirst().orElse(null);
        }
        List<String> params = ((JavaCodeUnit) m).getRawParameterTypes().stream().map(JavaClass::getName).toList();
        Set<? extends JavaCodeUnit> units = m instanceof JavaConstructor ? c.getConstructors() : c.getMethods();
        return units.stream().filter(u -> u.getName().equals(m.getName())
                        && u.getRawParameterTypes().stream().map(JavaClass::getName).toList().equals(params))
                .findFirst().orElse(null);
    }

    /** How often each word stands in the main Java sources and FXML files, for the names javac inlines. */
    private static Map<String, Integer> words() {
        try (Stream<Path> files = Stream.concat(Files.walk(Path.of("src", "main", "java")),
                Files.walk(Path.of("resources")))) {
            StringBuilder all = new StringBuilder();
            for (Path p : files.filter(p -> p.toString().endsWith(".java") || p.toString().endsWith(".fxml"))
                    .toList()) {
                all.append(Files.readString(p, StandardCharsets.UTF_8)).append('\n');
            }
            Map<String, Integer> counts = new HashMap<>();
            Pattern.compile("\\w+").matcher(all).results().forEach(r -> counts.merge(r.group(), 1, Integer::sum));
            return counts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What only reflection reaches: the classes made by name (FXML controllers and the custom controls FXML
     * places, the Vector API kernels {@code Simd} and {@code PeakProbe} load, the classes a picocli annotation names
     * in its own package, such as an option's {@code completionCandidates}), and the members FXML names
     * ({@code #handler}, {@code fx:id}, and each attribute set on one of our controls: {@code setX}).
     */
    private record Reflective(Set<String> made, Set<String> members) {
        private static final Pattern CONTROLLER = Pattern.compile("fx:controller=\"([\\w.]+)\"");
        private static final Pattern IMPORT = Pattern.compile("<\\?import (org\\.lstmlab[\\w.]+)\\?>");
        private static final Pattern HANDLER = Pattern.compile("\"#(\\w+)\"");
        private static final Pattern FX_ID = Pattern.compile("fx:id=\"(\\w+)\"");
        private static final Pattern ELEMENT = Pattern.compile("<(\\w+)((?:\\s+[\\w:.]+=\"[^\"]*\")*)\\s*/?>");
        private static final Pattern ATTRIBUTE = Pattern.compile("([\\w.]+)=\"");
        private static final Pattern BY_NAME = Pattern.compile("\"(org\\.lstmlab\\.[\\w.]+)\"");
        private static final Pattern PICOCLI_MAKES = Pattern.compile(
                "(?:completionCandidates|converter|versionProvider|defaultValueProvider)\\s*=\\s*(\\w+)\\.class");
        private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);

        static Reflective read() {
            Set<String> made = new TreeSet<>();
            Set<String> members = new TreeSet<>();
            try (Stream<Path> files = Stream.concat(Files.walk(Path.of("resources")),
                    Files.walk(Path.of("src", "main", "java")))) {
                for (Path p : files.filter(Files::isRegularFile).toList()) {
                    if (!p.toString().endsWith(".java") && !p.toString().endsWith(".fxml")) {
                        continue;  // a picture or a data file: nothing here names a class or a member
                    }
                    String text = Files.readString(p, StandardCharsets.UTF_8);
                    if (p.toString().endsWith(".java")) {
                        all(BY_NAME, text).forEach(made::add);
                        String pkg = all(PACKAGE, text).stream().findFirst().orElse("");
                        all(PICOCLI_MAKES, text).forEach(simple -> made.add(pkg + "." + simple));
                    } else if (p.toString().endsWith(".fxml")) {
                        fxml(text, made, members);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new Reflective(made, members);
        }

        private static void fxml(String text, Set<String> made, Set<String> members) {
            List<String> controllers = all(CONTROLLER, text);
            made.addAll(controllers);
            Map<String, String> controls = new HashMap<>();
            for (String imported : all(IMPORT, text)) {
                made.add(imported);
                controls.put(imported.substring(imported.lastIndexOf('.') + 1), imported);
            }
            for (String controller : controllers) {
                all(HANDLER, text).forEach(h -> members.add(controller + "#" + h));
                all(FX_ID, text).forEach(id -> members.add(controller + "#" + id));
            }
            Matcher e = ELEMENT.matcher(text);
            while (e.find()) {
                String control = controls.get(e.group(1));
                if (control != null) {
                    for (String attribute : all(ATTRIBUTE, e.group(2))) {
                        String name = Character.toUpperCase(attribute.charAt(0)) + attribute.substring(1);
                        members.add(control + "#set" + name);
                        members.add(control + "#get" + name);  // FXML reads the property's type from its getter
                    }
                }
            }
        }

        private static List<String> all(Pattern p, String text) {
            return p.matcher(text).results().map(r -> r.group(1)).toList();
        }
    }
}
