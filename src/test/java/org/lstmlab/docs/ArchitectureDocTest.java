package org.lstmlab.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * docs/architecture.md's tables of packages are the code's. The engine's: one row per sub-package of
 * {@code org.lstmlab.engine} (its own sub-packages, such as {@code engine.math.simd}, count as part of it), and its
 * "depends on" column names exactly the other engine packages its classes use. The application's: one row for
 * {@code org.lstmlab}, {@code cli}, {@code ui} and each {@code ui.*} package (a row may name several), and its
 * "depends on" column names exactly the others of these it uses, with {@code engine} for any engine package.
 */
class ArchitectureDocTest {
    private static final Path DOC = Path.of("docs", "architecture.md");
    private static final String ENGINE = "org.lstmlab.engine.";
    private static final Pattern ROW = Pattern.compile("^\\| `engine\\.([a-z]+)` \\|.*\\| ([^|]*) \\|$");
    /** A row of the application's table: its first cell names {@code org.lstmlab}, {@code cli} or UI packages. */
    private static final Pattern APP_ROW = Pattern.compile(
            "^\\| ((?:`(?:org\\.lstmlab|cli|ui(?:\\.[a-z]+)?)`(?:, )?)+) \\|.*\\| ([^|]*) \\|$");
    private static final Pattern NAME = Pattern.compile("`([a-z.]+)`");

    @Test
    void theEngineTableNamesWhatEachPackageUses() throws IOException {
        assertEquals(actual(), table(Files.readString(DOC, StandardCharsets.UTF_8)),
                "docs/architecture.md's engine table (package → the engine packages it depends on)");
    }

    @Test
    void theApplicationTableNamesWhatEachPackageUses() throws IOException {
        assertEquals(actualApplication(), applicationTable(Files.readString(DOC, StandardCharsets.UTF_8)),
                "docs/architecture.md's table of org.lstmlab, cli and the ui packages (package → what it depends on)");
    }

    /** A table of the application's own packages is really read: the sentence above cannot pass on an empty one. */
    @Test
    void theApplicationTableIsFound() throws IOException {
        Map<String, Set<String>> table = applicationTable(Files.readString(DOC, StandardCharsets.UTF_8));
        assertEquals(Set.of("engine"), table.get("cli"), "the cli row");
        assertEquals(Set.of("cli", "engine", "ui"), table.get("org.lstmlab"), "the entry point's row");
    }

    static Map<String, Set<String>> actualApplication() {
        Map<String, Set<String>> deps = dependencies(ArchitectureDocTest::applicationPart);
        deps.remove("engine");
        return deps;
    }

    static Map<String, Set<String>> applicationTable(String md) {
        Map<String, Set<String>> rows = new TreeMap<>();
        for (String line : md.lines().toList()) {
            Matcher m = APP_ROW.matcher(line);
            if (m.matches()) {
                Set<String> deps = new TreeSet<>(names(m.group(2)));
                for (String pkg : names(m.group(1))) {
                    rows.put(pkg, deps);
                }
            }
        }
        return rows;
    }

    private static List<String> names(String cell) {
        return NAME.matcher(cell).results().map(r -> r.group(1)).toList();
    }

    /**
     * {@code org.lstmlab.ui.debugger.x} → {@code ui.debugger}, {@code org.lstmlab.cli} → {@code cli}, any engine
     * package → {@code engine}, {@code org.lstmlab} itself → {@code org.lstmlab}; null outside the project.
     */
    private static String applicationPart(String pkg) {
        String root = "org.lstmlab";
        if (pkg.equals(root)) {
            return root;
        }
        if (!pkg.startsWith(root + ".")) {
            return null;
        }
        String[] parts = pkg.substring(root.length() + 1).split("\\.");
        return parts[0].equals("ui") && parts.length > 1 ? "ui." + parts[1] : parts[0];
    }

    static Map<String, Set<String>> actual() {
        return dependencies(ArchitectureDocTest::part);
    }

    /** Each part of the main code (by {@code part}: package → its part, or null to leave out) → the others it uses. */
    private static Map<String, Set<String>> dependencies(UnaryOperator<String> part) {
        Map<String, Set<String>> deps = new TreeMap<>();
        for (JavaClass c : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.lstmlab")) {
            String from = part.apply(c.getPackageName());
            if (from == null) {
                continue;
            }
            Set<String> to = deps.computeIfAbsent(from, k -> new TreeSet<>());
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                String target = part.apply(d.getTargetClass().getPackageName());
                if (target != null && !target.equals(from)) {
                    to.add(target);
                }
            }
        }
        return deps;
    }

    static Map<String, Set<String>> table(String md) {
        Map<String, Set<String>> rows = new TreeMap<>();
        for (String line : md.lines().toList()) {
            Matcher m = ROW.matcher(line);
            if (m.matches()) {
                Set<String> deps = new TreeSet<>();
                for (String d : m.group(2).split(",")) {
                    String name = d.strip();
                    if (!name.isEmpty() && !name.equals("–")) {
                        deps.add(name);
                    }
                }
                rows.put(m.group(1), deps);
            }
        }
        return rows;
    }

    /** {@code org.lstmlab.engine.math.simd} → {@code math}; null outside the engine's sub-packages. */
    private static String part(String pkg) {
        if (!pkg.startsWith(ENGINE)) {
            return null;
        }
        String rest = pkg.substring(ENGINE.length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
