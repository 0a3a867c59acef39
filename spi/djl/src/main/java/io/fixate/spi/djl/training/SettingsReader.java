package io.fixate.spi.djl.training;

import io.fixate.api.InvalidOptionsException;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Reads a trainer's {@code key=value} settings (what {@code fixate train-predictor --set} passes), absent keys taking
 * their defaults, and refuses unknown keys and malformed values with an {@link InvalidOptionsException} that names the
 * trainer and the key, so that every trainer answers a typo the same way.
 */
public final class SettingsReader {

    private final String what;
    private final Map<String, String> entries;

    /**
     * @param what    the trainer, as messages name it (e.g. "STANet distillation")
     * @param entries the settings given
     * @param known   every key the trainer reads
     * @throws InvalidOptionsException for an unknown key, listing the known ones
     */
    public SettingsReader(String what, Map<String, String> entries, List<String> known) {
        this.what = what;
        this.entries = entries;
        TreeSet<String> unknown = new TreeSet<>(entries.keySet());
        known.forEach(unknown::remove);
        if (!unknown.isEmpty()) {
            throw new InvalidOptionsException(what + " does not know setting(s) " + unknown + "; known: "
                    + String.join(", ", known));
        }
    }

    /** The value of {@code key}, trimmed, or {@code fallback}. */
    public String text(String key, String fallback) {
        return entries.getOrDefault(key, fallback).trim();
    }

    /** @throws InvalidOptionsException when the value is not a whole number */
    public int whole(String key, int fallback) {
        String value = text(key, Integer.toString(fallback));
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw refusal(key + " must be a whole number, got '" + value + "'");
        }
    }

    /** @throws InvalidOptionsException when the value is not a number */
    public float number(String key, float fallback) {
        String value = text(key, Float.toString(fallback));
        try {
            return Float.parseFloat(value);
        } catch (NumberFormatException e) {
            throw refusal(key + " must be a number, got '" + value + "'");
        }
    }

    /**
     * Whether the value of {@code key} is {@code yes} rather than {@code no}, its only two values.
     *
     * @throws InvalidOptionsException for any other value
     */
    public boolean either(String key, String fallback, String yes, String no) {
        String value = text(key, fallback);
        if (!value.equals(yes) && !value.equals(no)) {
            throw refusal(key + " must be " + yes + " or " + no + ", got '" + value + "'");
        }
        return value.equals(yes);
    }

    /** An {@code on}/{@code off} setting. */
    public boolean onOff(String key, boolean fallback) {
        return either(key, fallback ? "on" : "off", "on", "off");
    }

    /** The refusal of the settings for {@code reason}, which should name the key. */
    public InvalidOptionsException refusal(String reason) {
        return new InvalidOptionsException(what + " settings: " + reason);
    }
}
