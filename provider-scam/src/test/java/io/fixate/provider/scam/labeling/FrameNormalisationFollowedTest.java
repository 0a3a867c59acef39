package io.fixate.provider.scam.labeling;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.fixate.api.AudioBlock;
import io.fixate.api.VideoFrame;
import io.fixate.provider.scam.audio.SoundSwitch;
import io.fixate.provider.scam.nets.SNet;
import io.fixate.provider.scam.training.NetTrainer;
import io.fixate.provider.scam.training.TrainingOptions;
import io.fixate.provider.scam.training.TrainingSample;
import io.fixate.spi.djl.AudioSpectrogram;
import io.fixate.spi.djl.FrameNormalisation;
import io.fixate.spi.djl.nn.Encoders;
import io.fixate.spi.djl.nn.VisualEncoder;
import io.fixate.spi.djl.training.EpochTrainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The nets that see get their frames normalised as their visual encoder declares, in training (augmented and not) and
 * at labelling time: a probe encoder records the range of what it is fed. Black and white frames span the whole range
 * of a normalisation: [-1, 1] for {@code SIGNED_UNIT} (MobileNetV2's), about [-2.1, 2.6] for ImageNet mean/std.
 */
class FrameNormalisationFollowedTest {

    private static final int SIZE = 32;
    private static final int CLASSES = 2;

    @TempDir
    Path checkpoints;

    @Test
    void trainingFeedsSignedUnitFramesToAnEncoderThatTakesThem() {
        RangeProbe probe = trainedOn(FrameNormalisation.SIGNED_UNIT);
        assertEquals(-1f, probe.min, 1e-6f);
        assertEquals(1f, probe.max, 1e-6f);
    }

    @Test
    void trainingStillFeedsImageNetFramesToTheCompactEncoders() {
        RangeProbe probe = trainedOn(FrameNormalisation.IMAGENET_MEAN_STD);
        // black in red, white in blue: the channels farthest from their ImageNet mean
        assertEquals((0 - 0.485f) / 0.229f, probe.min, 1e-4f);
        assertEquals((1 - 0.406f) / 0.225f, probe.max, 1e-4f);
    }

    @Test
    void labellingFeedsTheCamNetsAndTheSwitchAsTheirEncoderDeclares() {
        RangeProbe camProbe = new RangeProbe();
        RangeProbe switchProbe = new RangeProbe();
        try (NDManager manager = NDManager.newBaseManager()) {
            SNet net = new SNet(probeEncoder(camProbe, FrameNormalisation.SIGNED_UNIT), CLASSES);
            net.initialize(manager, DataType.FLOAT32, frameShape());
            SoundSwitch soundSwitch = new SoundSwitch(probeEncoder(switchProbe, FrameNormalisation.SIGNED_UNIT),
                    Encoders.audio(Encoders.COMPACT));
            AudioSpectrogram spectrogram = new AudioSpectrogram();
            soundSwitch.initialize(manager, DataType.FLOAT32, frameShape(),
                    new Shape(1, 1).addAll(spectrogram.outputShape()));
            TrainingSample sample = blackAndWhite(0);
            FrameTriple frames = new FrameTriple(sample.previous(), sample.current(), sample.next(), sample.audio());

            new NetCamSources(Map.of(Source.S, net), SIZE, spectrogram, manager).cams(frames, 0, Set.of(Source.S));
            new NetAudioRelevance(soundSwitch, SIZE, spectrogram, manager).relevant(frames, true);
        }
        for (RangeProbe probe : List.of(camProbe, switchProbe)) {
            assertEquals(-1f, probe.min, 1e-6f);
            assertEquals(1f, probe.max, 1e-6f);
        }
    }

    /** The probe of an S net trained one epoch on black-and-white frames, then measured on them. */
    private RangeProbe trainedOn(FrameNormalisation normalisation) {
        RangeProbe probe = new RangeProbe();
        List<TrainingSample> samples = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            samples.add(blackAndWhite(i % CLASSES));
        }
        SNet net = new SNet(probeEncoder(probe, normalisation), CLASSES);
        try (NetTrainer trainer = new NetTrainer(net, new TrainingOptions(1, 2, 0.01f, 0, SIZE, SIZE + 4, 3),
                checkpoints, Device.cpu())) {
            trainer.train(samples, samples, new EpochTrainer.Listener() { });
        }
        return probe;
    }

    private static Shape frameShape() {
        return new Shape(1, 3, SIZE, SIZE);
    }

    /** Frames black on the left half and white on the right, with half a second of silence. */
    private static TrainingSample blackAndWhite(int tag) {
        byte[] rgb = new byte[SIZE * SIZE * 3];
        for (int y = 0; y < SIZE; y++) {
            Arrays.fill(rgb, (y * SIZE + SIZE / 2) * 3, (y + 1) * SIZE * 3, (byte) 255);
        }
        VideoFrame frame = VideoFrame.ofRgb(SIZE, SIZE, 0, rgb);
        return new TrainingSample(frame, frame, frame, AudioBlock.ofMono(new float[8000], 16_000, 0), tag);
    }

    private static VisualEncoder probeEncoder(RangeProbe probe, FrameNormalisation normalisation) {
        return new VisualEncoder("probe", probe, List.of(new VisualEncoder.Depth(3, RangeProbe.STRIDE)),
                (parameters, frames, training) -> probe.forward(parameters, new NDList(frames), training),
                normalisation);
    }

    /** An encoder without weights: notes the range of the frames it gets and averages them over 8 × 8 cells. */
    private static final class RangeProbe extends AbstractBlock {

        static final int STRIDE = 8;

        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;

        @Override
        protected NDList forwardInternal(ParameterStore parameters, NDList inputs, boolean training,
                                         PairList<String, Object> params) {
            NDArray frames = inputs.singletonOrThrow();
            min = Math.min(min, frames.min().getFloat());
            max = Math.max(max, frames.max().getFloat());
            Shape cell = new Shape(STRIDE, STRIDE);
            return new NDList(Pool.avgPool2d(frames, cell, cell, new Shape(0, 0), false, true));
        }

        @Override
        public Shape[] getOutputShapes(Shape[] inputShapes) {
            Shape frames = inputShapes[0];
            return new Shape[] {new Shape(frames.get(0), 3, frames.get(2) / STRIDE, frames.get(3) / STRIDE)};
        }
    }
}
