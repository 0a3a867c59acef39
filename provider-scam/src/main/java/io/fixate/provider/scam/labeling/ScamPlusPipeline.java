package io.fixate.provider.scam.labeling;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import io.fixate.api.FixationMap;
import io.fixate.api.FrameWithAudio;
import io.fixate.api.VideoFrame;
import io.fixate.provider.scam.maps.CamMap;
import io.fixate.provider.scam.maps.SelectiveFusion;
import io.fixate.provider.scam.nets.PlusNet;
import io.fixate.provider.scam.training.Batches;
import io.fixate.provider.scam.training.TrainingSample;
import io.fixate.spi.djl.AudioSpectrogram;
import io.fixate.spi.djl.FramePreprocessor;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * Turns a tagged clip into SCAM+ pseudo-fixation maps (journal §3.2–3.3, spec §1.5): per frame, the pasted fine CAMs
 * of S, ST and SA ({@link ScamPipeline#fineCams}) and the CAMs of the + nets on whole frames with their companions
 * ({@link Companions}), each resized to the frame's pixel grid and fused over the configured sources by the selective
 * fusion of Eq. 4 in the reference's form ({@link SelectiveFusion}), or averaged; one source alone is its normalised
 * CAM. Where the audio switch calls a frame's audio irrelevant, every SA-derived term (SA, SA+ Long, SA+ Cross) is
 * left out; on clips under {@value Companions#LONG_MIN_FRAMES} frames the Long nets are; where the gallery holds no
 * clip of the tag (with sound, for SA+), the Cross nets are.
 *
 * <p>Two passes over the clip: the first keeps a bounded, evenly spread {@link LongPool} of frames for the Long nets
 * and learns the clip's length; the second maps each frame t once frames up to t + {@value #LOOK_AHEAD} are read (ST+
 * Short reads t − 4…t + 4), holding {@value #WINDOW} full frames. Long and Cross draws are seeded by (training seed,
 * clip, frame, net), the clip known by its length and first frame's pixels, so a clip gets the same maps every time.
 * Per-frame tensors live in a sub-manager closed after the frame. Not thread-safe.
 */
public final class ScamPlusPipeline {

    /** Frames after t that t's map needs: ST+ Short's last triplet ends at t + 4. */
    public static final int LOOK_AHEAD = 4;
    private static final int WINDOW = 2 * LOOK_AHEAD + 1;
    /** Odd constant (2^64 / golden ratio) that spreads the draws' seeds. */
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private final ScamPipeline scam;
    private final Set<Source> scamSources;
    private final Map<PlusSource, PlusNet> nets;
    private final Map<PlusSource, Batches> inputs = new EnumMap<>(PlusSource.class);
    private final IntFunction<List<GalleryClip>> gallery;
    private final Settings settings;
    private final NDManager manager;
    private final SelectiveFusion selective = new SelectiveFusion();

    /**
     * How a SCAM+ pipeline maps.
     *
     * @param companions n of the Long and Cross nets, as they were trained
     * @param seed       the training seed, which seeds the companions' draws
     * @param coarseSize the side of the square frames the + nets take
     * @param average    whether the sources are averaged instead of selectively fused
     * @param smoothing  whether the maps go through the reference's temporal smoothing
     */
    public record Settings(int companions, long seed, int coarseSize, boolean average, boolean smoothing) {
    }

    /**
     * @param scam        a fine-stage pipeline over all three sources, with the audio switch, unsmoothed
     * @param scamSources which of its pasted fine CAMs take part
     * @param nets        the + nets that take part, initialised
     * @param gallery     the Cross gallery's clips by class
     * @param audio       the audio front end the SA+ nets were trained with
     * @param manager     the manager holding the nets' parameters
     * @throws IllegalArgumentException when no source takes part
     */
    public ScamPlusPipeline(ScamPipeline scam, Set<Source> scamSources, Map<PlusSource, PlusNet> nets,
                            IntFunction<List<GalleryClip>> gallery, AudioSpectrogram audio, Settings settings,
                            NDManager manager) {
        this.scam = Objects.requireNonNull(scam, "scam");
        this.scamSources = scamSources.isEmpty() ? Set.of() : EnumSet.copyOf(scamSources);
        this.nets = new EnumMap<>(PlusSource.class);
        this.nets.putAll(nets);
        if (this.scamSources.isEmpty() && this.nets.isEmpty()) {
            throw new IllegalArgumentException("SCAM+ needs at least one source");
        }
        this.gallery = Objects.requireNonNull(gallery, "gallery");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.manager = manager;
        nets.forEach((source, net) -> inputs.put(source, Batches.of(net,
                FramePreprocessor.evaluation(settings.coarseSize(), net.visualEncoder().input()), audio)));
    }

    /**
     * Maps every frame of {@code clip} (iterated twice), handing one map per frame to {@code sink} in frame order.
     *
     * @param tag index of the clip's category tag among the nets' classes
     */
    public void label(Iterable<FrameWithAudio> clip, int tag, Consumer<FixationMap> sink) {
        LongPool pool = new LongPool(settings.coarseSize());
        long clipKey = 0;
        for (FrameWithAudio frame : clip) {
            if (pool.length() == 0) {
                clipKey = fingerprint(frame.frame());
            }
            pool.add(frame);
        }
        ClipMaps maps = new ClipMaps(settings.smoothing(), sink);
        HeldFrames held = new HeldFrames(pool);
        int next = 0;
        for (FrameWithAudio frame : clip) {
            held.add(frame);
            if (held.newest() - next >= LOOK_AHEAD) {
                maps.add(held.frame(next).frame(), frameMap(held, next++, tag, clipKey));
            }
        }
        while (next <= held.newest()) {
            maps.add(held.frame(next).frame(), frameMap(held, next++, tag, clipKey));
        }
        maps.finish();
    }

    private CamMap frameMap(HeldFrames held, int t, int tag, long clipKey) {
        FrameWithAudio current = held.frame(t);
        FrameTriple triple = new FrameTriple(held.frame(Math.max(t - 1, 0)).frame(), current.frame(),
                held.frame(Math.min(t + 1, held.length() - 1)).frame(), current.audio());
        ScamPipeline.FineCams fine = scam.fineCams(triple, tag, current.audioPresent());
        List<SourceCam> cams = new ArrayList<>(fine.cams().stream()
                .filter(cam -> scamSources.contains(cam.source())).toList());
        cams.addAll(plusCams(held, t, tag, clipKey));
        List<SourceCam> taking = ScamPipeline.switched(cams, fine.audioRelevant());
        CamFusion fusion = settings.average() || taking.size() == 1 ? CamFusion.SCAM_AVG : CamFusion.SCAM_SEL;
        return fusion.fuse(taking, tag, current.frame().width(), current.frame().height(), selective);
    }

    private List<SourceCam> plusCams(HeldFrames held, int t, int tag, long clipKey) {
        List<SourceCam> cams = new ArrayList<>();
        try (NDManager step = manager.newSubManager()) {
            ParameterStore parameters = new ParameterStore(step, false);
            for (Map.Entry<PlusSource, PlusNet> entry : nets.entrySet()) {
                PlusSource source = entry.getKey();
                SplittableRandom random = new SplittableRandom(settings.seed() ^ (GOLDEN_GAMMA * (clipKey
                        + 31L * t + 1_000_003L * (source.ordinal() + 1))));
                ClipNodes other = null;
                if (source.granularity() == Granularity.CROSS) {
                    List<GalleryClip> clips = gallery.apply(tag).stream().filter(clip -> source.source() != Source.SA
                            || clip.node(0, tag).audio() != null).toList();
                    if (clips.isEmpty()) {
                        continue;
                    }
                    other = clips.get(random.nextInt(clips.size()));
                }
                if (!Companions.applies(source, held.length())) {
                    continue;
                }
                TrainingSample sample = Companions.of(source, held, t, tag, settings.companions(), other, random);
                PlusNet net = entry.getValue();
                NDList outputs = net.forward(parameters, inputs.get(source).inputs(List.of(sample), step), false);
                cams.add(SourceCam.of(source.source(), net.activations(outputs), tag));
            }
        }
        return cams;
    }

    /** A key of the clip for the draws: its first frame's size and a sample of its pixels. */
    private static long fingerprint(VideoFrame first) {
        long key = first.width() * 65_537L + first.height();
        ByteBuffer rgb = first.rgb();
        int bytes = first.width() * first.height() * 3;
        for (int i = 0; i < bytes; i += Math.max(1, bytes / 257)) {
            key = key * 31 + (rgb.get(i) & 0xFF);
        }
        return key;
    }

    /**
     * The frames the second pass holds: the last {@value #WINDOW} at full size, and the first pass's pool. A node is
     * taken from the window where its three frames are in it, else from the pool.
     */
    private static final class HeldFrames implements ClipNodes {

        private final LongPool pool;
        private final TreeMap<Integer, FrameWithAudio> window = new TreeMap<>();
        private int added;

        HeldFrames(LongPool pool) {
            this.pool = pool;
        }

        void add(FrameWithAudio frame) {
            window.put(added++, frame);
            if (window.size() > WINDOW) {
                window.pollFirstEntry();
            }
        }

        int newest() {
            return added - 1;
        }

        FrameWithAudio frame(int index) {
            FrameWithAudio frame = window.get(index);
            if (frame == null) {
                throw new IllegalStateException("frame " + index + " is no longer held");
            }
            return frame;
        }

        @Override
        public int length() {
            return pool.length();
        }

        @Override
        public TrainingSample node(int frame, int tag) {
            int previous = Math.max(frame - 1, 0);
            int next = Math.min(frame + 1, length() - 1);
            if (window.containsKey(previous) && window.containsKey(frame) && window.containsKey(next)) {
                return new TrainingSample(window.get(previous).frame(), window.get(frame).frame(),
                        window.get(next).frame(), window.get(frame).audio(), tag);
            }
            if (pool.holds(frame)) {
                return new TrainingSample(pool.frame(previous), pool.frame(frame), pool.frame(next),
                        pool.audio(frame), tag);
            }
            throw new IllegalArgumentException("frame " + frame + " is neither in the window nor in the pool");
        }

        @Override
        public int[] longCandidates() {
            return pool.centres();
        }
    }
}
