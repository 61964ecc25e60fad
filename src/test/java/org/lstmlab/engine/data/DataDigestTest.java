package org.lstmlab.engine.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.lstmlab.engine.loss.Loss;
import org.lstmlab.engine.nn.HeadMode;
import org.lstmlab.engine.tasks.CharLmTask;
import org.lstmlab.engine.tasks.Tasks;

/** The fingerprint a saved run keeps of data made from a file: every value the model sees, and only those. */
class DataDigestTest {
    private static Dataset windows(double... rows) {
        List<Sample> train = List.of(Sample.window(rows, 0, 2, 1, rows[2]), Sample.window(rows, 1, 2, 1, rows[3]));
        return new Dataset("s", train, List.of(Sample.window(rows, 2, 2, 1, rows[4])), 1, 1, HeadMode.LAST,
                Loss.MEAN_SQUARED_ERROR, List.of());
    }

    @Test
    void aDatasetsDigestFollowsItsValuesAndWhereTheyStand() {
        String a = DataDigest.of(windows(1, 2, 3, 4, 5, 6));
        assertEquals(a, DataDigest.of(windows(1, 2, 3, 4, 5, 6)), "the same values give the same digest");
        assertEquals(64, a.length(), "SHA-256 in hex");
        assertNotEquals(a, DataDigest.of(windows(1, 2, 3, 4.000001, 5, 6)), "one value changed");
        assertEquals(a, DataDigest.of(windows(1, 2, 3, 4, 5, 99)), "a row no window reaches does not count");
        assertNotEquals(DataDigest.of(windows(0.0, 2, 3, 4, 5, 6)), DataDigest.of(windows(-0.0, 2, 3, 4, 5, 6)),
                "bit for bit, as the run reads them");
    }

    @Test
    void aTextsDigestIsItsCharacters() {
        String text = "the quick brown fox jumps over the lazy dog. ".repeat(30);
        assertEquals(new CharLmTask(text, "a.txt").dataDigest(), new CharLmTask(text, "b.txt").dataDigest(),
                "the file's name is not its data");
        assertNotEquals(new CharLmTask(text, "a.txt").dataDigest(),
                new CharLmTask(text.replaceFirst("fox", "cat"), "a.txt").dataDigest());
        assertNull(Tasks.byName("adding").dataDigest(), "the seed makes a built-in task's data");
    }
}
