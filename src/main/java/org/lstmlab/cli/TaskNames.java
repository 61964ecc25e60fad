package org.lstmlab.cli;

import java.util.Iterator;

import org.lstmlab.engine.tasks.Tasks;

/** The built-in tasks' names, for {@code --task}'s help: the list follows the tasks there are. */
final class TaskNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
        return Tasks.names().iterator();
    }
}
