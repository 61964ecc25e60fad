package org.lstmlab.engine.session;

import java.io.IOException;
import java.nio.file.Path;

import org.lstmlab.engine.io.CheckpointFile;
import org.lstmlab.engine.io.ModelFileException;
import org.lstmlab.engine.tasks.CharLmTask;
import org.lstmlab.engine.tasks.Task;
import org.lstmlab.engine.tasks.Tasks;
import org.lstmlab.engine.text.Message;
import org.lstmlab.engine.text.Refusal;

/**
 * A run read back from its checkpoint file (the app's Files ▸ Save run, {@code train --save-run}): the checkpoint,
 * the record of how the run was made, and its task made again from that record (the user's data file is read
 * again, so that a file that has gone or changed is said at once). The Train tab's Open run and {@code train
 * --resume} both start here.
 */
public record SavedRun(CheckpointFile.Loaded checkpoint, RunRecord run, Task task) {
    /**
     * Reads {@code file}; its errors name the file, the field and the reason. A run made from a file whose data
     * have changed since it was saved is refused (the file named, and what to do): resumed, it would go on with
     * other data than it trained on.
     */
    public static SavedRun open(Path file) throws IOException {
        CheckpointFile.Loaded c = CheckpointFile.load(file);
        String name = String.valueOf(file.getFileName());
        RunRecord run;
        try {
            run = RunRecord.fromMap(c.run(), c.model().spec());
        } catch (Refusal e) {
            throw new ModelFileException(name, e.userMessage());
        }
        if (run.data() == null && !Tasks.names().contains(run.task())) {
            throw new ModelFileException(name, Message.of("engine.model.unknownTask", run.task()));
        }
        Task task = run.openTask();
        String saved = c.run().get(RunSnapshot.DATA_DIGEST);
        if (saved != null && run.data() == null && task instanceof CharLmTask) {   // on which bundled text
            for (String text : CharLmTask.TEXTS) {
                if (saved.equalsIgnoreCase(CharLmTask.bundled(text).dataDigest())) {
                    task = CharLmTask.bundled(text);
                }
            }
        }
        if (saved != null && !saved.equalsIgnoreCase(String.valueOf(task.dataDigest()))) {
            String data = run.data() != null ? String.valueOf(run.data().file().getFileName()) : task.name();
            throw Refusal.of("engine.checkpoint.dataChanged", String.valueOf(file.getFileName()), data);
        }
        return new SavedRun(c, run, task);
    }
}
