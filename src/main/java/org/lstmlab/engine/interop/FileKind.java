package org.lstmlab.engine.interop;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.lstmlab.engine.bounds.InputFiles;
import org.lstmlab.engine.text.Message;

/** What a model file is, from its first bytes (never from its name alone). */
enum FileKind {
    SAFETENSORS,
    HDF5,
    ZIP,
    PICKLE;

    private static final byte[] HDF5_SIGNATURE = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};

    /**
     * The kind of {@code file}: HDF5 and zip by their signatures; a pickle by its protocol opcode (0x80, then 2 to
     * 5), unless byte 8 opens a JSON object, as a safetensors header does after its 8-byte length, whose first two
     * bytes are 0x80 and 2 to 5 whenever the header is 640, 896, 1152 or 1408 bytes long (or 65,536 more, ...).
     */
    static FileKind of(Path file) throws IOException {
        byte[] head = new byte[9];
        int n;
        // a folder, device or FIFO is refused by its type before it is opened
        try (FileChannel ch = InputFiles.openRegular(file)) {
            ByteBuffer b = ByteBuffer.wrap(head);
            while (b.hasRemaining() && ch.read(b) > 0) {
                // fill up to 9 bytes
            }
            n = b.position();
        }
        if (n >= 8 && java.util.Arrays.equals(head, 0, 8, HDF5_SIGNATURE, 0, 8)) {
            return HDF5;
        }
        if (n >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            return ZIP;
        }
        boolean jsonAfterLength = n == 9 && head[8] == '{';
        if (n >= 2 && (head[0] & 0xff) == 0x80 && head[1] >= 2 && head[1] <= 5 && !jsonAfterLength) {
            return PICKLE;
        }
        return SAFETENSORS;
    }

    /**
     * Why a pickle outside a zip (PyTorch's format before 1.6) is refused, with the two lines of Python that save it
     * again in the zip format {@link TorchSave} reads: {@code file}'s name and the name of the file to write.
     */
    static Message pickled(Path file) {
        String name = file.getFileName().toString();
        Matcher m = Pattern.compile("^(.*?)(\\.(?:pt|pth|bin|ckpt|tar))?$").matcher(name);
        m.matches();
        String ext = m.group(2) == null ? ".pt" : m.group(2);
        return Message.of("engine.import.pickled", name, m.group(1) + "_zip" + ext);
    }
}
