package org.lstmlab.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * docs/architecture.md's table of the engine's packages is the code's: one row per sub-package of
 * {@code org.lstmlab.engine} (its own sub-packages, such as {@code engine.math.simd}, count as part of it), and its
 * "depends on" column names exactly the other engine packages its classes use.
 */
class ArchitectureDocTest {
    private static final Path DOC = Path.of("docs", "architecture.md");
    private static final String ENGINE = "org.lstmlab.engine.";
    private static final Pattern ROW = Pattern.compile("^\\| `engine\\.([a-z]+)` \\|.*\\| ([^|]*) \\|$");

    @Test
    void theEngineTableNamesWhatEachPackageUses() throws IOException {
        assertEquals(actual(), table(Files.readString(DOC, StandardCharsets.UTF_8)),
                "docs/architecture.md's engine table (package → the engine packages it depends on)");
    }

    static Map<String, Set<String>> actual() {
        Map<String, Set<String>> deps = new TreeMap<>();
        for (JavaClass c : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.lstmlab.engine")) {
            String from = part(c.getPackageName());
            if (from == null) {
                continue;
            }
            Set<String> to = deps.computeIfAbsent(from, k -> new TreeSet<>());
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                String target = part(d.getTargetClass().getPackageName());
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
