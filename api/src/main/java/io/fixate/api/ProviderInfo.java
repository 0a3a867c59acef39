package io.fixate.api;

import java.util.List;
import java.util.Objects;

/**
 * How a model presents itself.
 *
 * @param name         the unique name to select it by, e.g. {@code stanet}
 * @param aliases      other accepted names
 * @param description  one line saying what it is
 * @param capabilities what it needs and offers
 */
public record ProviderInfo(String name, List<String> aliases, String description, Capabilities capabilities) {
    public ProviderInfo {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("provider name must not be blank");
        }
        aliases = List.copyOf(aliases);
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(capabilities, "capabilities");
    }

    /** Whether {@code candidate} is this provider's name or one of its aliases, ignoring case. */
    public boolean answersTo(String candidate) {
        return name.equalsIgnoreCase(candidate) || aliases.stream().anyMatch(a -> a.equalsIgnoreCase(candidate));
    }
}
