package io.fixate.eval.dataset;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import io.fixate.api.CorruptMediaException;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Typed access to the fields of one JSON object of a dataset file; every missing or mistyped field is a
 * {@link CorruptMediaException} naming the file, where in it, and the field.
 */
final class JsonFields {

    private final Path file;
    private final String where;
    private final JsonObject object;

    private JsonFields(Path file, String where, JsonObject object) {
        this.file = file;
        this.where = where;
        this.object = object;
    }

    /**
     * The top-level object of a JSON file.
     *
     * @throws UncheckedIOException  if the file is missing or unreadable
     * @throws CorruptMediaException if it is not JSON or its top level is not an object
     */
    static JsonFields read(Path file) {
        DatasetFiles.requireFile(file);
        JsonElement root;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = JsonParser.parseReader(reader);
        } catch (JsonParseException e) {
            throw new CorruptMediaException(file + " is not valid JSON: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (!root.isJsonObject()) {
            throw new CorruptMediaException(file + " does not hold a JSON object");
        }
        return new JsonFields(file, "", root.getAsJsonObject());
    }

    Path file() {
        return file;
    }

    String string(String field) {
        JsonElement value = require(field);
        if (!(value.isJsonPrimitive() && value.getAsJsonPrimitive().isString())) {
            throw problem("field '" + field + "' must be a string, got " + value);
        }
        return value.getAsString();
    }

    double positiveNumber(String field) {
        JsonElement element = require(field);
        if (!(element.isJsonPrimitive() && element.getAsJsonPrimitive().isNumber())) {
            throw problem("field '" + field + "' must be a number, got " + element);
        }
        double value = element.getAsDouble();
        if (!(value > 0) || Double.isInfinite(value)) {
            throw problem("field '" + field + "' must be positive, got " + value);
        }
        return value;
    }

    int integer(String field) {
        return integerOf(require(field), "field '" + field + "'");
    }

    int positiveInteger(String field) {
        int value = integer(field);
        if (value <= 0) {
            throw problem("field '" + field + "' must be positive, got " + value);
        }
        return value;
    }

    JsonArray array(String field) {
        JsonElement value = require(field);
        if (!value.isJsonArray()) {
            throw problem("field '" + field + "' must be an array, got " + value);
        }
        return value.getAsJsonArray();
    }

    /** The object at {@code index} of the array {@code field}, for reading its own fields. */
    JsonFields objectAt(String field, int index) {
        JsonElement value = array(field).get(index);
        if (!value.isJsonObject()) {
            throw problem(field + "[" + index + "] must be an object, got " + value);
        }
        String place = (where.isEmpty() ? "" : where + ".") + field + "[" + index + "]";
        return new JsonFields(file, place, value.getAsJsonObject());
    }

    /** An element that must be an integer, {@code what} naming it in the message. */
    int integerOf(JsonElement value, String what) {
        if (value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber()) {
            double number = value.getAsDouble();
            if (number == Math.rint(number) && Math.abs(number) <= Integer.MAX_VALUE) {
                return (int) number;
            }
        }
        throw problem(what + " must be an integer, got " + value);
    }

    /** The elements of array {@code field}, each a string. */
    List<String> strings(String field) {
        JsonArray values = array(field);
        List<String> strings = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            JsonElement value = values.get(i);
            if (!(value instanceof JsonPrimitive primitive && primitive.isString())) {
                throw problem(field + "[" + i + "] must be a string, got " + value);
            }
            strings.add(value.getAsString());
        }
        return strings;
    }

    /** Whether {@code field} is present and not null. */
    boolean has(String field) {
        JsonElement value = object.get(field);
        return value != null && !value.isJsonNull();
    }

    /** The elements of array {@code field}, each a non-negative integer, none repeated, in their order. */
    List<Integer> distinctIndices(String field) {
        JsonArray values = array(field);
        List<Integer> indices = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            int index = integerOf(values.get(i), field + "[" + i + "]");
            if (index < 0 || indices.contains(index)) {
                throw problem(field + "[" + i + "] " + index + " is negative or repeated");
            }
            indices.add(index);
        }
        return indices;
    }

    /** A damaged-file error naming the file and this object's place in it. */
    CorruptMediaException problem(String message) {
        return new CorruptMediaException(file + (where.isEmpty() ? "" : " " + where) + ": " + message);
    }

    private JsonElement require(String field) {
        JsonElement value = object.get(field);
        if (value == null || value.isJsonNull()) {
            throw problem("field '" + field + "' is missing");
        }
        return value;
    }
}
