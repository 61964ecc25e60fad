package org.lstmlab.engine.text;

import java.text.MessageFormat;
import java.util.Collection;
import java.util.List;
import java.util.ResourceBundle;

/**
 * Names (of columns, say) as an argument of a {@link Message}, joined as the reader's language joins a list:
 * {@code visitors, sales} in English, {@code visitors、sales} in Chinese. The bundle says how two items join
 * ({@code engine.list.pair}) and how a list cut short ends ({@code engine.list.more}), so a sentence never
 * hard-codes {@code ", "}.
 *
 * @param names the names, in order
 * @param shown how many of them are written out; the others are counted
 */
public record NameList(List<String> names, int shown) {
    public NameList {
        names = List.copyOf(names);
        if (shown < 1) {
            throw new IllegalArgumentException("shown must be at least 1: " + shown);
        }
    }

    /** Every one of {@code names}, in their order. */
    public static NameList of(Collection<String> names) {
        return new NameList(List.copyOf(names), Math.max(1, names.size()));
    }

    /** How many names a long list writes out, {@link #readable}: a file of 300 columns listed 300 names. */
    public static final int READABLE = 12;

    /** The first {@code shown} of {@code names}, and how many there are in all when there are more. */
    public static NameList first(int shown, Collection<String> names) {
        return new NameList(List.copyOf(names), shown);
    }

    /** {@code names} cut to a readable length: the first {@link #READABLE}, and how many there are in all. */
    public static NameList readable(Collection<String> names) {
        return first(READABLE, names);
    }

    /**
     * {@code names} as a value to type ({@code a,b,c}, for Input columns or {@code --columns}) while it is short,
     * else cut to a readable length in the language of {@code bundle} ({@link #readable}), which reads as no such
     * value.
     */
    public static String typedOrReadable(Collection<String> names, ResourceBundle bundle) {
        return names.size() <= READABLE ? String.join(",", names) : readable(names).in(bundle);
    }

    /** {@link #typedOrReadable(Collection, ResourceBundle)} in English, as the command line prints it. */
    public static String typedOrReadable(Collection<String> names) {
        return names.size() <= READABLE ? String.join(",", names) : readable(names).toString();
    }

    /** The list with the joints of {@code bundle} (any bundle holding the engine's keys). */
    public String in(ResourceBundle bundle) {
        if (names.isEmpty()) {
            return "";
        }
        MessageFormat pair = new MessageFormat(bundle.getString("engine.list.pair"), bundle.getLocale());
        int n = Math.min(shown, names.size());
        String joined = names.get(0);
        for (int i = 1; i < n; i++) {
            joined = pair.format(new Object[] {joined, names.get(i)});
        }
        if (n == names.size()) {
            return joined;
        }
        return new MessageFormat(bundle.getString("engine.list.more"), bundle.getLocale())
                .format(new Object[] {joined, Integer.toString(names.size())});
    }

    /** The list in English. */
    @Override
    public String toString() {
        return Message.of(Message.VERBATIM, this).english();
    }
}
