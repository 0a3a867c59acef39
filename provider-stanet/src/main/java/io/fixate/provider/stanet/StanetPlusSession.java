package io.fixate.provider.stanet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;
import io.fixate.api.FixationMap;
import io.fixate.api.FrameWithAudio;
import io.fixate.provider.stanet.nets.FragmentCompanions;
import io.fixate.provider.stanet.nets.StaPlusNet;
import io.fixate.provider.stanet.nets.StaPlusNet.Fragment;
import io.fixate.spi.FrameWindow;
import io.fixate.spi.WindowedSession;
import io.fixate.spi.djl.AudioPreprocessor;
import io.fixate.spi.djl.FramePreprocessor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * A stream through STANet+: for each frame t the STA map (frames t − 1 … t + 1 and t's audio), the STA+Short map
 * (target fragment t − 1 … t + 1 with companions t − 4 … t − 2 and t + 2 … t + 4, each fragment with its centre frame's
 * audio) and the STA+Long map (the target fragment with two companions from a {@link FragmentMemory} of the stream's
 * past), fused at the nets' resolution by {@link NetMapFusion} (Eq. 17 by default) and only then blurred, cropped,
 * averaged over time and resized as a {@code stanet} map is ({@link NetMapOutput}). STA+Short needs four frames on
 * either side, so the session holds back four frames (its look-ahead); at a stream's ends, and in clips shorter than
 * nine frames, missing frames are the nearest ones (edge replication, {@link FrameWindow}).
 *
 * <p>STA+Long's memory keeps one fragment a second (its encoded frames and audio input) for the last {@value
 * #MEMORY_FRAGMENTS} seconds; until one lies at least six frames back, Eq. 17 runs over the STA and STA+Short maps
 * alone (a session that runs STA+Long only reasons over the target fragment thrice until then). {@code flush()} (the
 * end of a stream, or before a seek) empties the memory and every cache, so a new stream starts afresh.
 *
 * <p>Each net has its own encoders (the nets are trained apart), and each frame goes through each net's visual encoder
 * once ({@link EncodedFrames}: STA+Short reuses eight of its nine frames from the previous target). Every step's other
 * arrays live in a sub-manager closed before the map is returned, so native memory stays bounded.
 */
final class StanetPlusSession extends WindowedSession {

    /** Frames read before and after the target: STA+Short's reach. */
    static final int REACH = FragmentCompanions.SHORT_REACH;
    /** Long-term fragments remembered, one a second. */
    static final int MEMORY_FRAGMENTS = 8;

    private final StanetPlusWeights weights;
    private final PlusNets nets;
    private final NetMapFusion fusion;
    private final NetMapOutput output;
    private final AudioPreprocessor audio;
    private final EncodedFrames staFrames;
    private final EncodedFrames shortFrames;
    private final EncodedFrames longFrames;
    private final FragmentMemory<Remembered> memory = new FragmentMemory<>(MEMORY_FRAGMENTS,
            remembered -> remembered.manager().close());
    /** Index in the current stream of the frame predicted next. */
    private int position;
    private FixationMap previousAverage;

    StanetPlusSession(StanetPlusWeights weights, SessionSettings settings, PlusNets nets, NetMapFusion fusion) {
        super(REACH, REACH, weights.sta().audioEncoder().requirement());
        this.weights = weights;
        this.nets = nets;
        this.fusion = fusion;
        this.output = new NetMapOutput(settings, weights.inputSize(), weights.frameFit());
        this.audio = new AudioPreprocessor(weights.sta().audioEncoder());
        FramePreprocessor frames = FramePreprocessor.evaluation(weights.inputSize(),
                weights.sta().visualEncoder().input(), weights.frameFit());
        // each cache holds the frames of the current target's window and the next frame
        staFrames = new EncodedFrames(weights.manager(), weights.sta(), frames, 4);
        shortFrames = new EncodedFrames(weights.manager(), weights.shortTerm().sta(), frames, 2 * REACH + 2);
        longFrames = new EncodedFrames(weights.manager(), weights.longTerm().sta(), frames, 4);
    }

    @Override
    protected FixationMap predict(FrameWindow window) {
        int index = position++;
        FrameWithAudio current = window.current();
        List<float[]> maps = new ArrayList<>(3);
        try (Step scratch = new Step(weights.manager().newSubManager())) {
            ParameterStore parameters = new ParameterStore(scratch.manager(), false);
            if (nets.runsSta()) {
                Fragment target = fragment(staFrames, window, 0, scratch);
                maps.add(probabilities(weights.sta().decode(parameters, target.previous(), target.current(),
                        target.next(), target.sound(), weights.inputSize(), weights.inputSize(), false).get(0)));
            }
            if (nets.runsShort()) {
                maps.add(plusMap(weights.shortTerm(), parameters, List.of(fragment(shortFrames, window, 0, scratch),
                        fragment(shortFrames, window, -FragmentCompanions.SHORT_OFFSET, scratch),
                        fragment(shortFrames, window, FragmentCompanions.SHORT_OFFSET, scratch))));
            }
            if (nets.runsLong()) {
                Fragment target = fragment(longFrames, window, 0, scratch);
                List<Remembered> companions = memory.companions(index);
                if (!companions.isEmpty()) {
                    companions.forEach(companion -> scratch.lend(companion.arrays()));
                    maps.add(plusMap(weights.longTerm(), parameters, List.of(target, companions.get(0).fragment(),
                            companions.get(1).fragment())));
                } else if (nets == PlusNets.LONG) {
                    maps.add(plusMap(weights.longTerm(), parameters, List.of(target, target, target)));
                }
                if (memory.due(current.frame().timestampMicros())) {
                    memory.keep(index, current.frame().timestampMicros(), remembered(target));
                }
            }
        }
        previousAverage = output.averaged(output.atNetSize(fusion.fuse(maps), current.frame()), previousAverage);
        return output.delivered(previousAverage);
    }

    /**
     * The fragment centred {@code offset} frames from the window's current one, its frames encoded by the cache's net
     * and lent to {@code scratch} for the step, its audio input made in {@code scratch}.
     */
    private Fragment fragment(EncodedFrames encoded, FrameWindow window, int offset, Step scratch) {
        NDList previous = encoded.of(frameAt(window, offset - 1).frame());
        NDList centre = encoded.of(frameAt(window, offset).frame());
        NDList next = encoded.of(frameAt(window, offset + 1).frame());
        scratch.lend(previous, centre, next);
        NDArray sound = audio.batch(scratch.manager(), List.of(output.heard(frameAt(window, offset))));
        return new Fragment(previous, centre, next, sound);
    }

    private static FrameWithAudio frameAt(FrameWindow window, int offset) {
        return offset == 0 ? window.current() : offset < 0 ? window.past(-offset) : window.future(offset);
    }

    private float[] plusMap(StaPlusNet net, ParameterStore parameters, List<Fragment> nodes) {
        int size = weights.inputSize();
        return probabilities(net.decode(parameters, nodes, size, size, false).get(0));
    }

    private static float[] probabilities(NDArray logits) {
        return Activation.sigmoid(logits).toFloatArray();
    }

    /** A copy of {@code fragment} in a manager of its own, which the memory closes when it drops it. */
    private Remembered remembered(Fragment fragment) {
        NDManager kept = weights.manager().newSubManager();
        NDList previous = copied(fragment.previous(), kept);
        NDList current = copied(fragment.current(), kept);
        NDList next = copied(fragment.next(), kept);
        NDArray sound = fragment.sound().duplicate();
        sound.attach(kept);
        return new Remembered(kept, new Fragment(previous, current, next, sound));
    }

    private static NDList copied(NDList maps, NDManager manager) {
        NDList copy = new NDList(maps.size());
        for (NDArray map : maps) {
            NDArray duplicate = map.duplicate();
            duplicate.attach(manager);
            copy.add(duplicate);
        }
        return copy;
    }

    @Override
    protected void streamEnded() {
        position = 0;
        previousAverage = null;
        memory.clear();
        closeCaches();
    }

    @Override
    protected void release() {
        memory.clear();
        closeCaches();
    }

    private void closeCaches() {
        staFrames.close();
        shortFrames.close();
        longFrames.close();
    }

    /** A remembered fragment and the manager that holds its arrays. */
    private record Remembered(NDManager manager, Fragment fragment) {

        /** Its arrays, to lend to a step. */
        NDList[] arrays() {
            return new NDList[] {fragment.previous(), fragment.current(), fragment.next(),
                new NDList(fragment.sound())};
        }
    }

    /**
     * One frame's computation: a sub-manager of the parameters', closed at its end, to which kept arrays (the caches'
     * and the memory's) are lent so that what is computed from them goes there rather than to their own managers;
     * they return when it closes. Each array is lent once, as at a stream's ends one frame stands for others.
     */
    private record Step(NDManager manager, Set<NDArray> lent) implements AutoCloseable {

        Step(NDManager manager) {
            this(manager, Collections.newSetFromMap(new IdentityHashMap<>()));
        }

        void lend(NDList... kept) {
            NDList fresh = new NDList();
            for (NDList list : kept) {
                for (NDArray array : list) {
                    if (lent.add(array)) {
                        fresh.add(array);
                    }
                }
            }
            manager.tempAttachAll(fresh);
        }

        @Override
        public void close() {
            manager.close();
        }
    }
}
