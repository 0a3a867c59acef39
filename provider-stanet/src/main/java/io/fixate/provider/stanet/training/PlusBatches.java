package io.fixate.provider.stanet.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.fixate.api.FrameWithAudio;
import io.fixate.provider.stanet.nets.FragmentCompanions;
import io.fixate.provider.stanet.nets.StaPlusNet;
import io.fixate.spi.djl.AudioPreprocessor;
import io.fixate.spi.djl.FrameFit;
import io.fixate.spi.djl.FramePreprocessor;
import io.fixate.spi.djl.training.ClipTargets;
import io.fixate.spi.djl.training.EpochTrainer;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Packs STA+ samples into the net's inputs, three fragments (frames c − 1, c, c + 1 of each node's centre c as (B, 3,
 * S, S), laid into the square and normalised as the predictor does, and frame c's audio window as the audio encoder
 * takes it) and its labels, the teacher's maps of the three centres as (B, 3, S, S). STA+Short's centres are fixed
 * ({@link FragmentCompanions#shortCentres}); STA+Long's companions are drawn per sample from the epoch's random
 * source ({@link FragmentCompanions#drawLong}), once per sample and epoch, so they change from epoch to epoch and a
 * resumed run repeats them. Frames beyond a clip's ends are its edge frames. Augmenting batches jitter every frame's
 * colours as STA's training does (no mirroring).
 */
final class PlusBatches implements EpochTrainer.Batching<PlusBatches.Sample> {

    /** Which companions a net reasons with. */
    enum Term {
        SHORT,
        LONG
    }

    /** Target frame {@code target} of a clip whose every frame has a target map. */
    record Sample(ClipTargets clip, int target) {
    }

    private final Term term;
    private final FramePreprocessor frames;
    private final AudioPreprocessor audio;
    private final SplittableRandom random;
    private final Map<Sample, int[]> centres = new IdentityHashMap<>();

    private PlusBatches(Term term, FramePreprocessor frames, AudioPreprocessor audio, SplittableRandom random) {
        this.term = term;
        this.frames = frames;
        this.audio = audio;
        this.random = random;
    }

    /** Batches with the predictor's preprocessing; STA+Long's companions drawn from {@code random}. */
    static PlusBatches evaluation(Term term, int inputSize, FrameFit fit, StaPlusNet net, SplittableRandom random) {
        return new PlusBatches(term, FramePreprocessor.evaluation(inputSize, net.sta().visualEncoder().input(), fit),
                new AudioPreprocessor(net.sta().audioEncoder()), random);
    }

    /** One epoch's colour-jittered batches, companions and jitter drawn from {@code random}. */
    static PlusBatches augmenting(Term term, int inputSize, FrameFit fit, StaPlusNet net, SplittableRandom random) {
        return new PlusBatches(term, FramePreprocessor.augmenting(inputSize, inputSize, random.nextLong(),
                net.sta().visualEncoder().input(), fit), new AudioPreprocessor(net.sta().audioEncoder()),
                random.split());
    }

    /** The samples of {@code clips}: every {@code stride}-th frame of each clip whose frames all have a target. */
    static List<Sample> samples(List<ClipTargets> clips, int stride) {
        List<Sample> samples = new ArrayList<>();
        for (ClipTargets clip : clips) {
            if (!clip.maps().contains(null)) {
                for (int target = 0; target < clip.frames().size(); target += stride) {
                    samples.add(new Sample(clip, target));
                }
            }
        }
        return samples;
    }

    /** The input shapes of a batch of {@code batchSize}, to initialise the net with. */
    Shape[] inputShapes(int batchSize) {
        Shape frame = new Shape(batchSize, 3, frames.inputSize(), frames.inputSize());
        List<Shape> shapes = new ArrayList<>();
        for (int node = 0; node < StaPlusNet.NODES; node++) {
            shapes.addAll(List.of(frame, frame, frame, audio.batchShape(batchSize)));
        }
        return shapes.toArray(Shape[]::new);
    }

    /** The centres of the sample's three nodes, the target first; STA+Long's drawn the first time they are asked. */
    int[] centresOf(Sample sample) {
        int count = sample.clip().frames().size();
        return centres.computeIfAbsent(sample, s -> {
            if (term == Term.SHORT) {
                return FragmentCompanions.shortCentres(s.target(), count);
            }
            int[] far = FragmentCompanions.drawLong(s.target(), count, random);
            return new int[] {s.target(), far[0], far[1]};
        });
    }

    @Override
    public NDList inputs(List<Sample> samples, NDManager manager) {
        NDList inputs = new NDList();
        for (int node = 0; node < StaPlusNet.NODES; node++) {
            for (int offset = -1; offset <= 1; offset++) {
                NDList batch = new NDList();
                for (Sample sample : samples) {
                    batch.add(frames.apply(frameAt(sample, centresOf(sample)[node] + offset).frame(), manager));
                }
                inputs.add(NDArrays.stack(batch));
            }
            int current = node;
            inputs.add(audio.batch(manager, samples.stream()
                    .map(sample -> frameAt(sample, centresOf(sample)[current]).audio()).toList()));
        }
        return inputs;
    }

    @Override
    public NDArray labels(List<Sample> samples, NDManager manager) {
        int size = frames.inputSize();
        NDList maps = new NDList();
        for (Sample sample : samples) {
            NDList nodes = new NDList();
            for (int centre : centresOf(sample)) {
                nodes.add(manager.create(sample.clip().maps().get(centre), new Shape(1, size, size)));
            }
            maps.add(NDArrays.concat(nodes, 0));
        }
        return NDArrays.stack(maps);
    }

    private static FrameWithAudio frameAt(Sample sample, int index) {
        List<FrameWithAudio> frames = sample.clip().frames();
        return frames.get(FragmentCompanions.clamped(index, frames.size()));
    }
}
