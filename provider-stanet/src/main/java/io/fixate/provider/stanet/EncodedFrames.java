package io.fixate.provider.stanet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import io.fixate.api.VideoFrame;
import io.fixate.provider.stanet.nets.StaNet;
import io.fixate.spi.djl.FramePreprocessor;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The visual encoder's maps of the last few frames a session has seen, so that each frame goes through the encoder
 * once rather than once for each window it belongs to (three for STA, nine for STA+Short): the encoder is most of a
 * net's cost. Each frame's maps live in an {@link NDManager} of their own, closed when the frame drops out (at most
 * {@code capacity} frames are kept) or the session clears them, so native memory stays bounded. Frames are told apart
 * by identity, as the session hands the same {@link VideoFrame} to every window that holds it. Not thread-safe.
 */
final class EncodedFrames implements AutoCloseable {

    private final NDManager parameters;
    private final StaNet net;
    private final FramePreprocessor preprocessor;
    private final int capacity;
    private final Deque<Entry> entries = new ArrayDeque<>();

    /** Keeps up to {@code capacity} frames' maps of {@code net}'s encoder, its parameters in {@code parameters}. */
    EncodedFrames(NDManager parameters, StaNet net, FramePreprocessor preprocessor, int capacity) {
        this.parameters = parameters;
        this.net = net;
        this.preprocessor = preprocessor;
        this.capacity = capacity;
    }

    /** The encoder's maps of {@code frame} (a batch of one), computed now or kept from an earlier window. */
    NDList of(VideoFrame frame) {
        for (Entry entry : entries) {
            if (entry.frame() == frame) {
                return entry.maps();
            }
        }
        NDManager kept = parameters.newSubManager();
        try (NDManager scratch = parameters.newSubManager()) {
            NDArray input = preprocessor.apply(frame, scratch).expandDims(0);
            NDList maps = net.encode(new ParameterStore(scratch, false), input, false);
            maps.attach(kept); // the maps outlive this step; the encoder's intermediate arrays do not
            entries.addLast(new Entry(frame, kept, maps));
        } catch (RuntimeException e) {
            kept.close();
            throw e;
        }
        if (entries.size() > capacity) {
            entries.removeFirst().manager().close();
        }
        return entries.getLast().maps();
    }

    /** Frees every kept frame's maps; the next {@link #of} computes afresh. */
    @Override
    public void close() {
        entries.forEach(entry -> entry.manager().close());
        entries.clear();
    }

    private record Entry(VideoFrame frame, NDManager manager, NDList maps) {
    }
}
