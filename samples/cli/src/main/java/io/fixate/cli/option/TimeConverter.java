package io.fixate.cli.option;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses a time as seconds ({@code 12.5}) or clock time ({@code 1:02.5}, {@code 0:01:02}) into microseconds. */
public final class TimeConverter implements ITypeConverter<Long> {

    @Override
    public Long convert(String text) {
        String[] parts = text.trim().split(":", -1);
        if (parts.length > 3) {
            throw invalid(text);
        }
        double seconds = 0;
        try {
            for (String part : parts) {
                double value = Double.parseDouble(part);
                if (!(value >= 0) || Double.isInfinite(value)) {
                    throw invalid(text);
                }
                seconds = seconds * 60 + value;
            }
        } catch (NumberFormatException e) {
            throw invalid(text);
        }
        return Math.round(seconds * 1_000_000);
    }

    private static TypeConversionException invalid(String text) {
        return new TypeConversionException(
                "'" + text + "' is not a time: use seconds (12.5) or minutes:seconds (1:02.5)");
    }
}
