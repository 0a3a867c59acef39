package io.fixate.provider.scam.training;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.ParameterStore;
import io.fixate.api.VideoFrame;
import io.fixate.provider.scam.nets.SNet;
import io.fixate.spi.djl.AudioSpectrogram;
import io.fixate.spi.djl.training.EpochTrainer;
import io.fixate.spi.djl.FramePreprocessor;
import io.fixate.spi.djl.WeightsFile;
import io.fixate.spi.djl.nn.Encoders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A net S trained on coloured squares (class = colour) has a class activation map that peaks on the square, and its
 * saved weights give the very same scores after a reload.
 */
class TrainedCamTest {

    private static final TrainingOptions OPTIONS = new TrainingOptions(6, 8, 0.05f, 5e-4f, 32, 36, 21);
    private static final int INPUT = OPTIONS.inputSize();
    private static final List<TrainingSample> HELD_OUT = ColourSquares.samples(12, 99);
    /** At most one in six held-out frames may peak off its square. */
    private static final double MIN_HIT_RATE = 5.0 / 6;

    @Test
    void theTrainedCamPeaksOnTheObjectAndReloadsBitIdentically(@TempDir Path folder) throws IOException {
        Path weights = folder.resolve("s.params");
        SNet trained = new SNet(Encoders.visual(Encoders.COMPACT), ColourSquares.CLASSES);
        float[] scoresBeforeSaving;
        try (NetTrainer trainer = new NetTrainer(trained, OPTIONS, folder.resolve("checkpoints"), Device.cpu());
             NDManager scratch = NDManager.newBaseManager()) {
            trainer.train(ColourSquares.samples(48, 1), List.of(), EpochTrainer.Listener.NONE);
            scoresBeforeSaving = trainer.scores(HELD_OUT, scratch).toFloatArray();
            WeightsFile.save(trained, weights, trained.architectureId());
        }

        try (NDManager manager = NDManager.newBaseManager()) {
            SNet reloaded = new SNet(Encoders.visual(Encoders.COMPACT), ColourSquares.CLASSES);
            Batches batches = new Batches(reloaded.input(), FramePreprocessor.evaluation(INPUT),
                    new AudioSpectrogram(), reloaded.classes());
            reloaded.initialize(manager, DataType.FLOAT32, batches.inputShapes(1));
            WeightsFile.load(reloaded, manager, weights, reloaded.architectureId());
            NDList outputs = reloaded.forward(new ParameterStore(manager, false), batches.inputs(HELD_OUT, manager),
                    false);

            assertArrayEquals(scoresBeforeSaving, reloaded.scores(outputs).toFloatArray(), 0f,
                    "scores after a reload");
            int hits = 0;
            for (int i = 0; i < HELD_OUT.size(); i++) {
                TrainingSample sample = HELD_OUT.get(i);
                hits += peaksOnSquare(reloaded.activations(outputs).cam(sample.tag()).get(i), sample) ? 1 : 0;
            }
            assertTrue(hits >= MIN_HIT_RATE * HELD_OUT.size(), hits + " of " + HELD_OUT.size() + " CAMs peak on "
                    + "their square");
        }
    }

    /** Whether the CAM's strongest cell, mapped back to the frame, lies on a pixel of the square (or next to it). */
    private static boolean peaksOnSquare(NDArray cam, TrainingSample sample) {
        int height = (int) cam.getShape().get(0);
        int width = (int) cam.getShape().get(1);
        int peak = (int) cam.flatten().argMax().getLong();
        VideoFrame frame = sample.current();
        double cellWidth = (double) frame.width() / width;
        double cellHeight = (double) frame.height() / height;
        int centreX = (int) ((peak % width + 0.5) * cellWidth);
        int centreY = (int) ((peak / width + 0.5) * cellHeight);
        for (int dy = -(int) cellHeight; dy <= cellHeight; dy++) {
            for (int dx = -(int) cellWidth; dx <= cellWidth; dx++) {
                int x = centreX + dx;
                int y = centreY + dy;
                if (x >= 0 && y >= 0 && x < frame.width() && y < frame.height()
                        && frame.channel(x, y, sample.tag()) == ColourSquares.SQUARE_LEVEL) {
                    return true;
                }
            }
        }
        return false;
    }
}
