package io.fixate.eval.dataset;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A value computed on first use and kept; thread-safe. A computation that throws is tried again on the next use, so
 * a file fixed on disk is read the next time.
 */
final class Lazy<T> implements Supplier<T> {

    private Supplier<? extends T> computation;
    private T value;

    Lazy(Supplier<? extends T> computation) {
        this.computation = Objects.requireNonNull(computation, "computation");
    }

    @Override
    public synchronized T get() {
        if (computation != null) {
            value = Objects.requireNonNull(computation.get(), "lazy value");
            computation = null;
        }
        return value;
    }
}
