package org.lstmlab.engine.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.lstmlab.testing.EngineBundles;

/** A list of names in a sentence is joined as each language joins one: "a, b, c" in English, "a、b、c" in Chinese. */
class NameListTest {
    private static final List<String> SIX = List.of("c1", "c2", "c3", "c4", "c5", "c6");

    @Test
    void eachLanguageJoinsItsOwnWay() {
        NameList three = NameList.of(List.of("visitors", "sales", "temp"));
        assertEquals("visitors, sales, temp", three.in(EngineBundles.EN));
        assertEquals("visitors、sales、temp", three.in(EngineBundles.ZH));
        assertEquals("visitors, sales, temp", three.toString(), "English, as the command line says it");
        assertEquals("sales", NameList.of(List.of("sales")).in(EngineBundles.ZH));
        assertEquals("", NameList.of(List.of()).in(EngineBundles.EN));
    }

    @Test
    void aLongListIsCutShortAndCounted() {
        assertEquals("c1, c2, c3, c4, c5, … (6 in all)", NameList.first(5, SIX).in(EngineBundles.EN));
        assertEquals("c1、c2、c3、c4、c5 等（共 6 个）", NameList.first(5, SIX).in(EngineBundles.ZH));
        assertEquals("c1, c2, c3, c4, c5, c6", NameList.first(6, SIX).in(EngineBundles.EN), "all six fit");
        assertThrows(IllegalArgumentException.class, () -> NameList.first(0, SIX));
    }

    /** A name with a quote or a brace is a name, not a pattern: MessageFormat sees it only as an argument. */
    @Test
    void namesAreNotPatterns() {
        assertEquals("it's、{0}", NameList.of(List.of("it's", "{0}")).in(EngineBundles.ZH));
    }

    @Test
    void aMessageJoinsItsListInTheReadersLanguage() {
        Message m = Message.of("engine.data.onlyText", NameList.of(List.of("name", "town")));
        assertEquals("has no column of numbers (its columns: name, town); a model reads numbers only", m.english());
        assertEquals("没有一列是数字（现有的列：name、town）；模型只能读数字", m.in(EngineBundles.ZH));
    }
}
