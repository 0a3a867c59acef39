package io.fixate.samples.avrsp.training;

import io.fixate.api.InvalidOptionsException;
import io.fixate.samples.avrsp.nets.AvrspConfig;
import io.fixate.samples.avrsp.nets.Fusion;
import io.fixate.spi.djl.training.SettingsReader;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The settings of an AVRSP training run, from {@link io.fixate.spi.TrainingRequest#settings()}, each with a default
 * sized for the compact encoders on two CPU cores: the architecture ({@link AvrspConfig}: frames, encoders, fusion, MS,
 * MRG, RAVF blocks and heads), the input size, the epochs of each phase and the optimisation.
 *
 * <p>Optimisation: the paper trains with AdamW (1e-4, weight decay 1e-5, halving on plateaus); the SDK's epoch loop
 * offers momentum SGD, so the default here is SGD at 0.01 (the rate STANet's distillation uses at a comparable batch)
 * with the paper's weight decay, annealed along a cosine over each phase, and the best epoch of each phase kept.
 *
 * @param config            the net's architecture
 * @param inputSize         side of the square frames and target maps (a multiple of the coarsest scale's stride)
 * @param visualEpochs      epochs of the first, visual-only phase
 * @param audioVisualEpochs epochs of the second, audio-visual phase
 * @param batchSize         clips per step
 * @param learningRate      SGD learning rate at the start of each phase
 * @param weightDecay       SGD L2 weight decay
 * @param frameStride       every how many frames a clip ends (neighbouring clips overlap in all but a frame)
 * @param encoderWeights    folder of pretrained visual-encoder weights ({@code fixate import-encoder}), or empty
 * @param freezeEncoder     whether those pretrained weights stay as they are
 */
public record AvrspSettings(AvrspConfig config, int inputSize, int visualEpochs, int audioVisualEpochs,
                            int batchSize, float learningRate, float weightDecay, int frameStride,
                            String encoderWeights, boolean freezeEncoder) {

    /** The default input size, a multiple of the compact encoder's coarsest stride (16). */
    static final int DEFAULT_INPUT_SIZE = 112;

    static final String FRAMES = "frames";
    static final String INPUT_SIZE = "input-size";
    static final String VISUAL_EPOCHS = "visual-epochs";
    static final String AUDIO_VISUAL_EPOCHS = "audio-visual-epochs";
    static final String BATCH = "batch";
    static final String LEARNING_RATE = "lr";
    static final String WEIGHT_DECAY = "weight-decay";
    static final String FRAME_STRIDE = "frame-stride";
    static final String VISUAL_ENCODER = "visual-encoder";
    static final String AUDIO_ENCODER = "audio-encoder";
    static final String ENCODER_WEIGHTS = "encoder-weights";
    static final String FREEZE_ENCODER = "freeze-encoder";
    static final String FUSION = "fusion";
    static final String MS = "ms";
    static final String MRG = "mrg";
    static final String RAVF_BLOCKS = "ravf-blocks";
    static final String HEADS = "heads";
    private static final List<String> KEYS = List.of(FRAMES, INPUT_SIZE, VISUAL_EPOCHS, AUDIO_VISUAL_EPOCHS, BATCH,
            LEARNING_RATE, WEIGHT_DECAY, FRAME_STRIDE, VISUAL_ENCODER, AUDIO_ENCODER, ENCODER_WEIGHTS, FREEZE_ENCODER,
            FUSION, MS, MRG, RAVF_BLOCKS, HEADS);
    private static final String WHAT = "AVRSP training settings: ";

    /** @throws InvalidOptionsException for a size, count or rate out of range, naming the setting */
    public AvrspSettings {
        require(inputSize >= 32, INPUT_SIZE + " must be at least 32, got " + inputSize);
        require(visualEpochs >= 0, VISUAL_EPOCHS + " must not be negative");
        require(audioVisualEpochs > 0, AUDIO_VISUAL_EPOCHS + " must be positive");
        require(batchSize > 0, BATCH + " must be positive");
        require(learningRate > 0 && Float.isFinite(learningRate), LEARNING_RATE + " must be positive");
        require(weightDecay >= 0 && Float.isFinite(weightDecay), WEIGHT_DECAY + " must not be negative");
        require(frameStride > 0, FRAME_STRIDE + " must be positive");
        require(!freezeEncoder || !encoderWeights.isEmpty(), FREEZE_ENCODER + "=on needs " + ENCODER_WEIGHTS
                + " (a frozen encoder that never learnt anything would tell the net nothing)");
    }

    /**
     * Settings from {@code key=value} entries; absent keys take their defaults.
     *
     * @throws InvalidOptionsException for an unknown key (the message lists the known ones) or a malformed value,
     *                                 naming the setting
     */
    public static AvrspSettings parse(Map<String, String> entries) {
        SettingsReader read = new SettingsReader("AVRSP training", entries, KEYS);
        AvrspConfig defaults = AvrspConfig.DEFAULT;
        AvrspConfig config;
        try {
            config = new AvrspConfig(read.whole(FRAMES, defaults.frames()),
                    read.text(VISUAL_ENCODER, defaults.visualEncoder()),
                    read.text(AUDIO_ENCODER, defaults.audioEncoder()),
                    Fusion.ofKey(read.text(FUSION, defaults.fusion().key()), FUSION),
                    read.onOff(MS, true), read.onOff(MRG, true),
                    read.whole(RAVF_BLOCKS, defaults.blocks()), read.whole(HEADS, defaults.heads()));
        } catch (InvalidOptionsException e) {
            throw new InvalidOptionsException(WHAT + e.getMessage(), e);
        }
        return new AvrspSettings(config, read.whole(INPUT_SIZE, DEFAULT_INPUT_SIZE), read.whole(VISUAL_EPOCHS, 8),
                read.whole(AUDIO_VISUAL_EPOCHS, 8), read.whole(BATCH, 4), read.number(LEARNING_RATE, 0.01f),
                read.number(WEIGHT_DECAY, 1e-5f), read.whole(FRAME_STRIDE, 2), read.text(ENCODER_WEIGHTS, ""),
                read.onOff(FREEZE_ENCODER, false));
    }

    /** Every setting, defaults included, as the entries {@link #parse} reads. */
    public Map<String, String> entries() {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put(FRAMES, Integer.toString(config.frames()));
        entries.put(INPUT_SIZE, Integer.toString(inputSize));
        entries.put(VISUAL_EPOCHS, Integer.toString(visualEpochs));
        entries.put(AUDIO_VISUAL_EPOCHS, Integer.toString(audioVisualEpochs));
        entries.put(BATCH, Integer.toString(batchSize));
        entries.put(LEARNING_RATE, Float.toString(learningRate));
        entries.put(WEIGHT_DECAY, Float.toString(weightDecay));
        entries.put(FRAME_STRIDE, Integer.toString(frameStride));
        entries.put(VISUAL_ENCODER, config.visualEncoder());
        entries.put(AUDIO_ENCODER, config.audioEncoder());
        entries.put(ENCODER_WEIGHTS, encoderWeights);
        entries.put(FREEZE_ENCODER, freezeEncoder ? "on" : "off");
        entries.put(FUSION, config.fusion().key());
        entries.put(MS, config.synergy() ? "on" : "off");
        entries.put(MRG, config.regulator() ? "on" : "off");
        entries.put(RAVF_BLOCKS, Integer.toString(config.blocks()));
        entries.put(HEADS, Integer.toString(config.heads()));
        return entries;
    }

    /**
     * What a phase's checkpoint is bound to: every setting but the epoch counts, which a resumed run may raise, and
     * the seed and phase.
     */
    Map<String, String> checkpointOptions(long seed, String phase) {
        Map<String, String> options = entries();
        options.remove(VISUAL_EPOCHS);
        options.remove(AUDIO_VISUAL_EPOCHS);
        options.put("seed", Long.toString(seed));
        options.put("phase", phase);
        return options;
    }

    /** Learning rate of {@code epoch} (from 1) of a phase of {@code epochs}: lr·(1 + cos(π(epoch − 1)/epochs))/2. */
    double learningRateOfEpoch(int epoch, int epochs) {
        return learningRate * (1 + Math.cos(Math.PI * (epoch - 1) / epochs)) / 2;
    }

    /** The folder of pretrained weights the visual encoder starts from, if any. */
    Optional<Path> encoderFolder() {
        return encoderWeights.isEmpty() ? Optional.empty() : Optional.of(Path.of(encoderWeights));
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new InvalidOptionsException(WHAT + message);
        }
    }
}
