package io.fixate.cli;

import io.fixate.api.InvalidOptionsException;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Reads an option whose values are an enum's constants, ignoring case, so a wrong value exits as a usage error. */
final class EnumOption {

    private EnumOption() {
    }

    /** @throws InvalidOptionsException naming {@code option} and its valid values when {@code text} is none */
    static <E extends Enum<E>> E parse(Class<E> type, String text, String option) {
        for (E value : type.getEnumConstants()) {
            if (value.name().equalsIgnoreCase(text)) {
                return value;
            }
        }
        throw new InvalidOptionsException(option + " must be one of " + Arrays.stream(type.getEnumConstants())
                .map(v -> v.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")) + ", got '" + text
                + "'");
    }
}
