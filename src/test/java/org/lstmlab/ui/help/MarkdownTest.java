package org.lstmlab.ui.help;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class MarkdownTest {
    @Test
    void blocksOfAGuide() {
        String text = """
                # Title
                <!-- a comment
                over lines -->
                First line
                and its continuation.

                - a bullet
                  that goes on
                1. numbered

                   $$c_t = f_t \\odot c_{t-1}$$

                | a | b |
                |---|---|
                | 1 | x \\| y |

                ![A picture](images/x.png)

                ```bash
                mvn verify
                ```
                > a note
                """;
        List<Markdown.Block> b = Markdown.parse(text);
        assertEquals(List.of(
                new Markdown.Heading(1, "Title"),
                new Markdown.Paragraph("First line and its continuation."),
                new Markdown.Item(0, 0, "a bullet that goes on"),
                new Markdown.Item(1, 0, "numbered"),
                new Markdown.Maths("c_t = f_t \\odot c_{t-1}"),
                new Markdown.Table(List.of(List.of("a", "b"), List.of("1", "x | y"))),
                new Markdown.Picture("A picture", "images/x.png"),
                new Markdown.Code("mvn verify"),
                new Markdown.Quote("a note")), b);
    }

    @Test
    void chineseLinesJoinWithoutASpaceAndEnglishOnesWithOne() {
        assertEquals(List.of(new Markdown.Paragraph("有测试保证两者一致。调试器里显示的是 these same words.")),
                Markdown.parse("有测试保证两者一\n致。调试器里显示的是\nthese same\nwords."));
    }

    @Test
    void inlineSpans() {
        assertEquals(List.of(
                new Markdown.Span(Markdown.Style.PLAIN, "Use ", null),
                new Markdown.Span(Markdown.Style.CODE, "f[0] < 0.2", null),
                new Markdown.Span(Markdown.Style.PLAIN, ", ", null),
                new Markdown.Span(Markdown.Style.BOLD, "never", null),
                new Markdown.Span(Markdown.Style.PLAIN, " ", null),
                new Markdown.Span(Markdown.Style.ITALIC, "squash", null),
                new Markdown.Span(Markdown.Style.PLAIN, " c; see ", null),
                new Markdown.Span(Markdown.Style.LINK, "training", "training.md#top"),
                new Markdown.Span(Markdown.Style.PLAIN, " and ", null),
                new Markdown.Span(Markdown.Style.MATHS, "h_t", null)),
                Markdown.spans("Use `f[0] < 0.2`, **never** *squash* c; see [training](training.md#top) and $h_t$"));
        assertEquals(List.of(new Markdown.Span(Markdown.Style.PLAIN, "2 * 3 * 4", null)), Markdown.spans("2 * 3 * 4"));
    }

    @Test
    void everyBundledGuideParsesIntoHeadingsAndText() {
        for (String lang : List.of("", "zh/")) {
            for (String g : GuideWindow.GUIDES) {
                String text = GuideWindow.read("/org/lstmlab/docs/" + lang + g + ".md");
                assertTrue(text != null, lang + g + ".md is in the build");
                List<Markdown.Block> blocks = Markdown.parse(text);
                assertTrue(blocks.get(0) instanceof Markdown.Heading, lang + g + " starts with its title");
                assertTrue(blocks.size() >= 3, lang + g + " has content");
            }
        }
    }
}
