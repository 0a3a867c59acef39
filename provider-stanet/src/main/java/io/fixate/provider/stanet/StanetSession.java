package io.fixate.provider.stanet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;
import io.fixate.api.FixationMap;
import io.fixate.api.FrameWithAudio;
import io.fixate.api.VideoFrame;
import io.fixate.spi.FrameWindow;
import io.fixate.spi.WindowedSession;
import io.fixate.spi.djl.AudioPreprocessor;
import io.fixate.spi.djl.FramePreprocessor;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * A stream through the STA net. The net sees frames t − 1, t and t + 1, each laid into the square of the weights'
 * input size as they were in training (squashed or padded, {@link StanetWeights#frameFit()}) and normalised as its
 * visual encoder wants, and frame t's audio window as its audio encoder asks for it (the
 * session's {@link #audioRequirement()}: half a second for the compact encoder, 0.975 s of raw samples for YAMNet) and
 * takes it ({@link AudioPreprocessor}); at the edges of a stream the frame itself stands for the missing neighbour. A
 * frame pushed without sound (or whose media has none) brings a silent window, and the net predicts from the pictures
 * alone (the compact encoder's spectrogram of silence is all zeros after the z-score). The map is σ of the finest
 * logits, blurred ({@link MapBlur}), cropped to the frame's content rectangle when frames are padded (the whole
 * square when squashed) and min-max normalised. Each frame goes through the visual encoder once ({@link
 * EncodedFrames}, which keeps the maps of the last four frames and frees older ones); the rest of every forward pass
 * runs in a sub-manager of the parameters' manager that is closed before the map is returned, so no native memory
 * grows with the stream.
 *
 * <p>Each frame's map is a running average: (1 − s) times its own map plus s times the previous frame's, s being the
 * smoothing weight; it needs no further frame, so the look-ahead stays as it is. Only then is the map resized
 * bilinearly to the source frame and min-max normalised again: interpolation and averaging work on the net's small
 * square, so a 4K stream costs one resize per frame and no more; with {@link SessionSettings#atFrameSize()} off not
 * even that, and the map stays at the net's size (the content rectangle's, when padded).
 *
 * <p>Temporal stride k: the net runs on the stream's frames 0, k, 2k, ... and on its last frame (the anchors); a frame
 * in between gets the per-cell linear interpolation of the maps of the anchors either side, weighted by its distance
 * in frames. The next anchor and its own next frame must have arrived before such a map can be made, so the session
 * holds back k frames instead of 1 (its {@link #lookAheadFrames()} is k); with k = 1 every frame is an anchor. The map
 * of the next anchor is kept when it is computed early, so every anchor runs through the net once.
 */
final class StanetSession extends WindowedSession {

    /** Frames before and after the current one that the net reads. */
    static final int NEIGHBOURS = 1;
    /** Frames whose encoder maps are kept: those of the current window and of the next anchor's, which shares two. */
    static final int KEPT_FRAMES = 2 * NEIGHBOURS + 2;

    private final StanetWeights weights;
    private final SessionSettings settings;
    private final NetMapOutput output;
    private final EncodedFrames encoded;
    private final AudioPreprocessor audio;
    /** Index in the current stream of the frame predicted next. */
    private int position;
    private Anchor previousAnchor;
    private Anchor nextAnchor;
    /** The previous frame's averaged map at the net's size, for the running average; null at a stream's start. */
    private FixationMap previousAverage;

    StanetSession(StanetWeights weights, SessionSettings settings) {
        super(NEIGHBOURS, settings.stride(), weights.net().audioEncoder().requirement());
        this.weights = weights;
        this.audio = new AudioPreprocessor(weights.net().audioEncoder());
        this.settings = settings;
        this.output = new NetMapOutput(settings, weights.inputSize(), weights.frameFit());
        this.encoded = new EncodedFrames(weights.manager(), weights.net(), FramePreprocessor.evaluation(
                weights.inputSize(), weights.net().visualEncoder().input(), weights.frameFit()), KEPT_FRAMES);
    }

    @Override
    protected FixationMap predict(FrameWindow window) {
        previousAverage = output.averaged(mapOf(window), previousAverage);
        return output.delivered(previousAverage);
    }

    /**
     * The map at the net's size of the window's current frame before the running average: the net's, or interpolated
     * between two.
     */
    private FixationMap mapOf(FrameWindow window) {
        int index = position++;
        int sinceAnchor = index % settings.stride();
        if (sinceAnchor == 0 || !window.hasFuture(1)) {
            previousAnchor = anchorAt(index, window, 0);
            return previousAnchor.map();
        }
        int ahead = settings.stride() - sinceAnchor;
        while (!window.hasFuture(ahead)) {
            ahead--; // the stream ended before the next multiple of the stride: its last frame is the anchor
        }
        nextAnchor = anchorAt(index + ahead, window, ahead);
        return interpolated(window.current().frame(), (double) sinceAnchor / (sinceAnchor + ahead));
    }

    @Override
    protected void streamEnded() {
        position = 0;
        previousAnchor = null;
        nextAnchor = null;
        previousAverage = null;
        encoded.close();
    }

    @Override
    protected void release() {
        encoded.close();
    }

    /** The map of the anchor {@code offset} frames after the window's current frame, from the cache or the net. */
    private Anchor anchorAt(int index, FrameWindow window, int offset) {
        if (nextAnchor != null && nextAnchor.index() == index) {
            return nextAnchor;
        }
        FrameWithAudio previous = offset == 0 ? window.past(1) : frameAt(window, offset - 1);
        return new Anchor(index, predictNet(previous, frameAt(window, offset), window.future(offset + 1)));
    }

    private static FrameWithAudio frameAt(FrameWindow window, int offset) {
        return offset == 0 ? window.current() : window.future(offset);
    }

    private FixationMap predictNet(FrameWithAudio previous, FrameWithAudio current, FrameWithAudio next) {
        VideoFrame frame = current.frame();
        int size = weights.inputSize();
        float[] probabilities;
        NDList before = encoded.of(previous.frame());
        NDList now = encoded.of(frame);
        NDList after = encoded.of(next.frame());
        try (NDManager scratch = weights.manager().newSubManager()) {
            // the step's arrays go to the scratch manager, while the kept maps return to theirs when it closes; each
            // once, as at a stream's ends a frame stands for its missing neighbour
            Set<NDList> kept = Collections.newSetFromMap(new IdentityHashMap<>());
            kept.addAll(List.of(before, now, after));
            scratch.tempAttachAll(kept.toArray(new NDList[0]));
            NDArray sound = audio.batch(scratch, List.of(output.heard(current)));
            NDArray finest = weights.net().decode(new ParameterStore(scratch, false), before, now, after, sound, size,
                    size, false).get(0);
            probabilities = Activation.sigmoid(finest).toFloatArray();
        }
        return output.atNetSize(probabilities, frame);
    }

    /** The map between the two anchors, {@code weight} of the way from the previous one to the next one. */
    private FixationMap interpolated(VideoFrame frame, double weight) {
        float[] before = previousAnchor.map().toArray();
        float[] after = nextAnchor.map().toArray();
        float[] values = new float[before.length];
        for (int i = 0; i < values.length; i++) {
            // rounding may carry a blend of two values ≤ 1 a hair above 1
            values[i] = (float) Math.min(1, before[i] * (1 - weight) + after[i] * weight);
        }
        return FixationMap.of(previousAnchor.map().width(), previousAnchor.map().height(), values,
                frame.timestampMicros(), frame.width(), frame.height());
    }

    /** A frame the net ran on: its index in the stream and its map at the net's size. */
    private record Anchor(int index, FixationMap map) {
    }
}
