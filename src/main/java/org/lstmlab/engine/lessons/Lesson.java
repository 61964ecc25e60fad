package org.lstmlab.engine.lessons;

import java.util.List;

/**
 * One lesson as read from its file: an id that never changes, a title and summary in both languages, the works it
 * cites, and its steps.
 *
 * @param source where it was read from (a resource name or a file path), for messages
 */
public record Lesson(String id, Text title, Text summary, List<String> references, List<Step> steps,
                     String source) {
    public Lesson {
        references = List.copyOf(references);
        steps = List.copyOf(steps);
    }

    /** How many steps hold an exercise. */
    public int exerciseCount() {
        return (int) steps.stream().filter(s -> s.exercise() != null).count();
    }
}
