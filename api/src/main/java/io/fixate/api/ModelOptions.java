package io.fixate.api;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * How to open a predictor or labeler, immutable; built with {@link #builder()}. Every setting has a sane default:
 * automatic device, the engine's own thread count, the provider's bundled weights and its native input size.
 * Provider-specific settings go in {@link #properties()}; a provider rejects keys it does not know with
 * {@link InvalidOptionsException}, so a typo never passes silently.
 */
public final class ModelOptions {

    private static final ModelOptions DEFAULTS = builder().build();

    private final DeviceChoice device;
    private final int threads;
    private final Path weights;
    private final int inputWidth;
    private final int inputHeight;
    private final Map<String, String> properties;

    private ModelOptions(Builder b) {
        this.device = b.device;
        this.threads = b.threads;
        this.weights = b.weights;
        this.inputWidth = b.inputWidth;
        this.inputHeight = b.inputHeight;
        this.properties = Map.copyOf(b.properties);
    }

    public static ModelOptions defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder preset with these options. */
    public Builder toBuilder() {
        Builder b = new Builder().device(device).threads(threads).weights(weights);
        b.inputWidth = inputWidth;
        b.inputHeight = inputHeight;
        b.properties.putAll(properties);
        return b;
    }

    public DeviceChoice device() {
        return device;
    }

    /** Compute threads for the model; 0 means the engine's default. */
    public int threads() {
        return threads;
    }

    /** A weights file or directory to use instead of the provider's bundled weights. */
    public Optional<Path> weights() {
        return Optional.ofNullable(weights);
    }

    /** Model input width in pixels; 0 means the provider's native size. */
    public int inputWidth() {
        return inputWidth;
    }

    /** Model input height in pixels; 0 means the provider's native size. */
    public int inputHeight() {
        return inputHeight;
    }

    /** Provider-specific settings, sorted by key. */
    public Map<String, String> properties() {
        return new TreeMap<>(properties);
    }

    @Override
    public String toString() {
        return "ModelOptions[device=" + device + ", threads=" + threads + ", weights=" + weights + ", input="
                + (inputWidth == 0 ? "native" : inputWidth + "x" + inputHeight) + ", properties=" + properties() + "]";
    }

    /** Builds {@link ModelOptions}; each setter checks its argument and throws {@link InvalidOptionsException}. */
    public static final class Builder {
        private DeviceChoice device = DeviceChoice.AUTO;
        private int threads;
        private Path weights;
        private int inputWidth;
        private int inputHeight;
        private final Map<String, String> properties = new TreeMap<>();

        private Builder() {
        }

        public Builder device(DeviceChoice device) {
            this.device = Objects.requireNonNull(device, "device");
            return this;
        }

        /** @param threads compute threads, or 0 for the engine's default */
        public Builder threads(int threads) {
            if (threads < 0) {
                throw new InvalidOptionsException("threads must be 0 (engine default) or positive, got " + threads);
            }
            this.threads = threads;
            return this;
        }

        /** @param weights a weights file or directory, or null for the provider's bundled weights */
        public Builder weights(Path weights) {
            this.weights = weights;
            return this;
        }

        /** A square model input of {@code size} pixels, or 0 for the provider's native size. */
        public Builder inputSize(int size) {
            return inputSize(size, size);
        }

        /** A model input of {@code width} × {@code height} pixels, or 0 × 0 for the provider's native size. */
        public Builder inputSize(int width, int height) {
            boolean nativeSize = width == 0 && height == 0;
            if (!nativeSize && (width <= 0 || height <= 0)) {
                throw new InvalidOptionsException(
                        "input size must be positive (or 0 for native), got " + width + "x" + height);
            }
            this.inputWidth = width;
            this.inputHeight = height;
            return this;
        }

        /** A provider-specific setting; see the provider's documentation for the keys it understands. */
        public Builder property(String key, String value) {
            if (key == null || key.isBlank()) {
                throw new InvalidOptionsException("property key must not be blank");
            }
            properties.put(key, Objects.requireNonNull(value, "value of property " + key));
            return this;
        }

        public ModelOptions build() {
            return new ModelOptions(this);
        }
    }
}
