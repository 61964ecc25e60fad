package org.lstmlab.engine.lessons;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.lstmlab.engine.text.Message;

/**
 * The numbers typed into a lesson's text where a placeholder belongs ({@link TypedNumbers}), found without running
 * the engine, as notes for the app to show when a teacher opens a lesson file: {@code lessons --verify} refuses
 * them, and names the engine's nearest number, but a lesson with them still plays. One note per number and field,
 * naming the step (from 1, as the lesson pane counts), the field and the number, and whether the English text, the
 * Chinese or both type it.
 */
public final class TypedNumberNotes {
    private TypedNumberNotes() {
    }

    /** The notes on {@code lesson}, in the order of its file; none for a lesson that types no number. */
    public static List<Message> of(Lesson lesson) {
        List<Message> out = new ArrayList<>();
        for (int i = 0; i < lesson.steps().size(); i++) {
            Step step = lesson.steps().get(i);
            String at = "steps[" + i + "]";
            Where w = new Where(lesson.source(), i + 1, out);
            w.text(step.line(), at + ".text", step.text());
            Exercise ex = step.exercise();
            if (ex == null) {
                continue;
            }
            String in = at + ".exercise";
            w.text(ex.line(), in + ".prompt", ex.prompt());
            for (int k = 0; k < ex.hints().size(); k++) {
                w.text(ex.line(), in + ".hints[" + k + "]", ex.hints().get(k));
            }
            for (int k = 0; k < ex.choices().size(); k++) {
                w.text(ex.line(), in + ".choices[" + k + "]", ex.choices().get(k));
                w.text(ex.line(), in + ".choices[" + k + "].feedback", ex.feedback(k));
            }
            w.text(ex.line(), in + ".explanation", ex.explanation());
        }
        return out;
    }

    /** The step the texts are in, and the notes found so far. */
    private record Where(String source, int step, List<Message> out) {
        void text(int line, String field, Text t) {
            Map<String, String> languages = new LinkedHashMap<>();   // number -> en, zh or both
            for (String lang : List.of("en", "zh")) {
                for (String n : TypedNumbers.numbers(t.in(lang))) {
                    languages.merge(n, lang, (a, b) -> a.equals(b) ? a : "both");
                }
            }
            languages.forEach((n, lang) -> out.add(Message.of("engine.lessonNote.typedNumber", source,
                    Integer.toString(line), Integer.toString(step), field, n,
                    Message.of("engine.lessonNote.in." + lang))));
        }
    }
}
