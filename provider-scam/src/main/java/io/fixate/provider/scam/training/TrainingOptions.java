package io.fixate.provider.scam.training;

import io.fixate.api.InvalidOptionsException;

import java.util.Properties;

/**
 * How {@link NetTrainer} trains: epochs, batch size, the SGD learning rate and weight decay, the frame sizes of the
 * augmentation (resize to {@code resizeSize}, crop to {@code inputSize}; equal sizes mean no crop) and the seed of
 * initialisation, shuffling and augmentation. The reference trains S with batch 8, lr 1e-4, weight decay 5e-4, resize
 * 300, crop 256.
 */
public record TrainingOptions(int epochs, int batchSize, float learningRate, float weightDecay, int inputSize,
                              int resizeSize, long seed) {

    private static final String PREFIX = "options.";

    public TrainingOptions {
        require(epochs > 0, "epochs must be positive, got " + epochs);
        require(batchSize > 0, "batch size must be positive, got " + batchSize);
        require(learningRate > 0 && Float.isFinite(learningRate), "learning rate must be positive, got "
                + learningRate);
        require(weightDecay >= 0 && Float.isFinite(weightDecay), "weight decay must not be negative, got "
                + weightDecay);
        require(inputSize > 0 && resizeSize >= inputSize, "need 0 < input size <= resize size, got input "
                + inputSize + " and resize " + resizeSize);
    }

    /** The same options with another number of epochs, as a resumed run may train longer. */
    public TrainingOptions withEpochs(int newEpochs) {
        return new TrainingOptions(newEpochs, batchSize, learningRate, weightDecay, inputSize, resizeSize, seed);
    }

    /** These options as entries prefixed with {@code options.}. */
    void store(Properties properties) {
        properties.setProperty(PREFIX + "epochs", Integer.toString(epochs));
        properties.setProperty(PREFIX + "batchSize", Integer.toString(batchSize));
        properties.setProperty(PREFIX + "learningRate", Float.toString(learningRate));
        properties.setProperty(PREFIX + "weightDecay", Float.toString(weightDecay));
        properties.setProperty(PREFIX + "inputSize", Integer.toString(inputSize));
        properties.setProperty(PREFIX + "resizeSize", Integer.toString(resizeSize));
        properties.setProperty(PREFIX + "seed", Long.toString(seed));
    }

    /**
     * Options stored by {@link #store}.
     *
     * @throws IllegalArgumentException when an entry is missing or malformed
     */
    static TrainingOptions load(Properties properties) {
        return new TrainingOptions(Integer.parseInt(entry(properties, "epochs")),
                Integer.parseInt(entry(properties, "batchSize")),
                Float.parseFloat(entry(properties, "learningRate")),
                Float.parseFloat(entry(properties, "weightDecay")),
                Integer.parseInt(entry(properties, "inputSize")),
                Integer.parseInt(entry(properties, "resizeSize")),
                Long.parseLong(entry(properties, "seed")));
    }

    private static String entry(Properties properties, String key) {
        String value = properties.getProperty(PREFIX + key);
        if (value == null) {
            throw new IllegalArgumentException("no '" + PREFIX + key + "' entry");
        }
        return value;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new InvalidOptionsException("training options: " + message);
        }
    }
}
