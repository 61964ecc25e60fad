package org.lstmlab.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.lstmlab.engine.math.JitOptions;

/**
 * Every way the project starts a JVM raises C2's trap limit. Without it, about one start in five compiles the
 * kernels' tiles without their vector stores and trains 2.4 to 10 times slower for the whole process
 * (docs/notes/engine-bench-9-2026-11-29.md): the launcher script, {@code mvn javafx:run}, the jpackage image, the
 * tests and the benchmark scripts.
 */
class JitOptionsTest {
    private static final String OPTION = "-XX:PerMethodTrapLimit=100000";

    @Test
    void thisTestJvmRunsWithTheOption() {
        assertTrue(ManagementFactory.getRuntimeMXBean().getInputArguments().contains(OPTION),
                "surefire's argLine: " + ManagementFactory.getRuntimeMXBean().getInputArguments());
    }

    @Test
    void aJvmWithTheOptionGetsNoHint() {
        assertEquals(Optional.empty(), JitOptions.missingHint());
    }

    /** What {@code java -jar} without the option prints on JDK 17 before training, and when it stays quiet. */
    @Test
    void theHintNamesTheOptionOnlyWhereItIsMissing() {
        String hint = JitOptions.hintFor(true, 100, 17).orElseThrow();
        assertTrue(hint.contains(OPTION) && hint.contains("(it is 100)") && hint.contains("java -jar"), hint);
        assertEquals(Optional.empty(), JitOptions.hintFor(true, 100_000, 17));
        assertEquals(Optional.empty(), JitOptions.hintFor(false, 100, 17), "the plain loops do not need it");
        assertEquals(Optional.empty(), JitOptions.hintFor(true, 100, 25), "not seen on JDK 25");
        assertEquals(Optional.empty(), JitOptions.hintFor(true, -1, 17), "a JVM that does not report the flag");
    }

    @Test
    void thePomPassesItToJavafxRunTheAppImageAndTheTests() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        Matcher m = Pattern.compile("<jit.options>([^<]*)</jit.options>").matcher(pom);
        assertTrue(m.find(), "pom.xml defines jit.options");
        assertEquals(OPTION, m.group(1));
        String javafxRun = pom.substring(pom.indexOf("<artifactId>javafx-maven-plugin</artifactId>"));
        javafxRun = javafxRun.substring(0, javafxRun.indexOf("</options>"));
        assertTrue(javafxRun.contains("<option>${jit.options}</option>"), "mvn javafx:run");
        assertTrue(pom.contains("<argument>--java-options</argument>\n"
                + "                    <argument>${jit.options}</argument>"), "the jpackage image's launcher");
        assertTrue(pom.contains("<argLine>--add-modules ${vector.module} ${jit.options}"), "the tests");
    }

    @Test
    void theLauncherScriptAndTheBenchmarkScriptsPassIt() throws IOException {
        for (String script : new String[] {"bin/lstm-lab", "docs/scripts/peer-rounds.sh", "docs/scripts/ui-bench.sh"}) {
            assertTrue(Files.readString(Path.of(script)).contains(OPTION), script);
        }
    }
}
