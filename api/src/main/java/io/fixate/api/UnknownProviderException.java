package io.fixate.api;

import java.util.List;

/** No provider of the requested kind has the requested name; the message and {@link #available()} list those that do. */
public class UnknownProviderException extends InvalidOptionsException {
    private static final long serialVersionUID = 1L;

    private final List<String> available;

    public UnknownProviderException(String kind, String name, List<String> available) {
        super("no " + kind + " named '" + name + "'; available: "
                + (available.isEmpty() ? "none (no provider module on the path)" : String.join(", ", available)));
        this.available = List.copyOf(available);
    }

    /** Names of the providers of that kind that were discovered. */
    public List<String> available() {
        return available;
    }
}
