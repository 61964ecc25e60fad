package org.lstmlab.engine.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.lstmlab.testing.EngineBundles;

/**
 * The checkup's sentences stand on their own: the Compare tab shows a failed model's checkup without any verdict
 * above it, so none of them may point at "the naive prediction its verdict names" (判定中提到的朴素预测), as the one
 * on a model no better than the naive prediction did.
 */
class CheckupStandsAloneTest {
    @Test
    void noSentenceOfTheCheckupPointsAtTheVerdict() {
        List<String> problems = new ArrayList<>();
        for (ResourceBundle b : List.of(EngineBundles.EN, EngineBundles.ZH)) {
            for (String k : new TreeSet<>(b.keySet())) {
                if (!k.startsWith("engine.checkup.") && !k.startsWith("engine.progress.")) {
                    continue;
                }
                for (String word : List.of("verdict", "判定", "结论")) {
                    if (b.getString(k).contains(word)) {
                        problems.add(k + " (" + b.getLocale() + "): " + b.getString(k));
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
    }
}
