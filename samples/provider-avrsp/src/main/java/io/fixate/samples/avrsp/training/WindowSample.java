package io.fixate.samples.avrsp.training;

import io.fixate.api.FrameWithAudio;
import io.fixate.spi.djl.training.ClipTargets;

import java.util.ArrayList;
import java.util.List;

/**
 * One training example: the T frames of a clip ending at a frame with a target, each with its audio window, and that
 * frame's target map at the training size (row-major, in [0, 1]). At the start of a clip the missing earlier frames
 * are its first frame repeated, as a stream's session does.
 */
record WindowSample(List<FrameWithAudio> frames, float[] target) {

    /** The samples of {@code clips}: every {@code stride}-th frame that has a target ends one of T frames. */
    static List<WindowSample> of(List<ClipTargets> clips, int frames, int stride) {
        List<WindowSample> samples = new ArrayList<>();
        for (ClipTargets clip : clips) {
            for (int last = 0; last < clip.frames().size(); last += stride) {
                float[] target = clip.maps().get(last);
                if (target == null) {
                    continue;
                }
                List<FrameWithAudio> window = new ArrayList<>(frames);
                for (int k = frames - 1; k >= 0; k--) {
                    window.add(clip.frames().get(Math.max(0, last - k)));
                }
                samples.add(new WindowSample(List.copyOf(window), target));
            }
        }
        return samples;
    }
}
