package io.fixate.cli.command;

import io.fixate.api.InvalidOptionsException;
import io.fixate.api.ModelOptions;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The predictors {@code fixate eval} scores, one report row each: {@code --model NAME} is a row named as the model,
 * {@code --model ROW=NAME} a row of its own name bound to the model, so that one model can be scored several times
 * with different settings ({@code --option ROW:KEY=VALUE}) or weights ({@code --weights ROW=PATH}).
 */
final class EvalModelRows {

    /**
     * One row.
     *
     * @param name     the row's name, as --option and --weights address it
     * @param provider the model to open
     * @param named    whether the row was named (ROW=NAME): reports show that name; an unnamed row shows the model's
     *                 own name (an alias as {@code stanet+} shows as {@code stanet-plus})
     * @param options  its weights and settings
     */
    record Row(String name, String provider, boolean named, ModelOptions options) {
    }

    private EvalModelRows() {
    }

    /**
     * The rows of {@code models} with their {@code options} and {@code weights}, in the order of {@code models}.
     *
     * @throws InvalidOptionsException for a malformed --model or --option, a row given twice, or an option or
     *                                 weights naming no row
     */
    static List<Row> parse(List<String> models, List<String> options, Map<String, Path> weights) {
        Map<String, String> providers = new LinkedHashMap<>();
        List<String> named = new ArrayList<>();
        for (String model : models) {
            int equals = model.indexOf('=');
            String row = equals < 0 ? model : model.substring(0, equals);
            String provider = equals < 0 ? model : model.substring(equals + 1);
            if (row.isBlank() || provider.isBlank() || row.contains(":")) {
                throw new InvalidOptionsException("--model must be NAME or ROW=NAME with a row name without ':', "
                        + "got '" + model + "'");
            }
            if (providers.put(row, provider) != null) {
                throw new InvalidOptionsException("--model row '" + row + "' is given twice; name the rows apart "
                        + "(ROW=NAME)");
            }
            if (equals >= 0) {
                named.add(row);
            }
        }
        Map<String, ModelOptions.Builder> builders = new LinkedHashMap<>();
        providers.keySet().forEach(row -> builders.put(row, ModelOptions.builder()));
        for (String option : options) {
            int colon = option.indexOf(':');
            int equals = option.indexOf('=');
            if (colon <= 0 || equals < colon + 2) {
                throw new InvalidOptionsException("--option must be ROW:KEY=VALUE, got '" + option + "'");
            }
            builders.computeIfAbsent(option.substring(0, colon), row -> {
                throw new InvalidOptionsException("--option " + option + " names row '" + row
                        + "', which no --model gives; rows: " + String.join(", ", providers.keySet()));
            }).property(option.substring(colon + 1, equals), option.substring(equals + 1));
        }
        weights.forEach((row, path) -> builders.computeIfAbsent(row, r -> {
            throw new InvalidOptionsException("--weights names " + r + ", which is not a --model row");
        }).weights(path));
        List<Row> rows = new ArrayList<>();
        providers.forEach((row, provider) -> rows.add(new Row(row, provider, named.contains(row),
                builders.get(row).build())));
        return rows;
    }
}
