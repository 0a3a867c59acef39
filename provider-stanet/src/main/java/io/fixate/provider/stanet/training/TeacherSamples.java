package io.fixate.provider.stanet.training;

import io.fixate.api.AudioRequirement;
import io.fixate.api.FixationMap;
import io.fixate.api.FrameWithAudio;
import io.fixate.api.PseudoLabeler;
import io.fixate.spi.ClipMedia;
import io.fixate.spi.TaggedClip;
import io.fixate.spi.TrainingMonitor;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns tagged clips into {@link DistillationSample}s with a teacher: the teacher labels each whole clip through its
 * public {@link PseudoLabeler#label} (whatever labeler it is), then every {@code stride}-th frame becomes a sample
 * with its neighbours (at a clip's ends the frame stands in for the missing one, as the predictor does) and the
 * teacher's map of that frame. Frames stay in memory, about width × height × 3 bytes per sampled frame and neighbour.
 *
 * <p>The teacher is asked with the clip's tag; a clip with several tags is left out, with a note, as the labelers
 * learn one category per clip.
 */
final class TeacherSamples {

    /** The audio window the STA net's spectrogram takes. */
    static final AudioRequirement AUDIO = AudioRequirement.DEFAULT;

    private final PseudoLabeler teacher;
    private final int stride;
    private final int mapSize;

    TeacherSamples(PseudoLabeler teacher, int stride, int mapSize) {
        this.teacher = teacher;
        this.stride = stride;
        this.mapSize = mapSize;
    }

    /** The samples of the clips, clip by clip in the given order, reporting progress as stage {@code stage}. */
    List<DistillationSample> decode(List<TaggedClip> clips, String stage, TrainingMonitor monitor) {
        List<DistillationSample> samples = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        monitor.stageStarted(stage, 1, clips.size());
        for (int i = 0; i < clips.size(); i++) {
            TaggedClip clip = clips.get(i);
            if (clip.tags().size() == 1) {
                decode(clip, samples);
            } else {
                skipped.add(clip.id());
            }
            monitor.stepFinished(stage, 1, i + 1, clips.size(), Float.NaN);
        }
        if (!skipped.isEmpty()) {
            monitor.note(stage, "left out " + skipped.size() + " clip(s) with several tags: " + skipped);
        }
        monitor.note(stage, samples.size() + " samples from " + (clips.size() - skipped.size()) + " clips");
        return samples;
    }

    private void decode(TaggedClip clip, List<DistillationSample> samples) {
        try (ClipMedia media = clip.open(AUDIO)) {
            List<FixationMap> maps = teacher.label(media, clip.tags());
            FrameWithAudio previous = null;
            FrameWithAudio current = null;
            int index = -1;
            for (FrameWithAudio next : media) {
                if (current != null && index % stride == 0) {
                    samples.add(sample(previous == null ? current : previous, current, next, map(maps, index, clip)));
                }
                previous = current;
                current = next;
                index++;
            }
            if (current != null && index % stride == 0) {
                samples.add(sample(previous == null ? current : previous, current, current, map(maps, index, clip)));
            }
        }
    }

    private float[] map(List<FixationMap> maps, int frame, TaggedClip clip) {
        if (frame >= maps.size()) {
            throw new IllegalStateException("labeler " + teacher.info().name() + " gave " + maps.size()
                    + " maps for the frames of " + clip + ", which has more; a labeler gives one map per frame");
        }
        return maps.get(frame).resized(mapSize, mapSize).toArray();
    }

    private static DistillationSample sample(FrameWithAudio previous, FrameWithAudio current, FrameWithAudio next,
                                             float[] map) {
        return new DistillationSample(previous.frame(), current.frame(), next.frame(), current.audio(), map);
    }
}
