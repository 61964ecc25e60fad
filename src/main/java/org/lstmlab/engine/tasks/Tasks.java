package org.lstmlab.engine.tasks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.lstmlab.engine.text.NameList;
import org.lstmlab.engine.text.Refusal;

/** The built-in tasks by command-line name. */
public final class Tasks {
    private static final Map<String, Task> ALL = new LinkedHashMap<>();

    static {
        register(new KerasExampleTask());
        register(new AddingTask());
        register(new ReberTask());
        register(new TemporalOrderTask());
        register(new CopyTask());
        register(new CountingTask());
        register(new SineTask());
        register(new PaddedSineTask());
        register(new RandomWalkTask());
        register(new SentimentTask());
        register(new ChineseSentimentTask());
        register(new CharLmTask());
    }

    private Tasks() {
    }

    private static void register(Task task) {
        ALL.put(task.name(), task);
    }

    public static List<Task> all() {
        return List.copyOf(ALL.values());
    }

    public static List<String> names() {
        return List.copyOf(ALL.keySet());
    }

    /** The task called {@code name}, or an error listing the names there are. */
    public static Task byName(String name) {
        Task t = ALL.get(name);
        if (t == null) {
            throw Refusal.of("engine.task.unknown", name, NameList.of(names()));
        }
        return t;
    }
}
