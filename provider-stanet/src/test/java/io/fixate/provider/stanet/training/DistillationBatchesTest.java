package io.fixate.provider.stanet.training;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.fixate.api.FrameWithAudio;
import io.fixate.fixtures.MovingSquareClip;
import io.fixate.fixtures.NdManagerExtension;
import io.fixate.provider.stanet.nets.StaNet;
import io.fixate.spi.djl.FrameFit;
import io.fixate.spi.djl.nn.Encoders;
import io.fixate.spi.djl.nn.YamNet;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

@ExtendWith(NdManagerExtension.class)
class DistillationBatchesTest {

    private static final int SIZE = 32;
    private static final int BATCH = 3;

    /**
     * Whatever the audio encoder takes, a spectrogram or raw samples, the batches the trainer feeds have the shapes
     * the net was initialised with, evaluation and augmented alike, and a waveform encoder gets the windows as heard.
     */
    @ParameterizedTest
    @ValueSource(strings = {Encoders.COMPACT, YamNet.NAME})
    void theAudioIsBatchedAsTheNetsAudioEncoderTakesIt(String audioEncoder, NDManager manager) {
        StaNet net = new StaNet(Encoders.visual(Encoders.COMPACT), Encoders.audio(audioEncoder));
        List<DistillationSample> samples = samples(net);
        DistillationBatches evaluation = DistillationBatches.evaluation(SIZE, FrameFit.SQUASH, net);
        Shape[] expected = evaluation.inputShapes(BATCH);

        for (DistillationBatches batches : List.of(evaluation,
                DistillationBatches.augmenting(SIZE, FrameFit.SQUASH, net, new SplittableRandom(3)))) {
            NDList inputs = batches.inputs(samples, manager);
            for (int i = 0; i < expected.length; i++) {
                assertEquals(expected[i], inputs.get(i).getShape(), "input " + i);
            }
            if (audioEncoder.equals(YamNet.NAME)) {
                assertEquals(new Shape(BATCH, 15_600), inputs.get(3).getShape());
                for (int s = 0; s < BATCH; s++) {
                    assertArrayEquals(samples.get(s).audio().copyInterleaved(), inputs.get(3).get(s).toFloatArray());
                }
            } else {
                assertEquals(new Shape(BATCH, 1, 257, 48), inputs.get(3).getShape());
            }
        }
    }

    /** Samples of the moving square, each with the window the net's audio encoder asks for. */
    private static List<DistillationSample> samples(StaNet net) {
        List<FrameWithAudio> frames = MovingSquareClip.clip().size(48, 48).frames(BATCH + 2, 25)
                .frames(net.audioEncoder().requirement());
        List<DistillationSample> samples = new ArrayList<>();
        for (int i = 1; i <= BATCH; i++) {
            samples.add(new DistillationSample(frames.get(i - 1).frame(), frames.get(i).frame(),
                    frames.get(i + 1).frame(), frames.get(i).audio(), new float[SIZE * SIZE]));
        }
        return samples;
    }
}
