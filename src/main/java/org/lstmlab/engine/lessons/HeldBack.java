package org.lstmlab.engine.lessons;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;

import org.lstmlab.engine.text.Message;
import org.lstmlab.engine.trace.expr.ExprParser;

/**
 * The four rules, checked when a lesson is read, that keep a step from showing its exercise's answer before the
 * student has given one. What "Show me" shows first is the step's {@code actions}; what waits for the answer is
 * its {@code reveal} and a prediction's {@code run}.
 * <ol>
 * <li>What waits must show something new: when every action of the reveal and the run only moves the debugger
 * (jump, breakpoint, mode, beside) to where the step's actions already put it, the answer it was meant to show was
 * on screen before the answer.</li>
 * <li>A prediction's key is decided by its {@code check} over numbers the step measures. Those numbers, and the
 * step's own numbers they are computed from, may be quoted in the explanation only: not in the step's text, the
 * prompt, the choices or the hints, which the student reads before choosing.</li>
 * <li>A choice's feedback is read before the student chooses again: it may not quote those numbers of the key
 * that the step has not shown before the choice, nor a number that only its reveal measures (see
 * {@link RevealedNumbers}) and its text does not quote, nor the right choice. (A prediction's is read after its run
 * and its reveal.)</li>
 * <li>A hint is asked for before the answer: it may not quote a number that only the reveal measures unless the
 * step's text, prompt or choices quote it.</li>
 * </ol>
 * The reader cannot understand a prompt, so these catch the two ways a step gives its answer away that the data
 * show; a teacher still decides which actions show the answer and puts them in {@code reveal}.
 */
final class HeldBack {
    private HeldBack() {
    }

    /**
     * The rules for a step with an exercise: its fields in the file, its actions and reveal, its numbers,
     * {@code measured}, every name the step defines (its values and its training runs' numbers), and
     * {@code revealed}, those its reveal measures, with the line of the reveal's action.
     */
    static void check(Map<String, YamlNode> f, List<Action> actions, List<Action> reveal, Exercise ex,
                      Map<String, ValueDef> values, Set<String> measured, Map<String, Integer> revealed, Text text)
            throws LessonFormatException {
        Map<String, YamlNode> e = f.get("exercise").fields(LessonReader.EXERCISE);
        List<Action> waiting = new ArrayList<>(reveal);
        waiting.addAll(ex.run());
        List<YamlNode> nodes = new ArrayList<>(f.containsKey("reveal") ? f.get("reveal").items() : List.of());
        nodes.addAll(e.containsKey("run") ? e.get("run").items() : List.of());
        showsSomethingNew(actions, waiting, nodes);
        if (ex.kind() == Exercise.Kind.NUMERIC) {
            return;
        }
        List<Shown> shown = new ArrayList<>(List.of(new Shown(f.get("text"), text),
                new Shown(e.get("prompt"), ex.prompt())));
        List<YamlNode> choices = e.get("choices").items();
        for (int k = 0; k < choices.size(); k++) {
            shown.add(new Shown(choices.get(k), ex.choices().get(k)));
        }
        List<YamlNode> hintNodes = e.get("hints").items();
        List<Shown> hints = new ArrayList<>();
        for (int k = 0; k < hintNodes.size(); k++) {
            hints.add(new Shown(hintNodes.get(k), ex.hints().get(k)));
        }
        hintsWaitForTheReveal(revealed, shown, hints);
        shown.addAll(hints);
        if (ex.kind() == Exercise.Kind.PREDICT) {
            keepsTheKeyQuiet(ex, values, measured, shown);
            return;
        }
        List<Shown> feedback = new ArrayList<>();
        for (int k = 0; k < choices.size(); k++) {
            YamlNode fb = choices.get(k).fields("en", "zh", "feedback").get("feedback");
            if (fb != null) {
                feedback.add(new Shown(fb, ex.feedback(k)));
            }
        }
        feedbackKeepsTheKey(ex, key(ex, values, measured), revealed, shown, feedback);
    }

    /**
     * Rule 1. {@code actions} are the step's; {@code waiting} the reveal's actions then the run's, with their
     * nodes in the file (list items) in the same order.
     */
    static void showsSomethingNew(List<Action> actions, List<Action> waiting, List<YamlNode> nodes)
            throws LessonFormatException {
        Object cursor = null;   // the step's last jump (its t) or breakpoint (its condition)
        Action cursorBy = null;
        Action mode = null;
        Action beside = null;
        for (Action a : actions) {
            if (a instanceof Action.Jump j) {
                cursor = j.t();
                cursorBy = a;
            } else if (a instanceof Action.Breakpoint b) {
                cursor = b.condition();
                cursorBy = a;
            } else if (a instanceof Action.Mode) {
                mode = a;
            } else if (a instanceof Action.Beside) {
                beside = a;
            }
        }
        if (waiting.isEmpty()) {
            return;
        }
        Action first = null;
        for (Action a : waiting) {
            Action same = a instanceof Action.Jump j && Objects.equals(cursor, j.t()) ? cursorBy
                    : a instanceof Action.Breakpoint b && Objects.equals(cursor, b.condition()) ? cursorBy
                    : a instanceof Action.Mode m && mode instanceof Action.Mode had
                            && had.direction() == m.direction() ? mode
                    : a instanceof Action.Beside b && beside instanceof Action.Beside had
                            && had.cell() == b.cell() ? beside : null;
            if (same == null) {
                return;   // this one changes what the debugger shows
            }
            first = first == null ? same : first;
        }
        YamlNode item = nodes.get(0);
        YamlNode where = item.fields(ActionReader.ACTIONS.toArray(String[]::new)).values().iterator().next();
        throw where.error("engine.lesson.shownBefore", first.line());
    }

    /** A text the student reads before the answer, with its node in the file. */
    record Shown(YamlNode node, Text text) {
    }

    /**
     * Rule 2 for a prediction with a check. {@code values} are the step's numbers; {@code measured} every name
     * the step defines (its values and its training runs' numbers).
     */
    static void keepsTheKeyQuiet(Exercise ex, Map<String, ValueDef> values, Set<String> measured, List<Shown> shown)
            throws LessonFormatException {
        if (ex.kind() != Exercise.Kind.PREDICT || ex.check() == null) {
            return;
        }
        Set<String> key = key(ex, values, measured);
        for (Shown s : shown) {
            for (String lang : List.of("en", "zh")) {
                Matcher m = LessonReader.PLACEHOLDER.matcher(s.text().in(lang));
                while (m.find()) {
                    if (key.contains(m.group(1))) {
                        throw s.node().error("engine.lesson.quotesKey", "{{" + m.group(1) + "}}",
                                Message.of("engine.lesson.textIn." + lang), ex.check());
                    }
                }
            }
        }
    }

    /** The numbers the check reads that the step measures, and the step's own numbers those are computed from. */
    private static Set<String> key(Exercise ex, Map<String, ValueDef> values, Set<String> measured) {
        Set<String> key = new LinkedHashSet<>();
        List<String> todo = new ArrayList<>(ex.check() == null ? List.of() : ExprParser.parse(ex.check()).names());
        while (!todo.isEmpty()) {
            String n = todo.remove(todo.size() - 1);
            if (measured.contains(n) && key.add(n) && values.get(n) instanceof ValueDef.Expr e) {
                todo.addAll(ExprParser.parse(e.expr()).names());
            }
        }
        return key;
    }

    /**
     * Rule 3, for a choice (a student who chose wrong may choose again after reading the choice's feedback): a
     * feedback may quote a number of the {@code key}, or one that only the reveal measures ({@code revealed}, with
     * the line of the reveal's action), only when what was {@code shown} before the choice quotes it too, and it may
     * not contain the right choice's words.
     */
    static void feedbackKeepsTheKey(Exercise ex, Set<String> key, Map<String, Integer> revealed, List<Shown> shown,
                                    List<Shown> feedback) throws LessonFormatException {
        Set<String> seen = quoted(shown);
        Text right = ex.choices().get(ex.correct());
        for (Shown s : feedback) {
            for (String lang : List.of("en", "zh")) {
                waitsForTheReveal(s, lang, revealed, seen, "engine.lesson.feedbackQuotesRevealed");
                Matcher m = LessonReader.PLACEHOLDER.matcher(s.text().in(lang));
                while (m.find()) {
                    if (key.contains(m.group(1)) && !seen.contains(m.group(1))) {
                        throw s.node().error("engine.lesson.feedbackQuotesKey", "{{" + m.group(1) + "}}",
                                Message.of("engine.lesson.textIn." + lang), ex.check());
                    }
                }
                if (plain(s.text().in(lang)).contains(plain(right.in(lang)))) {
                    throw s.node().error("engine.lesson.feedbackQuotesChoice",
                            Message.of("engine.lesson.textIn." + lang), right.in(lang).strip());
                }
            }
        }
    }

    /**
     * Rule 4: a hint is asked for before the answer, so it may quote a number that only the reveal measures
     * ({@code revealed}, with the line of the reveal's action) only when what the step shows before the hints
     * ({@code before}: its text, the prompt, the choices) quotes it too. (The key's numbers are rules 2 and 3: a
     * prediction's may be quoted by none of these texts; a choice's key is a choice, and its numbers only tie the
     * choice to the engine.)
     */
    static void hintsWaitForTheReveal(Map<String, Integer> revealed, List<Shown> before, List<Shown> hints)
            throws LessonFormatException {
        Set<String> seen = quoted(before);
        for (Shown s : hints) {
            for (String lang : List.of("en", "zh")) {
                waitsForTheReveal(s, lang, revealed, seen, "engine.lesson.hintQuotesRevealed");
            }
        }
    }

    /**
     * Refuses, with the error {@code errorKey}, a number {@code s} quotes in {@code lang} that only the reveal
     * measures ({@code revealed}, with the line of its action) and that the texts read before it have not quoted
     * ({@code seen}).
     */
    private static void waitsForTheReveal(Shown s, String lang, Map<String, Integer> revealed, Set<String> seen,
                                          String errorKey) throws LessonFormatException {
        Matcher m = LessonReader.PLACEHOLDER.matcher(s.text().in(lang));
        while (m.find()) {
            if (revealed.containsKey(m.group(1)) && !seen.contains(m.group(1))) {
                throw s.node().error(errorKey, "{{" + m.group(1) + "}}", Message.of("engine.lesson.textIn." + lang),
                        revealed.get(m.group(1)));
            }
        }
    }

    /** The names of the numbers the texts quote, in either language. */
    private static Set<String> quoted(List<Shown> texts) {
        Set<String> seen = new LinkedHashSet<>();
        for (Shown s : texts) {
            for (String lang : List.of("en", "zh")) {
                Matcher m = LessonReader.PLACEHOLDER.matcher(s.text().in(lang));
                while (m.find()) {
                    seen.add(m.group(1));
                }
            }
        }
        return seen;
    }

    /** Text compared for quoting: lower case, runs of white space as one space. */
    private static String plain(String s) {
        return s.strip().replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT);
    }
}
