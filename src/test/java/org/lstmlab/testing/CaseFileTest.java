package org.lstmlab.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * A test of what users are told in both languages, case by case from a case file: one test per case, each making
 * its file in a folder of its own with the attempt of the case's name and checking what it says.
 *
 * @param <C> a case as read from the file
 * @param <A> what a case does
 */
public abstract class CaseFileTest<C, A> {
    /** Reads the cases of a class-path resource, by name. */
    @FunctionalInterface
    protected interface Reader<C> {
        Map<String, C> read(String resource) throws IOException;
    }

    /** Does a case with its attempt in an empty folder, checks what the user is told and returns its keys. */
    @FunctionalInterface
    protected interface Checker<C, A> {
        Set<String> check(C c, A attempt, Path dir) throws Exception;
    }

    private final String resource;
    private final Map<String, A> attempts;
    private final Reader<C> reader;
    private final Checker<C, A> checker;

    /** The cases of the class-path resource {@code resource}, each done by the attempt of its name. */
    protected CaseFileTest(String resource, Map<String, A> attempts, Reader<C> reader, Checker<C, A> checker) {
        this.resource = resource;
        this.attempts = attempts;
        this.reader = reader;
        this.checker = checker;
    }

    /** The cases, by name. */
    public Map<String, C> cases() throws IOException {
        return reader.read(resource);
    }

    /** What each case does, by the case's name. */
    public Map<String, A> attempts() {
        return attempts;
    }

    /**
     * Checks that every case has an attempt and every attempt a case, then each case (in a folder of its own under
     * {@code dir}); returns the message keys the cases used.
     */
    public Set<String> checkAll(Path dir) throws Exception {
        Map<String, C> cases = cases();
        assertEquals(new TreeSet<>(attempts.keySet()), new TreeSet<>(cases.keySet()), "a case for every attempt");
        Set<String> keys = new TreeSet<>();
        for (Map.Entry<String, C> c : cases.entrySet()) {
            keys.addAll(checker.check(c.getValue(), attempts.get(c.getKey()),
                    Files.createDirectories(dir.resolve(c.getKey()))));
        }
        return keys;
    }

    @TestFactory
    Stream<DynamicTest> eachCaseIsSaidInEnglishAsBeforeAndInChinese(@TempDir Path dir) throws IOException {
        return cases().entrySet().stream().map(c -> DynamicTest.dynamicTest(c.getKey(), () -> checker.check(
                c.getValue(), attempts.get(c.getKey()), Files.createDirectories(dir.resolve(c.getKey())))));
    }
}
