package io.fixate.provider.scam.recipe;

import io.fixate.api.AudioRequirement;
import io.fixate.api.FrameWithAudio;
import io.fixate.provider.scam.training.TrainingSample;
import io.fixate.spi.ClipMedia;
import io.fixate.spi.TrainingClip;
import io.fixate.spi.TrainingMonitor;

import java.util.ArrayList;
import java.util.List;

/**
 * Decodes tagged clips into training samples: every {@code stride}-th frame with its neighbours (at a clip's ends the
 * frame stands in for the missing one, as at labelling time), its audio window (null where the clip has no sound)
 * and the index of its tag. The frames stay in memory, about width × height × 3 bytes per frame of the clips.
 *
 * <p>The SCAM nets learn one class per clip, so a clip with several tags is left out, with a note.
 */
final class ClipSamples {

    /** The window the audio front end takes: 0.5 s at 16 kHz, as the reference. */
    static final AudioRequirement AUDIO = AudioRequirement.DEFAULT;

    private ClipSamples() {
    }

    /** The samples of each clip kept, clip by clip in the given order. */
    static List<List<TrainingSample>> decode(List<TrainingClip> clips, List<String> labels, int stride, String stage,
                                             TrainingMonitor monitor) {
        List<List<TrainingSample>> samples = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        monitor.stageStarted(stage, 1, clips.size());
        for (int i = 0; i < clips.size(); i++) {
            TrainingClip clip = clips.get(i);
            if (clip.tags().size() == 1) {
                List<TrainingSample> clipSamples = new ArrayList<>();
                decode(clip, labels.indexOf(clip.tags().iterator().next()), stride, clipSamples);
                samples.add(clipSamples);
            } else {
                skipped.add(clip.id());
            }
            monitor.stepFinished(stage, 1, i + 1, clips.size(), Float.NaN);
        }
        if (!skipped.isEmpty()) {
            monitor.note(stage, "left out " + skipped.size() + " clip(s) with several tags: " + skipped);
        }
        monitor.note(stage, samples.stream().mapToInt(List::size).sum() + " samples from " + samples.size()
                + " clips");
        return samples;
    }

    private static void decode(TrainingClip clip, int tag, int stride, List<TrainingSample> samples) {
        try (ClipMedia media = clip.open(AUDIO)) {
            FrameWithAudio previous = null;
            FrameWithAudio current = null;
            int index = -1;
            for (FrameWithAudio next : media) {
                if (current != null && index % stride == 0) {
                    samples.add(sample(previous == null ? current : previous, current, next, tag));
                }
                previous = current;
                current = next;
                index++;
            }
            if (current != null && index % stride == 0) {
                samples.add(sample(previous == null ? current : previous, current, current, tag));
            }
        }
    }

    private static TrainingSample sample(FrameWithAudio previous, FrameWithAudio current, FrameWithAudio next,
                                         int tag) {
        return new TrainingSample(previous.frame(), current.frame(), next.frame(),
                current.audioPresent() ? current.audio() : null, tag);
    }
}
