package org.lstmlab.engine.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The symbols of a character model: a text's distinct characters (Unicode code points, so a CJK character or an
 * emoji is one symbol), at most {@code max} of them. A text with more keeps its {@code max − 1} most frequent
 * characters and maps every other one to a rare-character bucket, {@link #RARE}: a Chinese novel uses three or four
 * thousand distinct characters, and the 1,000 most frequent cover most of its running text.
 */
public final class CharVocabulary {
    /** The rare-character bucket's symbol: U+FFFD, the Unicode replacement character, "a character not known". */
    public static final String RARE = "\uFFFD";

    private final List<String> symbols;
    private final Map<Integer, Integer> ids;
    private final int rare;
    private final long covered;
    private final long total;

    private CharVocabulary(List<String> symbols, Map<Integer, Integer> ids, int rare, long covered, long total) {
        this.symbols = symbols;
        this.ids = ids;
        this.rare = rare;
        this.covered = covered;
        this.total = total;
    }

    /**
     * The vocabulary of {@code text}: every distinct character in code-point order when there are at most
     * {@code max}; else the {@code max − 1} most frequent (ties to the lower code point) in code-point order, then
     * {@link #RARE}.
     */
    public static CharVocabulary of(String text, int max) {
        if (max < 2) {
            throw new IllegalArgumentException("a vocabulary needs room for at least 2 symbols, got " + max);
        }
        Map<Integer, Long> counts = new HashMap<>();
        text.codePoints().forEach(cp -> counts.merge(cp, 1L, Long::sum));
        long total = text.codePointCount(0, text.length());
        TreeSet<Integer> kept;
        boolean bucket = counts.size() > max;
        if (bucket) {
            List<Integer> byCount = new ArrayList<>(counts.keySet());
            byCount.sort((a, b) -> counts.get(b).equals(counts.get(a)) ? Integer.compare(a, b)
                    : Long.compare(counts.get(b), counts.get(a)));
            kept = new TreeSet<>(byCount.subList(0, max - 1));
        } else {
            kept = new TreeSet<>(counts.keySet());
        }
        List<String> symbols = new ArrayList<>(kept.size() + 1);
        Map<Integer, Integer> ids = new HashMap<>();
        long covered = 0;
        for (int cp : kept) {
            ids.put(cp, symbols.size());
            symbols.add(new String(Character.toChars(cp)));
            covered += counts.get(cp);
        }
        int rare = -1;
        if (bucket) {
            rare = symbols.size();
            symbols.add(RARE);
        }
        return new CharVocabulary(Collections.unmodifiableList(symbols), ids, rare, covered, total);
    }

    /** The symbols in one-hot order. */
    public List<String> symbols() {
        return symbols;
    }

    public int size() {
        return symbols.size();
    }

    /** Whether some characters of the text share the rare-character bucket. */
    public boolean hasRareBucket() {
        return rare >= 0;
    }

    /** The fraction of the text's characters that keep a symbol of their own (1 without a bucket). */
    public double coverage() {
        return total == 0 ? 1 : (double) covered / total;
    }

    /** The id of a character: its own, or the bucket's when it is rare. */
    public int id(int codePoint) {
        Integer id = ids.get(codePoint);
        if (id != null) {
            return id;
        }
        if (rare < 0) {
            throw new IllegalArgumentException("U+" + Integer.toHexString(codePoint).toUpperCase(java.util.Locale.ROOT)
                    + " is not in the vocabulary");
        }
        return rare;
    }

    /** The ids of every character of {@code text}. */
    public int[] encode(String text) {
        return text.codePoints().map(this::id).toArray();
    }
}
