package org.lstmlab.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.lstmlab.engine.tasks.CharLmTask;

class CharVocabularyTest {

    /**
     * A Chinese-like text of {@code distinct} characters from U+4E00 on, character k (from 0) appearing
     * {@code distinct − k} times: a frequency that falls with rank, as in real text.
     */
    static String zipfText(int distinct) {
        StringBuilder sb = new StringBuilder();
        for (int round = 0; round < distinct; round++) {
            for (int k = 0; k < distinct - round; k++) {
                sb.appendCodePoint(0x4E00 + k);
            }
        }
        return sb.toString();
    }

    @Test
    void aSmallTextKeepsEveryCharacterInCodePointOrder() {
        CharVocabulary v = CharVocabulary.of("春眠不觉晓，处处闻啼鸟。😀", 1000);
        assertFalse(v.hasRareBucket());
        assertEquals(12, v.size());
        assertEquals("。", v.symbols().get(0));
        assertEquals("😀", v.symbols().get(11), "an emoji is one symbol");
        assertEquals(1.0, v.coverage());
        assertThrows(IllegalArgumentException.class, () -> v.id("夏".codePointAt(0)), "no bucket: unknown is an error");
    }

    @Test
    void aLargeTextKeepsItsMostFrequentCharactersAndBucketsTheRest() {
        String text = zipfText(3000);
        CharVocabulary v = CharVocabulary.of(text, 1000);
        assertTrue(v.hasRareBucket());
        assertEquals(1000, v.size());
        assertEquals(CharVocabulary.RARE, v.symbols().get(999));
        assertEquals("\u4E00", v.symbols().get(0), "the most frequent character is kept");
        int kept = 0x4E00 + 998;    // the 999th most frequent
        int rare = 0x4E00 + 999;    // the 1000th: in the bucket
        assertEquals(998, v.id(kept));
        assertEquals(999, v.id(rare));
        assertEquals(999, v.id(0x4E00 + 2999));
        // coverage: the kept characters' share of the running text, counted independently
        long all = 3000L * 3001 / 2;
        long inBucket = 0;
        for (int k = 999; k < 3000; k++) {
            inBucket += 3000 - k;
        }
        assertEquals((double) (all - inBucket) / all, v.coverage(), 1e-12);
        int[] ids = v.encode(new String(Character.toChars(kept)) + new String(Character.toChars(rare)));
        assertArrayEquals(new int[] {998, 999}, ids);
    }

    @Test
    void tiesGoToTheLowerCodePointSoTheVocabularyIsTheSameEveryRun() {
        CharVocabulary v = CharVocabulary.of("cbadcbadcbad", 3);  // four characters, each three times
        assertEquals(List.of("a", "b", CharVocabulary.RARE), v.symbols());
        assertThrows(IllegalArgumentException.class, () -> CharVocabulary.of("abc", 1));
    }

    @Test
    void theCharacterModelTrainsOnTextWithThousandsOfDistinctCharacters() {
        CharLmTask task = new CharLmTask(zipfText(1500).substring(0, 200_000), "novel.txt");
        Dataset d = task.generate(16, 3);
        assertEquals(CharLmTask.MAX_VOCABULARY, d.inputSize());
        assertEquals(CharVocabulary.RARE, d.vocabulary().get(CharLmTask.MAX_VOCABULARY - 1));
        for (Sample s : d.train().subList(0, 20)) {
            for (int t = 0; t + 1 < s.steps(); t++) {
                assertEquals(s.tokens()[t + 1], s.classes()[t], "the target is the next character");
            }
        }
        CharLmTask small = new CharLmTask(zipfText(40), "short.txt", 10);
        assertEquals(10, small.alphabet().size());
    }
}
