package io.fixate.provider.scam.training;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import io.fixate.provider.scam.nets.SNet;
import io.fixate.spi.djl.AudioSpectrogram;
import io.fixate.spi.djl.FramePreprocessor;
import io.fixate.spi.djl.training.MomentumSgd;
import io.fixate.spi.djl.training.TrainingStep;
import io.fixate.spi.djl.nn.Encoders;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Native memory of a training loop: a step leaves nothing behind in the model's manager. */
class NativeMemoryTest {

    @Test
    void stepsDoNotAccumulateArraysInTheModelsManager() {
        SNet net = new SNet(Encoders.visual(Encoders.COMPACT), ColourSquares.CLASSES);
        Batches batches = new Batches(net.input(), FramePreprocessor.augmenting(32, 36, 1), new AudioSpectrogram(),
                ColourSquares.CLASSES);
        List<TrainingSample> samples = ColourSquares.samples(4, 1);
        try (Model model = Model.newInstance("step-test", Device.cpu())) {
            model.setBlock(net);
            net.initialize(model.getNDManager(), DataType.FLOAT32, batches.inputShapes(samples.size()));
            try (Trainer trainer = model.newTrainer(new DefaultTrainingConfig(net.loss())
                    .optOptimizer(new MomentumSgd(0.01f, 5e-4f)))) {
                // the first step creates the gradients and momentum buffers, which then live as long as the model
                int afterFirstStep = 0;
                for (int i = 0; i < 4; i++) {
                    try (NDManager step = model.getNDManager().newSubManager()) {
                        TrainingStep.run(trainer, batches.inputs(samples, step), batches.labels(samples, step), step);
                    }
                    if (i == 0) {
                        afterFirstStep = model.getNDManager().getManagedArrays().size();
                    }
                }
                assertEquals(afterFirstStep, model.getNDManager().getManagedArrays().size(),
                        "arrays in the model's manager after four steps");
            }
        }
    }
}
