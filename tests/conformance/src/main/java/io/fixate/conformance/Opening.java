package io.fixate.conformance;

import io.fixate.api.MissingWeightsException;

import java.util.function.Supplier;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** How the checks open a provider's model: a model whose weights were not given is skipped, not failed. */
final class Opening {

    private Opening() {
    }

    /** The model {@code opener} opens; aborts the check (JUnit assumption) when it needs weights it was not given. */
    static <T> T orSkip(String provider, Supplier<T> opener) {
        try {
            return opener.get();
        } catch (MissingWeightsException e) {
            assumeTrue(false, "no weights given for " + provider + ": " + e.getMessage());
            throw e;
        }
    }
}
