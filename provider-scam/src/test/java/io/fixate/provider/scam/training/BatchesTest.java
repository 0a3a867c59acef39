package io.fixate.provider.scam.training;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.fixate.fixtures.NdManagerExtension;
import io.fixate.provider.scam.nets.InputKind;
import io.fixate.provider.scam.nets.SNet;
import io.fixate.provider.scam.nets.SaNet;
import io.fixate.provider.scam.nets.StNet;
import io.fixate.spi.djl.AudioSpectrogram;
import io.fixate.spi.djl.FramePreprocessor;
import io.fixate.spi.djl.nn.Encoders;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

@ExtendWith(NdManagerExtension.class)
class BatchesTest {

    private static final int SIZE = 16;
    private final List<TrainingSample> samples = ColourSquares.samples(4, 1);
    private NDManager manager;

    @BeforeEach
    void open(NDManager opened) {
        manager = opened;
    }

    @Test
    void eachNetKindGetsItsInputs() {
        Shape frames = new Shape(4, 3, SIZE, SIZE);
        assertEquals(List.of(frames), shapes(batches(InputKind.FRAME).inputs(samples, manager)));
        assertEquals(List.of(frames, frames, frames), shapes(batches(InputKind.FRAME_TRIPLE).inputs(samples, manager)));
        assertEquals(List.of(frames, new Shape(4, 1, 257, 48)),
                shapes(batches(InputKind.FRAME_AND_AUDIO).inputs(samples, manager)));
        assertEquals(List.of(new Shape(2, 3, SIZE, SIZE), new Shape(2, 1, 257, 48)),
                List.of(batches(InputKind.FRAME_AND_AUDIO).inputShapes(2)));
    }

    @Test
    void theTripleIsPreviousCurrentNextInThatOrder() {
        NDList triple = batches(InputKind.FRAME_TRIPLE).inputs(samples, manager);
        NDList current = batches(InputKind.FRAME).inputs(samples, manager);
        assertEquals(current.get(0), triple.get(1));
        assertEquals(batches(InputKind.FRAME).inputs(List.of(new TrainingSample(samples.get(0).previous(),
                samples.get(0).previous(), samples.get(0).next(), null, 0)), manager).get(0).get(0),
                triple.get(0).get(0));
    }

    @Test
    void labelsAreOneHotRowsOfTheTags() {
        float[] labels = batches(InputKind.FRAME).labels(samples, manager).toFloatArray();
        assertArrayEquals(new float[] {1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 0, 0}, labels);
    }

    @Test
    void aTagOutsideTheClassesOrMissingAudioIsRefused() {
        TrainingSample silent = new TrainingSample(samples.get(0).previous(), samples.get(0).current(),
                samples.get(0).next(), null, 5);
        assertThrows(IllegalArgumentException.class, () -> batches(InputKind.FRAME).labels(List.of(silent), manager));
        assertThrows(IllegalArgumentException.class,
                () -> batches(InputKind.FRAME_AND_AUDIO).inputs(List.of(silent), manager));
    }

    @Test
    void theKindFollowsTheNet() {
        assertEquals(InputKind.FRAME, new SNet(Encoders.visual(Encoders.COMPACT), 3).input());
        assertEquals(InputKind.FRAME_TRIPLE, new StNet(Encoders.visual(Encoders.COMPACT), 3).input());
        assertEquals(InputKind.FRAME_AND_AUDIO, new SaNet(Encoders.visual(Encoders.COMPACT),
                Encoders.audio(Encoders.COMPACT), 3).input());
    }

    private static Batches batches(InputKind kind) {
        return new Batches(kind, FramePreprocessor.evaluation(SIZE), new AudioSpectrogram(), ColourSquares.CLASSES);
    }

    private static List<Shape> shapes(NDList arrays) {
        return arrays.stream().map(a -> a.getShape()).toList();
    }
}
