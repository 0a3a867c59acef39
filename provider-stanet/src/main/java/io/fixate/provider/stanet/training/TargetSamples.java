package io.fixate.provider.stanet.training;

import io.fixate.api.AudioRequirement;
import io.fixate.api.FrameWithAudio;
import io.fixate.spi.Teacher;
import io.fixate.spi.TrainingClip;
import io.fixate.spi.TrainingMonitor;
import io.fixate.spi.djl.FrameFit;
import io.fixate.spi.djl.training.ClipTargets;
import io.fixate.spi.djl.training.TargetDecoder;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns training clips into {@link DistillationSample}s: every {@code stride}-th frame with a target ({@link
 * TargetDecoder}) becomes a sample with its neighbours (at a clip's ends the frame stands in for the missing one, as the
 * predictor does).
 */
final class TargetSamples {

    private final TargetDecoder decoder;
    private final int stride;

    /**
     * Samples every {@code stride}-th frame with targets of {@code mapSize} squared, laid out as {@code fit} lays out
     * the frames, and {@code audio}'s windows.
     */
    TargetSamples(Teacher teacher, int stride, int mapSize, FrameFit fit, AudioRequirement audio) {
        this.decoder = new TargetDecoder(teacher, mapSize, fit, audio);
        this.stride = stride;
    }

    /** The samples of the clips, clip by clip in the given order, reporting progress as stage {@code stage}. */
    List<DistillationSample> decode(List<TrainingClip> clips, String stage, TrainingMonitor monitor) {
        List<ClipTargets> decoded = decoder.decode(clips, stage, monitor);
        List<DistillationSample> samples = new ArrayList<>();
        for (ClipTargets clip : decoded) {
            List<FrameWithAudio> frames = clip.frames();
            for (int index = 0; index < frames.size(); index += stride) {
                float[] map = clip.maps().get(index);
                if (map != null) {
                    samples.add(new DistillationSample(frames.get(Math.max(0, index - 1)).frame(),
                            frames.get(index).frame(), frames.get(Math.min(frames.size() - 1, index + 1)).frame(),
                            frames.get(index).audio(), map));
                }
            }
        }
        monitor.note(stage, samples.size() + " samples from " + decoded.size() + " clips");
        return samples;
    }
}
