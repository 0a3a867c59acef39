package io.fixate.provider.stanet.nets;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.fixate.fixtures.NdManagerExtension;
import io.fixate.spi.djl.training.TrainingStep;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(NdManagerExtension.class)
class StaNetTrainingTest {

    private static final int BATCH = 2;
    private static final int SIZE = 64;
    private static final int SQUARE = 16;
    /** Pixels the square moves per frame. */
    private static final int MOTION = 2;
    private static final int STEPS = 15;

    private NDManager manager;

    @BeforeEach
    void seed(NDManager opened) {
        Engine.getInstance().setRandomSeed(13);
        manager = opened;
    }

    @Test
    void sgdStepsOnAMovingSquareLowerTheLoss() {
        int[][] corners = {{12, 30}, {34, 10}};
        Random noise = new Random(4);
        NDList inputs = new NDList();
        for (int frame = -1; frame <= 1; frame++) {
            inputs.add(frames(corners, frame * MOTION, noise));
        }
        inputs.add(manager.randomNormal(new Shape(BATCH, 1, 257, StaNetTest.SPECTROGRAM_FRAMES)));
        NDArray labels = blobs(corners);

        StaNet net = StaNetTest.compactNet();
        DefaultTrainingConfig config = new DefaultTrainingConfig(net.loss())
                .optOptimizer(Optimizer.sgd().setLearningRateTracker(Tracker.fixed(0.005f)).optMomentum(0.9f).build())
                .optDevices(new Device[] {Device.cpu()});
        try (Model model = Model.newInstance("sta")) {
            model.setBlock(net);
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(StaNetTest.inputShapes(BATCH, SIZE, SIZE));
                float first = step(trainer, inputs, labels);
                float last = first;
                for (int i = 1; i < STEPS; i++) {
                    last = step(trainer, inputs, labels);
                }
                assertTrue(last < 0.25f * first, "loss " + first + " -> " + last + " after " + STEPS + " steps");
            }
        }
    }

    /** One SGD step; its temporaries live in a sub-manager closed at the end. */
    private static float step(Trainer trainer, NDList inputs, NDArray labels) {
        try (NDManager step = trainer.getManager().newSubManager()) {
            return TrainingStep.run(trainer, inputs, labels, step).loss();
        }
    }

    /** Noise (std 0.5) with a bright square (+2) per sample, its corner moved right by {@code shift}. */
    private NDArray frames(int[][] corners, int shift, Random noise) {
        float[] pixels = new float[BATCH * 3 * SIZE * SIZE];
        for (int b = 0; b < BATCH; b++) {
            for (int c = 0; c < 3; c++) {
                for (int y = 0; y < SIZE; y++) {
                    for (int x = 0; x < SIZE; x++) {
                        boolean inSquare = y >= corners[b][0] && y < corners[b][0] + SQUARE
                                && x >= corners[b][1] + shift && x < corners[b][1] + shift + SQUARE;
                        pixels[((b * 3 + c) * SIZE + y) * SIZE + x] =
                                (float) (noise.nextGaussian() * 0.5 + (inSquare ? 2 : 0));
                    }
                }
            }
        }
        return manager.create(pixels, new Shape(BATCH, 3, SIZE, SIZE));
    }

    /** Pseudo-labels: a Gaussian blob (σ = 5 px, peak 1) on the centre of each sample's square in frame t. */
    private NDArray blobs(int[][] corners) {
        float[] label = new float[BATCH * SIZE * SIZE];
        double sigma = 5;
        for (int b = 0; b < BATCH; b++) {
            double centreY = corners[b][0] + SQUARE / 2.0;
            double centreX = corners[b][1] + SQUARE / 2.0;
            for (int y = 0; y < SIZE; y++) {
                for (int x = 0; x < SIZE; x++) {
                    double distance = (y - centreY) * (y - centreY) + (x - centreX) * (x - centreX);
                    label[(b * SIZE + y) * SIZE + x] = (float) Math.exp(-distance / (2 * sigma * sigma));
                }
            }
        }
        return manager.create(label, new Shape(BATCH, 1, SIZE, SIZE));
    }
}
