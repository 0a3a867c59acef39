package io.fixate.provider.scam.training;

import io.fixate.api.InvalidOptionsException;

import java.util.Map;

/**
 * How {@link NetTrainer} trains: epochs, batch size, the SGD learning rate and weight decay, the frame sizes of the
 * augmentation (resize to {@code resizeSize}, crop to {@code inputSize}; equal sizes mean no crop) and the seed of
 * initialisation, shuffling and augmentation. The reference trains S with batch 8, lr 1e-4, weight decay 5e-4, resize
 * 300, crop 256.
 */
public record TrainingOptions(int epochs, int batchSize, float learningRate, float weightDecay, int inputSize,
                              int resizeSize, long seed) {

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

    /**
     * What a checkpoint of these options is bound to: every option but the epoch count, which a resumed run may
     * change.
     */
    Map<String, String> checkpointOptions() {
        return Map.of("batchSize", Integer.toString(batchSize), "learningRate", Float.toString(learningRate),
                "weightDecay", Float.toString(weightDecay), "inputSize", Integer.toString(inputSize),
                "resizeSize", Integer.toString(resizeSize), "seed", Long.toString(seed));
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new InvalidOptionsException("training options: " + message);
        }
    }
}
