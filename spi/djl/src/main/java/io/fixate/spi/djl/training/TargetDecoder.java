package io.fixate.spi.djl.training;

import io.fixate.api.AudioRequirement;
import io.fixate.api.FixationMap;
import io.fixate.api.FrameWithAudio;
import io.fixate.api.ProviderInfo;
import io.fixate.spi.ClipMedia;
import io.fixate.spi.RecordedGaze;
import io.fixate.spi.Teacher;
import io.fixate.spi.TrainingClip;
import io.fixate.spi.TrainingMonitor;
import io.fixate.spi.djl.FrameFit;
import io.fixate.spi.djl.FrameFit.ContentRectangle;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * Decodes training clips with their target maps, the data of a student that learns saliency maps. A clip with
 * recorded gaze is its own target: the density map of each frame that has one. Any other clip is labelled whole by the
 * teacher, through its public interface (whatever model it is). A clip the teacher refuses (a labeler asked for a clip
 * without exactly one tag) is left out, with a note. Frames carry the audio window the student asks for; the teacher
 * hears the one its capabilities declare, from a second reading of the clip where the two differ. Targets are laid
 * into the square training size as the frames are ({@link FrameFit}). Frames stay in memory, about width × height × 3
 * bytes each.
 */
public final class TargetDecoder {

    private final Teacher teacher;
    private final int mapSize;
    private final FrameFit fit;
    private final AudioRequirement audio;

    /** Targets of {@code mapSize} squared, laid out as {@code fit} lays out the frames, and {@code audio}'s windows. */
    public TargetDecoder(Teacher teacher, int mapSize, FrameFit fit, AudioRequirement audio) {
        this.teacher = teacher;
        this.mapSize = mapSize;
        this.fit = fit;
        this.audio = audio;
    }

    /**
     * The frames and targets of the clips the teacher (or their recorded gaze) gives targets for, in the given order,
     * reporting progress as stage {@code stage} and the clips left out as a note.
     */
    public List<ClipTargets> decode(List<TrainingClip> clips, String stage, TrainingMonitor monitor) {
        List<ClipTargets> decoded = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        monitor.stageStarted(stage, 1, clips.size());
        for (int i = 0; i < clips.size(); i++) {
            TrainingClip clip = clips.get(i);
            Optional<String> refusal = clip.gaze().isPresent() ? Optional.empty() : teacher.refusal(clip);
            if (refusal.isEmpty()) {
                decoded.add(decode(clip));
            } else {
                skipped.add(clip.id() + " (" + refusal.get() + ")");
            }
            monitor.stepFinished(stage, 1, i + 1, clips.size(), Float.NaN);
        }
        if (!skipped.isEmpty()) {
            monitor.note(stage, "left out " + skipped.size() + " clip(s) without a target: " + skipped);
        }
        return decoded;
    }

    private ClipTargets decode(TrainingClip clip) {
        try (ClipMedia media = clip.open(audio)) {
            IntFunction<Optional<float[]>> targets = targets(clip, media);
            List<FrameWithAudio> frames = new ArrayList<>();
            List<float[]> maps = new ArrayList<>();
            for (FrameWithAudio frame : media) {
                maps.add(targets.apply(frames.size()).orElse(null));
                frames.add(frame);
            }
            return new ClipTargets(frames, maps);
        }
    }

    /** Frame index to target map at the training size, from the clip's recorded gaze or else the teacher. */
    private IntFunction<Optional<float[]>> targets(TrainingClip clip, ClipMedia media) {
        if (clip.gaze().isPresent()) {
            RecordedGaze gaze = clip.gaze().get();
            return frame -> gaze.density(frame).map(this::atTrainingSize);
        }
        List<FixationMap> maps = teacherMaps(clip, media);
        return frame -> {
            if (frame >= maps.size()) {
                throw new IllegalStateException("teacher " + teacher.info().map(ProviderInfo::name).orElse("")
                        + " gave " + maps.size() + " maps for the frames of " + clip
                        + ", which has more; a teacher gives one map per frame");
            }
            return Optional.of(atTrainingSize(maps.get(frame)));
        };
    }

    /** The teacher's maps of the clip, heard with the teacher's own window (a labeler's spectrogram needs its own). */
    private List<FixationMap> teacherMaps(TrainingClip clip, ClipMedia media) {
        AudioRequirement heard = teacher.info().map(info -> info.capabilities().audio()).orElse(audio);
        if (heard.equals(audio)) {
            return teacher.maps(clip, media);
        }
        try (ClipMedia teachers = clip.open(heard)) {
            return teacher.maps(clip, teachers);
        }
    }

    /** The map where its frame lies in the square: its content rectangle, zero in a padded border. */
    private float[] atTrainingSize(FixationMap map) {
        ContentRectangle content = fit.content(map.frameWidth(), map.frameHeight(), mapSize);
        return content.placed(map.resized(content.width(), content.height()).toArray(), mapSize, 0f);
    }
}
