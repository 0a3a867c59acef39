package io.fixate.provider.scam.recipe;

import io.fixate.api.AudioRequirement;
import io.fixate.spi.ClipMedia;
import io.fixate.spi.TrainingClip;
import io.fixate.spi.TrainingMonitor;

import java.util.ArrayList;
import java.util.List;

/**
 * Decodes tagged clips into {@link DecodedClip}s, from which training samples are taken: every {@code stride}-th frame
 * with its neighbours (at a clip's ends the frame stands in for the missing one, as at labelling time), its audio
 * window (null where the clip has no sound) and the index of its tag.
 *
 * <p>The SCAM nets learn one class per clip, so a clip with several tags is left out, with a note.
 */
final class ClipSamples {

    /** The window the audio front end takes: 0.5 s at 16 kHz, as the reference. */
    static final AudioRequirement AUDIO = AudioRequirement.DEFAULT;

    private ClipSamples() {
    }

    /** Each clip kept, decoded, in the given order; notes how many samples of {@code stride} they give. */
    static List<DecodedClip> decode(List<TrainingClip> clips, List<String> labels, int stride, String stage,
                                    TrainingMonitor monitor) {
        List<DecodedClip> decoded = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        monitor.stageStarted(stage, 1, clips.size());
        for (int i = 0; i < clips.size(); i++) {
            TrainingClip clip = clips.get(i);
            if (clip.tags().size() == 1) {
                DecodedClip frames = new DecodedClip(clip.id(), labels.indexOf(clip.tags().iterator().next()));
                try (ClipMedia media = clip.open(AUDIO)) {
                    media.forEach(frames::add);
                }
                decoded.add(frames);
            } else {
                skipped.add(clip.id());
            }
            monitor.stepFinished(stage, 1, i + 1, clips.size(), Float.NaN);
        }
        if (!skipped.isEmpty()) {
            monitor.note(stage, "left out " + skipped.size() + " clip(s) with several tags: " + skipped);
        }
        monitor.note(stage, decoded.stream().mapToInt(clip -> clip.sampledFrames(stride).length).sum()
                + " samples from " + decoded.size() + " clips");
        return decoded;
    }
}
