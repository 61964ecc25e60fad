package org.lstmlab.ui.common;

import java.nio.file.Path;

/** File names as the save dialogs return them. */
public final class FileNames {
    private FileNames() {
    }

    /**
     * {@code file} with {@code .ext} added when its name has no extension: a name typed in a save dialog ("我的模型")
     * gets the one the dialog's filter shows, so that an open dialog with that filter lists the file.
     */
    public static Path withExtension(Path file, String ext) {
        String name = file.getFileName().toString();
        return name.contains(".") ? file : file.resolveSibling(name + "." + ext);
    }
}
