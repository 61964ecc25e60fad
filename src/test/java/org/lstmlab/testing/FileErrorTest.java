package org.lstmlab.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.lstmlab.testing.FileErrorCases.Attempt;
import org.lstmlab.testing.FileErrorCases.Case;

/**
 * A test of what users are told about files that cannot be used: one test per case of a case file, each making
 * its file in a folder of its own and checking the error with {@link FileErrorCases#check}.
 */
public abstract class FileErrorTest {
    private final String resource;
    private final Map<String, Attempt> attempts;

    /** The cases of the class-path resource {@code resource}, each done by the attempt of its name. */
    protected FileErrorTest(String resource, Map<String, Attempt> attempts) {
        this.resource = resource;
        this.attempts = attempts;
    }

    /** The cases, by name. */
    public Map<String, Case> cases() throws IOException {
        return FileErrorCases.read(resource);
    }

    /** What each case does, by the case's name. */
    public Map<String, Attempt> attempts() {
        return attempts;
    }

    @TestFactory
    Stream<DynamicTest> eachFileSaysWhyInEnglishAsBeforeAndInChinese(@TempDir Path dir) throws IOException {
        return cases().values().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> FileErrorCases.check(c,
                FileErrorCases.failure(attempts.get(c.name()), Files.createDirectories(dir.resolve(c.name()))))));
    }
}
