package org.lstmlab.engine.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The works the built-in lessons cite are cited right: each reference is a known work with its authors, venue,
 * volume, pages and year as published (or a framework's documentation, or a blog post), so that an invented paper or
 * a wrong journal cannot slip in; and where a lesson's text names an author with a year, the year is one of that
 * author's cited works. A new reference needs its entry here, checked against the publication.
 */
class LessonReferencesTest {
    /** A distinctive part of the title, and what the reference must then say. */
    static final Map<String, List<String>> WORKS = Map.ofEntries(
            Map.entry("Long short-term memory", List.of("S. Hochreiter and J. Schmidhuber",
                    "Neural Computation 9(8):1735–1780, 1997")),
            Map.entry("Learning to forget", List.of("F. A. Gers, J. Schmidhuber and F. Cummins",
                    "Neural Computation 12(10):2451–2471, 2000")),
            Map.entry("Learning long-term dependencies with gradient descent is difficult", List.of(
                    "Y. Bengio, P. Simard and P. Frasconi", "IEEE Transactions on Neural Networks 5(2):157–166, 1994")),
            Map.entry("Learning phrase representations using RNN encoder–decoder", List.of(
                    "K. Cho, B. van Merriënboer, C. Gulcehre, D. Bahdanau, F. Bougares, H. Schwenk and Y. Bengio",
                    "EMNLP 2014")),
            Map.entry("Empirical evaluation of gated recurrent neural networks", List.of(
                    "J. Chung, C. Gulcehre, K. Cho and Y. Bengio", "NIPS 2014 Deep Learning Workshop")),
            Map.entry("On the difficulty of training recurrent neural networks", List.of(
                    "R. Pascanu, T. Mikolov and Y. Bengio", "ICML 2013")),
            Map.entry("An empirical exploration of recurrent network architectures", List.of(
                    "R. Jozefowicz, W. Zaremba and I. Sutskever", "ICML 2015")),
            Map.entry("LSTM recurrent networks learn simple context-free and context-sensitive languages", List.of(
                    "F. A. Gers and J. Schmidhuber", "IEEE Transactions on Neural Networks 12(6):1333–1340, 2001")),
            Map.entry("On the practical computational power of finite precision RNNs", List.of(
                    "G. Weiss, Y. Goldberg and E. Yahav", "ACL 2018")),
            Map.entry("Adam: a method for stochastic optimization", List.of("D. P. Kingma and J. Ba", "ICLR 2015")),
            Map.entry("A simple way to initialize recurrent networks of rectified linear units", List.of(
                    "Q. V. Le, N. Jaitly and G. E. Hinton", "arXiv:1504.00941, 2015")),
            Map.entry("Understanding LSTM networks", List.of("C. Olah", "Blog post, 2015")),
            Map.entry("Backpropagation through time: what it does and how to do it", List.of("P. J. Werbos",
                    "Proceedings of the IEEE 78(10):1550–1560, 1990")),
            Map.entry("Finding structure in time", List.of("J. L. Elman", "Cognitive Science 14(2):179–211, 1990")),
            Map.entry("Forecasting: principles and practice", List.of("R. J. Hyndman and G. Athanasopoulos",
                    "3rd edition. OTexts, 2021")),
            Map.entry("Another look at measures of forecast accuracy", List.of("R. J. Hyndman and A. B. Koehler",
                    "International Journal of Forecasting 22(4):679–688, 2006")),
            Map.entry("The unreasonable effectiveness of recurrent neural networks", List.of("A. Karpathy",
                    "Blog post, 2015")),
            Map.entry("Early stopping, but when?", List.of("L. Prechelt",
                    "Neural Networks: Tricks of the Trade, LNCS 1524:55–69, Springer, 1998")),
            Map.entry("Unitary evolution recurrent neural networks", List.of("M. Arjovsky, A. Shah and Y. Bengio",
                    "ICML 2016")),
            Map.entry("Dive into Deep Learning", List.of("A. Zhang, Z. C. Lipton, M. Li and A. J. Smola", "d2l.ai")));

    /**
     * The years an author named in a lesson's text may be cited with (CitationsTest checks the docs, bundles and
     * sources with it too). The 1995 technical report of the LSTM is named only as such, never as "Hochreiter 1995".
     */
    static final Map<String, Set<String>> YEARS = Map.ofEntries(
            Map.entry("Hochreiter", Set.of("1997")), Map.entry("Gers", Set.of("2000", "2001")),
            Map.entry("Schmidhuber", Set.of("1997", "2000", "2001")), Map.entry("Cummins", Set.of("2000")),
            Map.entry("Bengio", Set.of("1994", "2013", "2014", "2016")), Map.entry("Simard", Set.of("1994")),
            Map.entry("Frasconi", Set.of("1994")), Map.entry("Mikolov", Set.of("2013")),
            Map.entry("Zaremba", Set.of("2015")), Map.entry("Sutskever", Set.of("2015")),
            Map.entry("Goldberg", Set.of("2018")), Map.entry("Yahav", Set.of("2018")),
            Map.entry("Jaitly", Set.of("2015")), Map.entry("Hinton", Set.of("2012", "2015")),
            Map.entry("Arjovsky", Set.of("2016")), Map.entry("Karpathy", Set.of("2015")),
            Map.entry("Prechelt", Set.of("1998")),
            Map.entry("Cho", Set.of("2014")), Map.entry("Chung", Set.of("2014")), Map.entry("Pascanu", Set.of("2013")),
            Map.entry("Jozefowicz", Set.of("2015")), Map.entry("Weiss", Set.of("2018")),
            Map.entry("Kingma", Set.of("2015")), Map.entry("Olah", Set.of("2015")), Map.entry("Greff", Set.of("2017")),
            Map.entry("Werbos", Set.of("1990")), Map.entry("Elman", Set.of("1990")),
            Map.entry("Hyndman", Set.of("2006", "2021")), Map.entry("Koehler", Set.of("2006")));

    @Test
    void everyReferenceIsAKnownWorkCitedAsPublished() {
        List<String> wrong = new ArrayList<>();
        int papers = 0;
        for (Lessons.Entry e : Lessons.all()) {
            for (String ref : e.lesson().references()) {
                if (ref.contains("documentation")) {
                    continue;
                }
                List<String> keys = WORKS.keySet().stream().filter(ref::contains).toList();
                if (keys.size() != 1) {
                    wrong.add(e.id() + ": not a known work: " + ref);
                    continue;
                }
                papers++;
                for (String part : WORKS.get(keys.get(0))) {
                    if (!ref.contains(part)) {
                        wrong.add(e.id() + ": '" + ref + "' should say '" + part + "'");
                    }
                }
            }
        }
        assertEquals(List.of(), wrong);
        assertTrue(papers >= 20, "papers cited: " + papers);
    }

    @Test
    void anAuthorNamedWithAYearInALessonsTextHasThatYear() {
        List<String> wrong = new ArrayList<>();
        int found = 0;
        for (Lessons.Entry e : Lessons.all()) {
            for (String text : texts(e.lesson())) {
                found += wrongYears(text, e.id(), wrong);
            }
        }
        assertEquals(List.of(), wrong);
        assertTrue(found >= 10, "citations found: " + found);
    }

    /** An author's name followed by a year, as "Gers et al. (2000)" or "Hochreiter 和 Schmidhuber 1997". */
    static final Pattern AUTHOR_YEAR = Pattern.compile("\\b(" + String.join("|", YEARS.keySet()) + ")\\b(?:(?!"
            + String.join("|", YEARS.keySet()) + ")[^()0-9\\n]){0,50}[ (（]((19|20)\\d\\d)");

    /** Adds to {@code wrong} every author named in {@code text} with a year not theirs; returns how many it read. */
    static int wrongYears(String text, String where, List<String> wrong) {
        Matcher m = AUTHOR_YEAR.matcher(text);
        int found = 0;
        while (m.find()) {
            found++;
            if (!YEARS.get(m.group(1)).contains(m.group(2))) {
                wrong.add(where + ": " + m.group());
            }
        }
        return found;
    }

    private static List<String> texts(Lesson l) {
        List<Text> all = new ArrayList<>(List.of(l.title(), l.summary()));
        for (Step s : l.steps()) {
            all.add(s.text());
            Exercise ex = s.exercise();
            if (ex != null) {
                all.add(ex.prompt());
                all.add(ex.explanation());
                all.addAll(ex.choices());
                all.addAll(ex.hints());
                all.addAll(ex.feedback());
            }
        }
        List<String> out = new ArrayList<>();
        for (Text t : all) {
            if (t != null) {
                out.add(t.en());
                out.add(t.zh());
            }
        }
        return out;
    }
}
