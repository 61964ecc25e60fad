package org.lstmlab.engine.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * A built-in lesson's right choice does not give itself away by being the long, careful one among short wrong
 * ones: where the choices are statements (the longest wrong one has at least {@value #EN_STATEMENT} characters in
 * English, {@value #ZH_STATEMENT} in Chinese, where a Latin word counts as one; a formula counts as one), the right
 * one is at most
 * {@value #LONGER} times as long as the longest wrong one. Three exercises failed this before their choices were
 * rewritten to read alike (gru-gates, lstm-counts and seed-keras-model, whose right choices also repeated the
 * lesson's text).
 */
class ChoicesReadAlikeTest {
    static final int EN_STATEMENT = 40;
    static final int ZH_STATEMENT = 20;
    static final double LONGER = 1.2;

    /**
     * The length a reader sees: code points, each formula between dollars counting as one, and in Chinese each Latin
     * word too (sigmoid is read as one word, as 函数 is).
     */
    static int length(String text, String lang) {
        String plain = text.strip().replaceAll("\\$[^$]*\\$", "X");
        if (lang.equals("zh")) {
            plain = plain.replaceAll("[A-Za-z]+", "w");
        }
        return plain.codePointCount(0, plain.length());
    }

    @Test
    void theRightChoiceIsNotTheLongOneAmongShortWrongOnes() {
        List<String> giveaways = new ArrayList<>();
        int compared = 0;
        for (Lessons.Entry e : Lessons.all()) {
            List<Step> steps = e.lesson().steps();
            for (int k = 0; k < steps.size(); k++) {
                Exercise ex = steps.get(k).exercise();
                if (ex == null || ex.choices().isEmpty()) {
                    continue;
                }
                for (String lang : List.of("en", "zh")) {
                    int right = length(ex.choices().get(ex.correct()).in(lang), lang);
                    int wrong = 0;
                    for (int c = 0; c < ex.choices().size(); c++) {
                        if (c != ex.correct()) {
                            wrong = Math.max(wrong, length(ex.choices().get(c).in(lang), lang));
                        }
                    }
                    if (wrong < (lang.equals("en") ? EN_STATEMENT : ZH_STATEMENT)) {
                        continue;  // short answers ("the GRU", "above 95%") differ in length by nature
                    }
                    compared++;
                    if (right > LONGER * wrong) {
                        giveaways.add(e.id() + " step " + (k + 1) + " (" + lang + "): the right choice has " + right
                                + " characters, the longest wrong one " + wrong);
                    }
                }
            }
        }
        assertTrue(compared >= 10, "the statements compared: " + compared);
        assertEquals(List.of(), giveaways, "right choices longer than the wrong ones");
    }

    @Test
    void aFormulaCountsAsOneAndInChineseALatinWordToo() {
        assertEquals(10, length(" $r_t$ 决定放进多少 $x_t$ ", "zh"));
        assertEquals(6, length("sigmoid 函数 σ", "zh"));
        assertEquals(7, length("the GRU", "en"));
    }
}
