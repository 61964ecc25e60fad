package org.lstmlab.engine.io;

import java.io.IOException;

/** A consumer that may throw {@link IOException}: the body of an {@link AtomicFiles#write} call. */
@FunctionalInterface
public interface IOConsumer<T> {
    void accept(T value) throws IOException;
}
