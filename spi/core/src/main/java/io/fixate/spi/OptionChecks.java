package io.fixate.spi;

import io.fixate.api.InvalidOptionsException;
import io.fixate.api.ModelOptions;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** Checks providers run on the options they are opened with, so that every provider words its refusals alike. */
public final class OptionChecks {

    private OptionChecks() {
    }

    /** Rejects provider properties outside {@code known}, listing the accepted keys. */
    public static void requireKnownProperties(String provider, ModelOptions options, Set<String> known) {
        Set<String> unknown = new TreeSet<>(options.properties().keySet());
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            throw new InvalidOptionsException(provider + " does not understand propert" + (unknown.size() == 1 ? "y " : "ies ")
                    + String.join(", ", unknown) + "; it accepts "
                    + (known.isEmpty() ? "none" : String.join(", ", new TreeSet<>(known))));
        }
    }

    /** For providers that load no weights: rejects a weights location rather than ignoring it. */
    public static void requireNoWeights(String provider, ModelOptions options) {
        options.weights().ifPresent(w -> {
            throw new InvalidOptionsException(provider + " uses no trained weights, but weights " + w + " were given");
        });
    }

    /**
     * Parses a whole-number property within [{@code min}, {@code max}] ({@code 3} or {@code 3.0}), or returns
     * {@code fallback} when it is absent.
     */
    public static int intProperty(String provider, ModelOptions options, String key, int fallback, int min, int max) {
        String text = options.properties().get(key);
        if (text == null) {
            return fallback;
        }
        double value = doubleProperty(provider, options, key, fallback, min, max);
        if (value != Math.rint(value)) {
            throw new InvalidOptionsException(provider + " property " + key + " must be a whole number, got " + text);
        }
        return (int) value;
    }

    /**
     * Parses a numeric property within [{@code min}, {@code max}], or returns {@code fallback} when it is absent.
     */
    public static double doubleProperty(String provider, ModelOptions options, String key, double fallback,
                                        double min, double max) {
        String text = options.properties().get(key);
        if (text == null) {
            return fallback;
        }
        double value;
        try {
            value = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new InvalidOptionsException(provider + " property " + key + " must be a number, got '" + text + "'");
        }
        if (!(value >= min && value <= max)) {
            throw new InvalidOptionsException(
                    provider + " property " + key + " must be in [" + min + ", " + max + "], got " + text);
        }
        return value;
    }

    /**
     * Reads a property that takes one of {@code choices} (ignoring case), or returns {@code fallback} when it is
     * absent.
     */
    public static String choiceProperty(String provider, ModelOptions options, String key, String fallback,
                                        List<String> choices) {
        String text = options.properties().get(key);
        if (text == null) {
            return fallback;
        }
        String value = text.trim().toLowerCase(Locale.ROOT);
        if (!choices.contains(value)) {
            throw new InvalidOptionsException(provider + " property " + key + " must be one of "
                    + String.join(", ", choices) + ", got '" + text + "'");
        }
        return value;
    }

    /**
     * Refuses an input size other than the square side {@code trained} the weights were trained at; no size asked for
     * (0 × 0, the native size) is accepted.
     *
     * @throws InvalidOptionsException naming both sizes
     */
    public static void requireInputSize(String provider, ModelOptions options, int trained) {
        boolean nativeSize = options.inputWidth() == 0 && options.inputHeight() == 0;
        if (!nativeSize && (options.inputWidth() != trained || options.inputHeight() != trained)) {
            throw new InvalidOptionsException(provider + " runs at the size its weights were trained at, " + trained
                    + "x" + trained + ", not " + options.inputWidth() + "x" + options.inputHeight());
        }
    }
}
