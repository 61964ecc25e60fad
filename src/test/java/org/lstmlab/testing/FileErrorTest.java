package org.lstmlab.testing;

import java.util.Map;

import org.lstmlab.testing.FileErrorCases.Attempt;
import org.lstmlab.testing.FileErrorCases.Case;

/**
 * A test of what users are told about files that cannot be used: one test per case of a case file, each making
 * its file in a folder of its own and checking the error with {@link FileErrorCases#check}.
 */
public abstract class FileErrorTest extends CaseFileTest<Case, Attempt> {
    /** The cases of the class-path resource {@code resource}, each done by the attempt of its name. */
    protected FileErrorTest(String resource, Map<String, Attempt> attempts) {
        super(resource, attempts, FileErrorCases::read,
                (c, attempt, dir) -> FileErrorCases.check(c, FileErrorCases.failure(attempt, dir)));
    }
}
