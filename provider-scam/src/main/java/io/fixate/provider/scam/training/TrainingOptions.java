package io.fixate.provider.scam.training;

import io.fixate.api.InvalidOptionsException;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How {@link NetTrainer} trains: epochs, batch size, the SGD learning rate and weight decay, the frame sizes of the
 * augmentation (resize to {@code resizeSize}, crop to {@code inputSize}; equal sizes mean no crop) and the seed of
 * initialisation, shuffling and augmentation; whether the net's visual encoder starts from imported weights ({@code
 * encoderWeights}, a folder {@code fixate import-encoder} wrote) and stays as it is ({@code freezeEncoder}). The
 * reference trains S with batch 8, lr 1e-4, weight decay 5e-4, resize 300, crop 256.
 */
public record TrainingOptions(int epochs, int batchSize, float learningRate, float weightDecay, int inputSize,
                              int resizeSize, long seed, Optional<Path> encoderWeights, boolean freezeEncoder) {

    /** Options of a net that starts from random weights. */
    public TrainingOptions(int epochs, int batchSize, float learningRate, float weightDecay, int inputSize,
                           int resizeSize, long seed) {
        this(epochs, batchSize, learningRate, weightDecay, inputSize, resizeSize, seed, Optional.empty(), false);
    }

    public TrainingOptions {
        Objects.requireNonNull(encoderWeights, "encoderWeights");
        require(!freezeEncoder || encoderWeights.isPresent(), "a frozen encoder needs imported weights");
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
        return new TrainingOptions(newEpochs, batchSize, learningRate, weightDecay, inputSize, resizeSize, seed,
                encoderWeights, freezeEncoder);
    }

    /**
     * What a checkpoint of these options is bound to: every option but the epoch count, which a resumed run may
     * change.
     */
    Map<String, String> checkpointOptions() {
        Map<String, String> options = new HashMap<>(Map.of("batchSize", Integer.toString(batchSize),
                "learningRate", Float.toString(learningRate), "weightDecay", Float.toString(weightDecay),
                "inputSize", Integer.toString(inputSize), "resizeSize", Integer.toString(resizeSize),
                "seed", Long.toString(seed)));
        // only where set, so that the checkpoints of runs from random weights stay what they were
        encoderWeights.ifPresent(folder -> options.put("encoderWeights", folder.toString()));
        if (freezeEncoder) {
            options.put("freezeEncoder", "on");
        }
        return options;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new InvalidOptionsException("training options: " + message);
        }
    }
}
