package org.lstmlab.hostile;

import java.nio.file.Path;

import org.lstmlab.engine.io.AtomicFiles;

/**
 * A save that never finishes: writes some bytes of {@code args[0]}, says so, then waits to be killed. What a
 * killed process leaves behind is what Rule 5's and Rule 4's tests look at.
 */
public final class SlowSave {
    private SlowSave() {
    }

    public static void main(String[] args) throws Exception {
        AtomicFiles.write(Path.of(args[0]), out -> {
            out.write(new byte[200_000]);
            out.flush();
            System.out.println("writing");
            System.out.flush();
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }
}
