package io.fixate.provider.scam.recipe;

import io.fixate.api.InvalidOptionsException;
import io.fixate.provider.scam.training.TrainingOptions;
import io.fixate.spi.djl.nn.Encoders;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The settings of a SCAM training run, from {@link io.fixate.spi.TrainingRequest#settings()}; every one has a default
 * sized for the compact encoders on two CPU cores and the synthetic benchmark, starting from random weights. Frame
 * sizes keep the reference's ratio of resize to crop (300 → 256) and of coarse to fine input (256 → 356).
 *
 * @param coarseSize         side of the square frames the coarse nets (and the switch) take
 * @param fineSize           side of the square crops the fine nets take
 * @param epochs             epochs of each coarse and fine SCAM net
 * @param audioEpochs        epochs of the audio classifier and of the switch
 * @param batchSize          samples per step
 * @param learningRate       SGD learning rate of the SCAM nets and the audio classifier
 * @param switchLearningRate SGD learning rate of the switch, lower: its 128 × 128 × 128 bilinear layer diverges at
 *                           the others' rate
 * @param weightDecay        SGD weight decay of the SCAM nets (the audio nets use none, as the reference's switch)
 * @param frameStride        every how many frames a training sample is taken (neighbouring frames are near duplicates)
 * @param visualEncoder      name of the visual encoder ({@link Encoders}); the frames of the nets that see (the SCAM
 *                           nets and the switch) are normalised as it declares
 * @param audioEncoder       name of the audio encoder; only those that take the reference's spectrogram
 * @param encoderWeights     folder of imported visual-encoder weights ({@code fixate import-encoder}) the visual
 *                           encoder of every net that sees starts from, or empty to start from random weights
 * @param freezeEncoder      whether those imported weights stay as they are (only the rest of each net learns)
 */
public record TrainingSettings(int coarseSize, int fineSize, int epochs, int audioEpochs, int batchSize,
                               float learningRate, float switchLearningRate, float weightDecay, int frameStride,
                               String visualEncoder, String audioEncoder, String encoderWeights,
                               boolean freezeEncoder) {

    static final String ENCODER_WEIGHTS = "encoder-weights";
    static final String FREEZE_ENCODER = "freeze-encoder";

    /** Resize side over crop side of training augmentation, the reference's 300 / 256. */
    private static final double RESIZE_RATIO = 300.0 / 256;

    private static final Map<String, Setting> KEYS = new LinkedHashMap<>();

    static {
        KEYS.put("coarse-size", new Setting("96", Integer::parseInt, TrainingSettings::coarseSize));
        KEYS.put("fine-size", new Setting("128", Integer::parseInt, TrainingSettings::fineSize));
        KEYS.put("epochs", new Setting("8", Integer::parseInt, TrainingSettings::epochs));
        KEYS.put("audio-epochs", new Setting("6", Integer::parseInt, TrainingSettings::audioEpochs));
        KEYS.put("batch", new Setting("16", Integer::parseInt, TrainingSettings::batchSize));
        KEYS.put("lr", new Setting("0.02", Float::parseFloat, TrainingSettings::learningRate));
        KEYS.put("switch-lr", new Setting("0.002", Float::parseFloat, TrainingSettings::switchLearningRate));
        KEYS.put("weight-decay", new Setting("5e-4", Float::parseFloat, TrainingSettings::weightDecay));
        KEYS.put("frame-stride", new Setting("2", Integer::parseInt, TrainingSettings::frameStride));
        KEYS.put("visual-encoder", new Setting(Encoders.COMPACT, text -> text, TrainingSettings::visualEncoder));
        KEYS.put("audio-encoder", new Setting(Encoders.COMPACT, text -> text, TrainingSettings::audioEncoder));
        KEYS.put(ENCODER_WEIGHTS, new Setting("", text -> text, TrainingSettings::encoderWeights));
        KEYS.put(FREEZE_ENCODER, new Setting("off", TrainingSettings::onOrOff,
                settings -> settings.freezeEncoder() ? "on" : "off"));
    }

    /**
     * @throws InvalidOptionsException for a size, count or rate out of range, an unknown encoder, an audio encoder
     *                                 that takes other than the reference's spectrogram, or a frozen encoder without
     *                                 imported weights
     */
    public TrainingSettings {
        require(coarseSize >= 32 && fineSize >= 32, "coarse-size and fine-size must be at least 32");
        require(epochs > 0 && audioEpochs > 0, "epochs and audio-epochs must be positive");
        require(batchSize > 0, "batch must be positive");
        require(learningRate > 0 && Float.isFinite(learningRate), "lr must be positive");
        require(switchLearningRate > 0 && Float.isFinite(switchLearningRate), "switch-lr must be positive");
        require(weightDecay >= 0 && Float.isFinite(weightDecay), "weight-decay must not be negative");
        require(frameStride > 0, "frame-stride must be positive");
        // the compact constructor runs before the fields are set, so encoderFolder() cannot serve here
        require(!freezeEncoder || !encoderWeights.isEmpty(), FREEZE_ENCODER + "=on needs " + ENCODER_WEIGHTS
                + " (a frozen encoder that never learnt anything would see nothing)");
        Encoders.visual(visualEncoder);
        Encoders.requireReferenceAudio(audioEncoder);
    }

    /** The folder of imported weights the visual encoders start from, if any. */
    Optional<Path> encoderFolder() {
        return Optional.of(encoderWeights).filter(folder -> !folder.isEmpty()).map(Path::of);
    }

    /**
     * Settings from {@code key=value} entries; absent keys take their defaults.
     *
     * @throws InvalidOptionsException for an unknown key (the message lists the known ones) or a malformed value
     */
    public static TrainingSettings parse(Map<String, String> entries) {
        TreeSet<String> unknown = new TreeSet<>(entries.keySet());
        unknown.removeAll(KEYS.keySet());
        if (!unknown.isEmpty()) {
            throw new InvalidOptionsException("SCAM training does not know setting(s) " + unknown + "; known: "
                    + String.join(", ", KEYS.keySet()));
        }
        Map<String, Object> values = new LinkedHashMap<>();
        KEYS.forEach((key, setting) -> values.put(key, setting.parse(key, entries.getOrDefault(key,
                setting.fallback()))));
        return new TrainingSettings((Integer) values.get("coarse-size"), (Integer) values.get("fine-size"),
                (Integer) values.get("epochs"), (Integer) values.get("audio-epochs"), (Integer) values.get("batch"),
                (Float) values.get("lr"), (Float) values.get("switch-lr"), (Float) values.get("weight-decay"),
                (Integer) values.get("frame-stride"),
                (String) values.get("visual-encoder"), (String) values.get("audio-encoder"),
                (String) values.get(ENCODER_WEIGHTS), (Boolean) values.get(FREEZE_ENCODER));
    }

    /**
     * Trainer options for the net of {@code slot}: the SCAM nets at their input size with crop augmentation; the audio
     * classifier and the switch on coarse frames without crop (the reference feeds the switch whole frames) and
     * without weight decay, as the reference's switch. The nets that see (all but the audio classifiers) start their
     * visual encoder from the imported weights, if any.
     */
    TrainingOptions options(NetSlot slot, long seed) {
        return switch (slot) {
            case AUDIO_CLASSIFIER_A, AUDIO_CLASSIFIER_B -> new TrainingOptions(audioEpochs, batchSize, learningRate,
                    0, coarseSize, coarseSize, seed);
            case SWITCH -> new TrainingOptions(audioEpochs, batchSize, switchLearningRate, 0, coarseSize, coarseSize,
                    seed, encoderFolder(), freezeEncoder);
            default -> new TrainingOptions(epochs, batchSize, learningRate, weightDecay, slot.inputSize(this),
                    (int) Math.round(slot.inputSize(this) * RESIZE_RATIO), seed, encoderFolder(), freezeEncoder);
        };
    }

    /** Every setting, defaults included, as the {@code key=value} entries {@link #parse} reads. */
    public Map<String, String> entries() {
        Map<String, String> entries = new LinkedHashMap<>();
        KEYS.forEach((key, setting) -> entries.put(key, String.valueOf(setting.value().apply(this))));
        return entries;
    }

    private static boolean onOrOff(String text) {
        if (!text.equals("on") && !text.equals("off")) {
            throw new InvalidOptionsException("SCAM training setting " + FREEZE_ENCODER + " must be on or off, got '"
                    + text + "'");
        }
        return text.equals("on");
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new InvalidOptionsException("SCAM training settings: " + message);
        }
    }

    /** One key's default, parser and accessor. */
    private record Setting(String fallback, Function<String, Object> parser,
                           Function<TrainingSettings, Object> value) {

        Object parse(String key, String text) {
            try {
                return parser.apply(text.trim());
            } catch (NumberFormatException e) {
                throw new InvalidOptionsException("SCAM training setting " + key + " must be a number, got '"
                        + text + "'");
            }
        }
    }
}
