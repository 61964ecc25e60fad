package org.lstmlab.testing;

import java.util.Map;

import org.lstmlab.testing.NoteCases.Case;
import org.lstmlab.testing.NoteCases.NoteFile;

/**
 * A test of what users are told about what an import assumed or ignored: one test per case of a case file, each
 * making its file in a folder of its own, opening it and checking the notes with {@link NoteCases#check}.
 */
public abstract class NoteTest extends CaseFileTest<Case, NoteFile> {
    /** The cases of the class-path resource {@code resource}, each opening the file of its name. */
    protected NoteTest(String resource, Map<String, NoteFile> files) {
        super(resource, files, NoteCases::read, (c, file, dir) -> NoteCases.check(c, NoteCases.notes(file, dir)));
    }
}
