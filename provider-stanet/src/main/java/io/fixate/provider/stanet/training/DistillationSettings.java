package io.fixate.provider.stanet.training;

import io.fixate.api.InvalidOptionsException;
import io.fixate.spi.djl.FrameFit;
import io.fixate.spi.djl.nn.Encoders;
import io.fixate.spi.djl.training.SettingsReader;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The settings of a distillation run, from {@link io.fixate.spi.TrainingRequest#settings()}, each with a default
 * sized for the compact encoders on two CPU cores.
 *
 * <p>Learning rate: the reference trains STA with 1e-3 at batch 1 (plain per-sample steps); the default here is 0.01
 * at batch 8 because the loss is a mean over the batch (BCE) or a sum normalised by it (KL), so a batch step has about
 * the size of one per-sample step while averaging away most of its noise; a larger rate compensates the fewer steps
 * per epoch, as the linear scaling rule for SGD suggests (8 × 1e-3 ≈ 0.01). The reference keeps the rate constant;
 * here it follows a cosine from the given rate down towards 0 over the epochs by default: at a constant rate the
 * validation CC of the small benchmark jumped by ±0.05 from epoch to epoch; annealed, it rose steadily with seed 7
 * and less so with seed 11, which is why the trainer also keeps the best epoch (docs/stanet.md).
 *
 * @param inputSize     side of the square frames and pseudo-maps the net trains at (and then predicts at)
 * @param epochs        epochs over the training samples
 * @param batchSize     samples per step
 * @param learningRate  SGD learning rate (of the first epoch under the cosine schedule)
 * @param weightDecay   SGD L2 weight decay
 * @param frameStride   every how many frames a sample is taken (neighbouring frames are near duplicates)
 * @param visualEncoder name of the visual encoder ({@link Encoders})
 * @param audioEncoder  name of the audio encoder; its window and input (a spectrogram or raw samples) are fed as it
 *                      declares, in training and prediction
 * @param augment       whether training frames are colour-jittered and samples mirrored ({@link
 *                      DistillationBatches#augmenting})
 * @param cosine        whether the learning rate anneals along a cosine over the epochs, or stays constant
 * @param encoderWeights folder of pretrained visual-encoder weights ({@code fixate import-encoder}) the run starts
 *                       from, or empty to start from random weights
 * @param freezeEncoder whether those pretrained weights stay as they are (only the rest of the net learns)
 * @param audioEncoderWeights folder of pretrained audio-encoder weights ({@code fixate import-encoder}) the run
 *                            starts from, or empty to start from random weights
 * @param freezeAudioEncoder  whether those stay as they are
 * @param frameFit      how frames of another aspect ratio than 1:1 (and their target maps) are laid into the square
 *                      input: squashed over it or padded with their aspect kept ({@link FrameFit}); the weights
 *                      record it and prediction follows it
 */
public record DistillationSettings(int inputSize, int epochs, int batchSize, float learningRate, float weightDecay,
                                   int frameStride, String visualEncoder, String audioEncoder, boolean augment,
                                   boolean cosine, String encoderWeights, boolean freezeEncoder,
                                   String audioEncoderWeights, boolean freezeAudioEncoder, FrameFit frameFit) {

    static final String INPUT_SIZE = "input-size";
    static final String EPOCHS = "epochs";
    static final String BATCH = "batch";
    static final String LEARNING_RATE = "lr";
    static final String WEIGHT_DECAY = "weight-decay";
    static final String FRAME_STRIDE = "frame-stride";
    static final String VISUAL_ENCODER = "visual-encoder";
    static final String AUDIO_ENCODER = "audio-encoder";
    static final String AUGMENT = "augment";
    static final String SCHEDULE = "schedule";
    static final String ENCODER_WEIGHTS = "encoder-weights";
    static final String FREEZE_ENCODER = "freeze-encoder";
    static final String AUDIO_ENCODER_WEIGHTS = "audio-encoder-weights";
    static final String FREEZE_AUDIO_ENCODER = "freeze-audio-encoder";
    static final String FRAME_FIT = "frame-fit";
    private static final List<String> KEYS = List.of(INPUT_SIZE, EPOCHS, BATCH, LEARNING_RATE, SCHEDULE,
            WEIGHT_DECAY, FRAME_STRIDE, VISUAL_ENCODER, AUDIO_ENCODER, AUGMENT, ENCODER_WEIGHTS, FREEZE_ENCODER,
            AUDIO_ENCODER_WEIGHTS, FREEZE_AUDIO_ENCODER, FRAME_FIT);

    /** @throws InvalidOptionsException for a size, count or rate out of range, or an unknown encoder */
    public DistillationSettings {
        require(inputSize >= 32, INPUT_SIZE + " must be at least 32");
        require(epochs > 0, EPOCHS + " must be positive");
        require(batchSize > 0, BATCH + " must be positive");
        require(learningRate > 0 && Float.isFinite(learningRate), LEARNING_RATE + " must be positive");
        require(weightDecay >= 0 && Float.isFinite(weightDecay), WEIGHT_DECAY + " must not be negative");
        require(frameStride > 0, FRAME_STRIDE + " must be positive");
        Encoders.visual(visualEncoder);
        Encoders.audio(audioEncoder);
        requireWeightsToFreeze(freezeEncoder, FREEZE_ENCODER, encoderWeights, ENCODER_WEIGHTS);
        requireWeightsToFreeze(freezeAudioEncoder, FREEZE_AUDIO_ENCODER, audioEncoderWeights, AUDIO_ENCODER_WEIGHTS);
        require(frameFit != null, FRAME_FIT + " must be given");
    }

    /** The folder of pretrained weights the visual encoder starts from, if any. */
    Optional<Path> encoderFolder() {
        return folder(encoderWeights);
    }

    /** The folder of pretrained weights the audio encoder starts from, if any. */
    Optional<Path> audioEncoderFolder() {
        return folder(audioEncoderWeights);
    }

    /**
     * Settings from {@code key=value} entries; absent keys take their defaults.
     *
     * @throws InvalidOptionsException for an unknown key (the message lists the known ones) or a malformed value
     */
    public static DistillationSettings parse(Map<String, String> entries) {
        SettingsReader read = new SettingsReader("STANet distillation", entries, KEYS);
        return new DistillationSettings(read.whole(INPUT_SIZE, 128), read.whole(EPOCHS, 16), read.whole(BATCH, 8),
                read.number(LEARNING_RATE, 0.01f), read.number(WEIGHT_DECAY, 5e-4f), read.whole(FRAME_STRIDE, 2),
                read.text(VISUAL_ENCODER, Encoders.COMPACT), read.text(AUDIO_ENCODER, Encoders.COMPACT),
                read.onOff(AUGMENT, true), read.either(SCHEDULE, "cosine", "cosine", "constant"),
                read.text(ENCODER_WEIGHTS, ""), read.onOff(FREEZE_ENCODER, false),
                read.text(AUDIO_ENCODER_WEIGHTS, ""), read.onOff(FREEZE_AUDIO_ENCODER, false), frameFit(read));
    }

    /** Every setting, defaults included, as the entries {@link #parse} reads. */
    public Map<String, String> entries() {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put(INPUT_SIZE, Integer.toString(inputSize));
        entries.put(EPOCHS, Integer.toString(epochs));
        entries.put(BATCH, Integer.toString(batchSize));
        entries.put(LEARNING_RATE, Float.toString(learningRate));
        entries.put(WEIGHT_DECAY, Float.toString(weightDecay));
        entries.put(FRAME_STRIDE, Integer.toString(frameStride));
        entries.put(VISUAL_ENCODER, visualEncoder);
        entries.put(AUDIO_ENCODER, audioEncoder);
        entries.put(AUGMENT, augment ? "on" : "off");
        entries.put(SCHEDULE, cosine ? "cosine" : "constant");
        entries.put(ENCODER_WEIGHTS, encoderWeights);
        entries.put(FREEZE_ENCODER, freezeEncoder ? "on" : "off");
        entries.put(AUDIO_ENCODER_WEIGHTS, audioEncoderWeights);
        entries.put(FREEZE_AUDIO_ENCODER, freezeAudioEncoder ? "on" : "off");
        entries.put(FRAME_FIT, frameFit.key());
        return entries;
    }

    /** Learning rate of {@code epoch} (from 1): lr·(1 + cos(π(epoch − 1)/epochs))/2 under the cosine schedule. */
    double learningRateOfEpoch(int epoch) {
        return cosine ? learningRate * (1 + Math.cos(Math.PI * (epoch - 1) / epochs)) / 2 : learningRate;
    }

    /**
     * What a checkpoint is bound to: every setting but the epoch count, which a resumed run may raise (under the cosine
     * schedule the remaining epochs then follow the longer cosine).
     */
    Map<String, String> checkpointOptions(long seed) {
        Map<String, String> options = entries();
        options.remove(EPOCHS);
        options.put("seed", Long.toString(seed));
        return options;
    }

    private static Optional<Path> folder(String setting) {
        return setting.isEmpty() ? Optional.empty() : Optional.of(Path.of(setting));
    }

    /** The frame fit the settings name, squash when they name none. */
    private static FrameFit frameFit(SettingsReader read) {
        try {
            return FrameFit.ofKey(read.text(FRAME_FIT, FrameFit.SQUASH.key()));
        } catch (IllegalArgumentException e) {
            throw read.refusal(FRAME_FIT + ": " + e.getMessage());
        }
    }

    /** A frozen encoder must start from pretrained weights: one that never learnt anything would tell nothing. */
    private static void requireWeightsToFreeze(boolean freeze, String freezeKey, String weights, String weightsKey) {
        require(!freeze || !weights.isEmpty(), freezeKey + "=on needs " + weightsKey
                + " (a frozen encoder that never learnt anything would tell the net nothing)");
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new InvalidOptionsException("STANet distillation settings: " + message);
        }
    }
}
