package org.lstmlab.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.lstmlab.ui.common.Glossary;

/**
 * docs/glossary.md and docs/zh/glossary.md are made from the same file as Help ▸ Glossary
 * (resources/org/lstmlab/glossary/glossary.tsv); this test fails when they drift apart. Regenerate them by
 * running {@link #main}.
 */
class GlossaryDocTest {
    static final Path ENGLISH = Path.of("docs", "glossary.md");
    static final Path CHINESE = Path.of("docs", "zh", "glossary.md");

    public static void main(String[] args) throws IOException {
        Files.writeString(ENGLISH, Glossary.markdown(Glossary.terms(), false), StandardCharsets.UTF_8);
        Files.writeString(CHINESE, Glossary.markdown(Glossary.terms(), true), StandardCharsets.UTF_8);
        System.out.println("wrote " + ENGLISH + " and " + CHINESE);
    }

    @Test
    void theGlossaryPagesAreTheGlossary() throws IOException {
        assertEquals(Glossary.markdown(Glossary.terms(), true), Files.readString(CHINESE, StandardCharsets.UTF_8),
                "docs/zh/glossary.md is out of date: regenerate it with GlossaryDocTest.main");
        assertEquals(Glossary.markdown(Glossary.terms(), false), Files.readString(ENGLISH, StandardCharsets.UTF_8),
                "docs/glossary.md is out of date: regenerate it with GlossaryDocTest.main");
    }

    @Test
    void theTermsUseDiveIntoDeepLearningsChineseFirst() {
        List<Glossary.Term> terms = Glossary.terms();
        assertChinese(terms, "forget gate", "遗忘门");
        assertChinese(terms, "input gate", "输入门");
        assertChinese(terms, "output gate", "输出门");
        assertChinese(terms, "candidate (PyTorch: “cell gate”)", "候选记忆元");
        assertChinese(terms, "cell state", "记忆元");
        assertChinese(terms, "hidden state", "隐状态");
        assertChinese(terms, "reset gate", "重置门");
        assertChinese(terms, "update gate", "更新门");
        assertChinese(terms, "backpropagation through time (BPTT)", "通过时间反向传播");
        assertChinese(terms, "vanishing gradient", "梯度消失");
        assertChinese(terms, "exploding gradient", "梯度爆炸");
        assertChinese(terms, "gradient clipping", "梯度裁剪");
        Glossary.Term cell = terms.stream().filter(t -> t.english().equals("cell state")).findFirst().orElseThrow();
        assertTrue(cell.chineseOthers().contains("细胞状态"), "the common alternative is given too");
        for (Glossary.Term t : terms) {
            assertFalse(t.english().isEmpty() || t.chinese().isEmpty() || t.note().isEmpty()
                    || t.noteChinese().isEmpty(), "every field of " + t.english() + " is filled in");
        }
    }

    @Test
    void searchFindsATermInEitherLanguage() {
        List<Glossary.Term> terms = Glossary.terms();
        assertTrue(terms.stream().filter(t -> t.matches("遗忘门")).map(Glossary.Term::english).toList()
                .contains("forget gate"));
        assertEquals(List.of(), terms.stream().filter(t -> t.matches("transformer")).toList());
        assertTrue(terms.stream().filter(t -> t.matches("FORGET")).anyMatch(t -> t.chinese().equals("遗忘门")));
    }

    private static void assertChinese(List<Glossary.Term> terms, String english, String chinese) {
        assertEquals(chinese, terms.stream().filter(t -> t.english().equals(english)).findFirst()
                .orElseThrow(() -> new AssertionError("no term " + english)).chinese());
    }
}
