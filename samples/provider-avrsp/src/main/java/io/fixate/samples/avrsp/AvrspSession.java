package io.fixate.samples.avrsp;

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
import io.fixate.samples.avrsp.nets.AvrspNet;
import io.fixate.spi.FrameWindow;
import io.fixate.spi.WindowedSession;
import io.fixate.spi.djl.AudioPreprocessor;
import io.fixate.spi.djl.FramePreprocessor;
import io.fixate.spi.djl.LoadedNet;
import io.fixate.spi.djl.PlaneResize;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A stream through the AVRSP net. The map of frame t comes from the clip t − T + 1 … t, T being the net's frames:
 * causal, so the session holds nothing back (look-ahead 0). At the start of a stream the missing earlier frames are
 * the first frame repeated (edge replication, as {@link FrameWindow} gives them), so the first map comes from a still
 * clip of that frame; the paper also offers a reversed window, which would let the first maps see frames that have
 * not been shown yet when the net predicts them in a stream.
 *
 * <p>Frames are squashed into the square of the weights' input size and normalised as the visual encoder declares;
 * each frame's audio window (silence when hearing is off) goes to the audio encoder as it takes it. Each frame goes
 * through both encoders once: its encoder maps and audio embedding are kept, in a sub-manager of their own, while the
 * frame is in the window, and freed when it leaves it or the stream ends. Everything else of a step runs in a
 * sub-manager closed before the map is returned, so native memory stays bounded by T frames' encodings. The map is σ
 * of the logits, resized bilinearly to the frame and min-max normalised.
 */
final class AvrspSession extends WindowedSession {

    private final LoadedNet<AvrspNet> weights;
    private final boolean hearing;
    private final FramePreprocessor frames;
    private final AudioPreprocessor audio;
    /** The encodings of the frames of the current window, by identity of the buffered input. */
    private final Map<FrameWithAudio, Encoded> encoded = new IdentityHashMap<>();

    AvrspSession(LoadedNet<AvrspNet> weights, boolean hearing) {
        super(weights.net().config().frames() - 1, 0, weights.net().audioEncoder().requirement());
        this.weights = weights;
        this.hearing = hearing;
        this.frames = FramePreprocessor.evaluation(weights.inputSize(), weights.net().visualEncoder().input());
        this.audio = new AudioPreprocessor(weights.net().audioEncoder());
    }

    @Override
    protected FixationMap predict(FrameWindow window) {
        AvrspNet net = weights.net();
        int count = net.config().frames();
        List<FrameWithAudio> clip = new ArrayList<>(count);
        for (int k = count - 1; k >= 1; k--) {
            clip.add(window.past(k));
        }
        clip.add(window.current());
        Set<FrameWithAudio> inWindow = Collections.newSetFromMap(new IdentityHashMap<>());
        inWindow.addAll(clip);
        forget(inWindow);
        for (FrameWithAudio input : inWindow) {
            encoded.computeIfAbsent(input, this::encode);
        }
        int size = weights.inputSize();
        float[] probabilities;
        try (NDManager scratch = weights.manager().newSubManager()) {
            // the step's arrays go to the scratch manager; the kept encodings return to theirs when it closes
            scratch.tempAttachAll(inWindow.stream().map(input -> encoded.get(input).arrays())
                    .toArray(NDList[]::new));
            NDList clips = new NDList();
            for (int depth = 0; depth < encoded.get(window.current()).maps().size(); depth++) {
                NDList perFrame = new NDList(count);
                for (FrameWithAudio input : clip) {
                    perFrame.add(encoded.get(input).maps().get(depth));
                }
                clips.add(NDArrays.concat(perFrame, 0).expandDims(0));
            }
            NDList embeddings = new NDList(count);
            for (FrameWithAudio input : clip) {
                embeddings.add(encoded.get(input).embedding());
            }
            NDArray logits = net.decode(new ParameterStore(scratch, false), clips,
                    NDArrays.concat(embeddings, 0).expandDims(0), size, false);
            probabilities = Activation.sigmoid(logits).toFloatArray();
        }
        VideoFrame frame = window.current().frame();
        return FixationMap.ofScores(frame.width(), frame.height(),
                PlaneResize.bilinear(probabilities, size, size, frame.width(), frame.height()),
                frame.timestampMicros(), frame.width(), frame.height());
    }

    /** Runs one frame and its audio window through the encoders, keeping the results in a manager of their own. */
    private Encoded encode(FrameWithAudio input) {
        NDManager kept = weights.manager().newSubManager();
        try (NDManager scratch = weights.manager().newSubManager()) {
            ParameterStore parameters = new ParameterStore(scratch, false);
            NDList maps = weights.net().encodeFrames(parameters, frames.apply(input.frame(), scratch).expandDims(0),
                    false);
            NDArray embedding = weights.net().encodeAudio(parameters, audio.batch(scratch, List.of(heard(input))),
                    false);
            maps.attach(kept);
            embedding.attach(kept);
            return new Encoded(kept, maps, embedding);
        } catch (RuntimeException e) {
            kept.close();
            throw e;
        }
    }

    /** The window the net hears with {@code input}: its own, or silence of its length when hearing is off. */
    private AudioBlock heard(FrameWithAudio input) {
        AudioBlock window = input.audio();
        return hearing ? window : AudioBlock.silence(window.frameCount(), window.sampleRate(), window.channels(),
                window.timestampMicros());
    }

    /** Frees the encodings of frames outside {@code inWindow}. */
    private void forget(Set<FrameWithAudio> inWindow) {
        for (Iterator<Map.Entry<FrameWithAudio, Encoded>> it = encoded.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<FrameWithAudio, Encoded> entry = it.next();
            if (!inWindow.contains(entry.getKey())) {
                entry.getValue().manager().close();
                it.remove();
            }
        }
    }

    @Override
    protected void streamEnded() {
        forget(Set.of());
    }

    @Override
    protected void release() {
        forget(Set.of());
    }

    /** A frame's encoder maps (one per depth the net reads) and audio embedding, and the manager that holds them. */
    private record Encoded(NDManager manager, NDList maps, NDArray embedding) {

        NDList arrays() {
            NDList all = new NDList(maps);
            all.add(embedding);
            return all;
        }
    }
}
