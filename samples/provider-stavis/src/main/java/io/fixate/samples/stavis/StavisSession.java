package io.fixate.samples.stavis;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;
import io.fixate.api.AudioBlock;
import io.fixate.api.FixationMap;
import io.fixate.api.FrameWithAudio;
import io.fixate.api.VideoFrame;
import io.fixate.samples.stavis.nets.StavisNet;
import io.fixate.spi.FrameWindow;
import io.fixate.spi.WindowedSession;
import io.fixate.spi.djl.AudioPreprocessor;
import io.fixate.spi.djl.FramePreprocessor;
import io.fixate.spi.djl.LoadedNet;

import java.util.List;

/**
 * A stream through the STAViS net. The map of frame t comes from the clip of T frames t − {@link #lookBehind}(T) …
 * t + {@link #lookAhead}(T) (at a stream's edges the nearest frame stands in for a missing one, {@link FrameWindow}),
 * each squashed into the S × S square and normalised as the visual encoder wants, and frame t's own audio window as
 * the audio encoder takes it; with hearing off, a silent window of the same length. The map is σ of the fused logits
 * at the net's S × S, min-max normalised; it describes the whole frame and carries the frame's time and size.
 *
 * <p>Every window runs the whole net, encoder included, on its T frames, in a sub-manager of the parameters' manager
 * closed before the map is returned: nothing native outlives a frame, so memory does not grow with the stream. (With
 * the compact encoder the Conv3d mixing costs more than the T encoder passes; a per-frame cache of encoder maps, as
 * provider-stanet keeps one, would matter for larger encoders.)
 */
final class StavisSession extends WindowedSession {

    private final LoadedNet<StavisNet> weights;
    private final boolean hearing;
    private final FramePreprocessor frames;
    private final AudioPreprocessor audio;

    StavisSession(LoadedNet<StavisNet> weights, boolean hearing) {
        super(lookBehind(weights.net().frames()), lookAhead(weights.net().frames()),
                weights.net().audioEncoder().requirement());
        this.weights = weights;
        this.hearing = hearing;
        this.frames = FramePreprocessor.evaluation(weights.inputSize(), weights.net().visualEncoder().input());
        this.audio = new AudioPreprocessor(weights.net().audioEncoder());
    }

    /** Frames of a clip of {@code frames} before its target: the target sits at the clip's centre, ⌊T/2⌋. */
    static int lookBehind(int frames) {
        return frames / 2;
    }

    /** Frames of a clip of {@code frames} after its target: T − 1 − ⌊T/2⌋. */
    static int lookAhead(int frames) {
        return frames - 1 - lookBehind(frames);
    }

    @Override
    protected FixationMap predict(FrameWindow window) {
        int clipFrames = weights.net().frames();
        int behind = lookBehind(clipFrames);
        VideoFrame target = window.current().frame();
        float[] probabilities;
        try (NDManager scratch = weights.manager().newSubManager()) {
            NDList clip = new NDList(clipFrames);
            for (int k = behind; k >= 1; k--) {
                clip.add(frames.apply(window.past(k).frame(), scratch));
            }
            clip.add(frames.apply(target, scratch));
            for (int k = 1; k <= lookAhead(clipFrames); k++) {
                clip.add(frames.apply(window.future(k).frame(), scratch));
            }
            NDArray sound = audio.batch(scratch, List.of(heard(window.current())));
            NDArray fused = weights.net().forward(new ParameterStore(scratch, false),
                    new NDList(NDArrays.stack(clip).expandDims(0), sound), false).get(0);
            probabilities = Activation.sigmoid(fused).toFloatArray();
        }
        int size = weights.inputSize();
        return FixationMap.ofScores(size, size, probabilities, target.timestampMicros(), target.width(),
                target.height());
    }

    /** The window the net hears with {@code input}: its own, or silence of its length when hearing is off. */
    private AudioBlock heard(FrameWithAudio input) {
        AudioBlock window = input.audio();
        return hearing ? window : AudioBlock.silence(window.frameCount(), window.sampleRate(), window.channels(),
                window.timestampMicros());
    }
}
