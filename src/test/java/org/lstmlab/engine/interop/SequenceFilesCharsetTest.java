package org.lstmlab.engine.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The encoding a CSV input was read in comes with its sequences, for {@code predict} to say, as {@code train}
 * does, that a file not in UTF-8 was read as GB18030.
 */
class SequenceFilesCharsetTest {
    @TempDir Path dir;

    @Test
    void aGbkFileIsSaidToBeReadAsGb18030AndAUtf8FileAsUtf8() throws Exception {
        String csv = "收盘,成交量\n1,2\n3,4\n5,6\n";
        Path gbk = dir.resolve("gbk.csv");
        Files.write(gbk, csv.getBytes(Charset.forName("GBK")));
        Path utf8 = dir.resolve("utf8.csv");
        Files.writeString(utf8, csv, StandardCharsets.UTF_8);
        SequenceFiles.Sequences g = SequenceFiles.read(gbk, 2, OptionalInt.of(2), List.of("收盘", "成交量"));
        assertEquals("GB18030", g.charset().name());
        assertEquals(2, g.batch(), "its names read right: the model's columns were found");
        assertEquals(StandardCharsets.UTF_8, SequenceFiles.read(utf8, 2, OptionalInt.of(2), List.of()).charset());
    }
}
