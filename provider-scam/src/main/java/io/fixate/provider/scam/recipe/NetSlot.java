package io.fixate.provider.scam.recipe;

import io.fixate.provider.scam.audio.AudioClassifier;
import io.fixate.provider.scam.audio.SoundSwitch;
import io.fixate.provider.scam.labeling.Source;
import io.fixate.provider.scam.nets.SNet;
import io.fixate.provider.scam.nets.SaNet;
import io.fixate.provider.scam.nets.StNet;
import io.fixate.provider.scam.nets.TrainableNet;
import io.fixate.spi.djl.nn.Encoders;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The nets of a trained SCAM labeler, in training order: two audio classifiers, each trained on one half of the
 * training clips to make the switch labels of the other half; the switch; the coarse nets; the fine nets (trained on
 * crops of the coarse regions of interest). Each has its weights file in the labeler's folder.
 */
public enum NetSlot {
    AUDIO_CLASSIFIER_A(null, false),
    AUDIO_CLASSIFIER_B(null, false),
    SWITCH(null, false),
    COARSE_S(Source.S, false),
    COARSE_ST(Source.ST, false),
    COARSE_SA(Source.SA, false),
    FINE_S(Source.S, true),
    FINE_ST(Source.ST, true),
    FINE_SA(Source.SA, true);

    private final Source source;
    private final boolean fine;

    NetSlot(Source source, boolean fine) {
        this.source = source;
        this.fine = fine;
    }

    /** The slot's name in progress reports and manifests, e.g. {@code coarse-st}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Its weights file, relative to the labeler's folder. */
    String fileName() {
        return id() + ".params";
    }

    /** The CAM source of a SCAM net; null for the audio nets. */
    Source source() {
        return source;
    }

    boolean fine() {
        return fine;
    }

    boolean isAudioClassifier() {
        return this == AUDIO_CLASSIFIER_A || this == AUDIO_CLASSIFIER_B;
    }

    /** The slot's stage of a run in {@code folder}, its checkpoints under {@code checkpoints}. */
    NetStage stage(TrainingSettings settings, int classes, Path folder, Path checkpoints, long seed) {
        String hint = source == Source.SA || source == null ? " (the audio nets need at least two training clips with "
                + "sound, and SA needs some whose sound is relevant)" : "";
        return new NetStage(id(), folder.resolve(fileName()), checkpoints.resolve(id()),
                () -> newNet(settings, classes), inputSize(settings), settings.options(this, seed), hint);
    }

    /** The side of the square frames the net takes. */
    int inputSize(TrainingSettings settings) {
        return fine ? settings.fineSize() : settings.coarseSize();
    }

    /** The slot of a SCAM net. */
    static NetSlot of(Source source, boolean fine) {
        for (NetSlot slot : values()) {
            if (slot.source == source && slot.fine == fine) {
                return slot;
            }
        }
        throw new IllegalArgumentException("no slot for " + source + (fine ? " fine" : " coarse"));
    }

    /** A fresh, uninitialised net for this slot; {@code classes} is the label set's size (the switch has two). */
    TrainableNet newNet(TrainingSettings settings, int classes) {
        if (isAudioClassifier()) {
            return new AudioClassifier(Encoders.audio(settings.audioEncoder()), classes);
        }
        if (this == SWITCH) {
            return new SoundSwitch(Encoders.visual(settings.visualEncoder()),
                    Encoders.audio(settings.audioEncoder()));
        }
        return switch (source) {
            case S -> new SNet(Encoders.visual(settings.visualEncoder()), classes);
            case ST -> new StNet(Encoders.visual(settings.visualEncoder()), classes);
            case SA -> new SaNet(Encoders.visual(settings.visualEncoder()), Encoders.audio(settings.audioEncoder()),
                    classes);
        };
    }
}
