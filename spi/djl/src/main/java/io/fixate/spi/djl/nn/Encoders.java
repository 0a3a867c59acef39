package io.fixate.spi.djl.nn;

import io.fixate.api.AudioRequirement;
import io.fixate.api.InvalidOptionsException;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Encoders by name: {@code compact}, trained from scratch, and the pretrained {@code mobilenet-v2} (visual) and {@code
 * yamnet} (audio), whose weights {@code fixate import-encoder} makes (docs/encoders.md). Each call builds a fresh
 * encoder, because a block belongs to exactly one net. A new encoder (for example the paper's ResNeXt-101 or the
 * VGGSound ResNet-18 + NetVLAD) is added here as one more entry; the nets only read its feature depths (channels and
 * strides) or embedding size.
 *
 * <p>What takes what: STANet feeds every encoder as it declares, frames normalised by {@link
 * io.fixate.spi.djl.FramePreprocessor} and audio windows laid out by {@link io.fixate.spi.djl.AudioPreprocessor}, in
 * training and prediction. SCAM feeds its visual encoder as it declares, in training and labelling, but prepares
 * half-second spectrograms for fresh audio encoders, so it refuses the others ({@link #requireReferenceAudio}).
 */
public final class Encoders {

    /** The default of both kinds: small conv stacks that train from scratch on a CPU. */
    public static final String COMPACT = "compact";

    private static final Map<String, Supplier<VisualEncoder>> VISUAL = new TreeMap<>(Map.of(
            COMPACT, CompactEncoders::visual, MobileNetV2.NAME, MobileNetV2::visual));
    private static final Map<String, Supplier<AudioEncoder>> AUDIO = new TreeMap<>(Map.of(
            COMPACT, CompactEncoders::audio, YamNet.NAME, YamNet::audio));

    private Encoders() {
    }

    /**
     * A new visual encoder.
     *
     * @throws InvalidOptionsException when no visual encoder has that name; the message lists the known names
     */
    public static VisualEncoder visual(String name) {
        return lookup("visual", VISUAL, name);
    }

    /**
     * A new audio encoder.
     *
     * @throws InvalidOptionsException when no audio encoder has that name; the message lists the known names
     */
    public static AudioEncoder audio(String name) {
        return lookup("audio", AUDIO, name);
    }

    /**
     * Refuses audio encoders whose input is not the reference's spectrogram of a half-second Hann window, for nets
     * that feed visual encoders as they declare but audio only that way (SCAM's, today).
     *
     * @throws InvalidOptionsException for an unknown name, or an encoder with another input
     */
    public static void requireReferenceAudio(String audioName) {
        AudioEncoder audio = audio(audioName);
        if (audio.input() != AudioEncoder.Input.SPECTROGRAM || !audio.requirement().equals(AudioRequirement.DEFAULT)) {
            throw new InvalidOptionsException("audio encoder '" + audioName + "' takes " + audio.input() + " of "
                    + audio.requirement() + " with imported weights, which this training does not feed yet; use "
                    + COMPACT);
        }
    }

    /** Names accepted by {@link #visual(String)}, sorted. */
    public static List<String> visualNames() {
        return List.copyOf(VISUAL.keySet());
    }

    /** Names accepted by {@link #audio(String)}, sorted. */
    public static List<String> audioNames() {
        return List.copyOf(AUDIO.keySet());
    }

    private static <E> E lookup(String kind, Map<String, Supplier<E>> registry, String name) {
        Supplier<E> factory = registry.get(name);
        if (factory == null) {
            throw new InvalidOptionsException("unknown " + kind + " encoder '" + name + "'; known " + kind
                    + " encoders: " + String.join(", ", registry.keySet()));
        }
        return factory.get();
    }
}
