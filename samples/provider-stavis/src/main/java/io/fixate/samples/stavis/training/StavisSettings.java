package io.fixate.samples.stavis.training;

import io.fixate.api.InvalidOptionsException;
import io.fixate.samples.stavis.nets.StavisNet;
import io.fixate.spi.djl.nn.Encoders;
import io.fixate.spi.djl.training.SettingsReader;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The settings of a STAViS training run, from {@link io.fixate.spi.TrainingRequest#settings()}, each with a default
 * sized for the compact encoders on a few CPU cores; an unknown key or a bad value is an {@link
 * InvalidOptionsException} naming the key.
 *
 * @param inputSize          side S of the square frames and target maps ({@value #INPUT_SIZE}, default {@value
 *                           #DEFAULT_INPUT_SIZE}: the compact version's 96–112 px)
 * @param frames             T, the frames of a clip centred on its target ({@value #FRAMES}, default {@value
 *                           #DEFAULT_FRAMES}, 2 to 16)
 * @param visualEpochs       epochs of the visual stage ({@value #VISUAL_EPOCHS})
 * @param audioVisualEpochs  epochs of the audio-visual stage ({@value #AUDIO_VISUAL_EPOCHS})
 * @param batchSize          clips per step ({@value #BATCH})
 * @param learningRate       SGD learning rate of both stages, constant ({@value #LEARNING_RATE})
 * @param weightDecay        SGD L2 weight decay ({@value #WEIGHT_DECAY})
 * @param frameStride        every how many frames of a clip a training sample is taken ({@value #FRAME_STRIDE};
 *                           neighbouring frames are near duplicates)
 * @param visualEncoder      name of the per-frame visual encoder ({@value #VISUAL_ENCODER}, {@link Encoders})
 * @param audioEncoder       name of the audio encoder ({@value #AUDIO_ENCODER})
 * @param localisationMaps   K, the sound localisation maps ({@value #LOCALISATION_MAPS}, default 8, 1 to 64; the
 *                           compact version's 8–16, the paper's 64)
 * @param encoderWeights     folder of imported visual-encoder weights ({@value #ENCODER_WEIGHTS}, {@code fixate
 *                           import-encoder}) the run starts from, empty for random weights
 * @param freezeEncoder      whether those weights stay as they are ({@value #FREEZE_ENCODER}, on or off)
 */
public record StavisSettings(int inputSize, int frames, int visualEpochs, int audioVisualEpochs, int batchSize,
                             float learningRate, float weightDecay, int frameStride, String visualEncoder,
                             String audioEncoder, int localisationMaps, String encoderWeights,
                             boolean freezeEncoder) {

    /** The default side of the square input. */
    public static final int DEFAULT_INPUT_SIZE = 112;
    /** The default clip length T. */
    public static final int DEFAULT_FRAMES = 8;

    static final String INPUT_SIZE = "input-size";
    static final String FRAMES = "frames";
    static final String VISUAL_EPOCHS = "visual-epochs";
    static final String AUDIO_VISUAL_EPOCHS = "audio-visual-epochs";
    static final String BATCH = "batch";
    static final String LEARNING_RATE = "lr";
    static final String WEIGHT_DECAY = "weight-decay";
    static final String FRAME_STRIDE = "frame-stride";
    static final String VISUAL_ENCODER = "visual-encoder";
    static final String AUDIO_ENCODER = "audio-encoder";
    static final String LOCALISATION_MAPS = "localisation-maps";
    static final String ENCODER_WEIGHTS = "encoder-weights";
    static final String FREEZE_ENCODER = "freeze-encoder";
    private static final List<String> KEYS = List.of(INPUT_SIZE, FRAMES, VISUAL_EPOCHS, AUDIO_VISUAL_EPOCHS, BATCH,
            LEARNING_RATE, WEIGHT_DECAY, FRAME_STRIDE, VISUAL_ENCODER, AUDIO_ENCODER, LOCALISATION_MAPS,
            ENCODER_WEIGHTS, FREEZE_ENCODER);
    private static final String WHAT = "STAViS training setting ";

    /** @throws InvalidOptionsException for a value out of range, naming its key, or an unknown encoder */
    public StavisSettings {
        require(inputSize >= 32 && inputSize <= 512, INPUT_SIZE, "must be in [32, 512]", inputSize);
        require(frames >= 2 && frames <= 16, FRAMES, "must be in [2, 16]", frames);
        require(visualEpochs > 0, VISUAL_EPOCHS, "must be positive", visualEpochs);
        require(audioVisualEpochs > 0, AUDIO_VISUAL_EPOCHS, "must be positive", audioVisualEpochs);
        require(batchSize > 0, BATCH, "must be positive", batchSize);
        require(learningRate > 0 && Float.isFinite(learningRate), LEARNING_RATE, "must be positive", learningRate);
        require(weightDecay >= 0 && Float.isFinite(weightDecay), WEIGHT_DECAY, "must not be negative", weightDecay);
        require(frameStride > 0, FRAME_STRIDE, "must be positive", frameStride);
        require(localisationMaps >= 1 && localisationMaps <= 64, LOCALISATION_MAPS, "must be in [1, 64]",
                localisationMaps);
        Encoders.visual(visualEncoder);
        Encoders.audio(audioEncoder);
        require(!freezeEncoder || !encoderWeights.isEmpty(), FREEZE_ENCODER, "=on needs " + ENCODER_WEIGHTS
                + " (a frozen encoder that never learnt anything would tell the net nothing); got", "on");
    }

    /**
     * Settings from {@code key=value} entries; absent keys take their defaults.
     *
     * @throws InvalidOptionsException for an unknown key (the message lists the known ones) or a malformed value,
     *                                 naming its key
     */
    public static StavisSettings parse(Map<String, String> entries) {
        SettingsReader read = new SettingsReader("STAViS training", entries, KEYS);
        return new StavisSettings(read.whole(INPUT_SIZE, DEFAULT_INPUT_SIZE), read.whole(FRAMES, DEFAULT_FRAMES),
                read.whole(VISUAL_EPOCHS, 8), read.whole(AUDIO_VISUAL_EPOCHS, 4), read.whole(BATCH, 4),
                read.number(LEARNING_RATE, 0.01f), read.number(WEIGHT_DECAY, 5e-4f), read.whole(FRAME_STRIDE, 2),
                read.text(VISUAL_ENCODER, Encoders.COMPACT), read.text(AUDIO_ENCODER, Encoders.COMPACT),
                read.whole(LOCALISATION_MAPS, 8), read.text(ENCODER_WEIGHTS, ""), read.onOff(FREEZE_ENCODER, false));
    }

    /** Every setting, defaults included, as the entries {@link #parse} reads: what a run's record holds. */
    public Map<String, String> entries() {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put(INPUT_SIZE, Integer.toString(inputSize));
        entries.put(FRAMES, Integer.toString(frames));
        entries.put(VISUAL_EPOCHS, Integer.toString(visualEpochs));
        entries.put(AUDIO_VISUAL_EPOCHS, Integer.toString(audioVisualEpochs));
        entries.put(BATCH, Integer.toString(batchSize));
        entries.put(LEARNING_RATE, Float.toString(learningRate));
        entries.put(WEIGHT_DECAY, Float.toString(weightDecay));
        entries.put(FRAME_STRIDE, Integer.toString(frameStride));
        entries.put(VISUAL_ENCODER, visualEncoder);
        entries.put(AUDIO_ENCODER, audioEncoder);
        entries.put(LOCALISATION_MAPS, Integer.toString(localisationMaps));
        entries.put(ENCODER_WEIGHTS, encoderWeights);
        entries.put(FREEZE_ENCODER, freezeEncoder ? "on" : "off");
        return entries;
    }

    /**
     * What a checkpoint of a stage is bound to: every setting but the epoch counts (a resumed run may train longer),
     * and the seed.
     */
    Map<String, String> checkpointOptions(long seed) {
        Map<String, String> options = entries();
        options.remove(VISUAL_EPOCHS);
        options.remove(AUDIO_VISUAL_EPOCHS);
        options.put("seed", Long.toString(seed));
        return options;
    }

    /** A fresh net of these settings in {@code mode}. */
    StavisNet net(StavisNet.Mode mode) {
        return new StavisNet(Encoders.visual(visualEncoder), Encoders.audio(audioEncoder), frames, localisationMaps,
                mode);
    }

    /** The folder of imported visual-encoder weights the run starts from, if any. */
    Optional<Path> encoderFolder() {
        return encoderWeights.isEmpty() ? Optional.empty() : Optional.of(Path.of(encoderWeights));
    }

    private static void require(boolean condition, String key, String rule, Object value) {
        if (!condition) {
            throw new InvalidOptionsException(WHAT + key + " " + rule + ", got " + value);
        }
    }
}
