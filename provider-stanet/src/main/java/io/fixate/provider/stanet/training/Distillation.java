package io.fixate.provider.stanet.training;

import com.google.gson.JsonObject;
import io.fixate.api.InvalidOptionsException;
import io.fixate.provider.stanet.StanetWeights;
import io.fixate.provider.stanet.nets.StaNet;
import io.fixate.spi.ProviderFiles;
import io.fixate.spi.Teacher;
import io.fixate.spi.TrainingData;
import io.fixate.spi.TrainingMonitor;
import io.fixate.spi.TrainingRequest;
import io.fixate.spi.djl.Devices;
import io.fixate.spi.djl.nn.Encoders;
import io.fixate.spi.djl.training.EpochSelection;
import io.fixate.spi.djl.training.EpochTrainer;
import io.fixate.spi.djl.training.TrainingRunFolder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Trains the STA net on target maps: the recorded gaze of the clips that have it and a teacher's maps of the others
 * ({@link TargetSamples}; the papers distil a pseudo-labeler this way) are the targets of STANet's loss, BCE + KL
 * ({@link DistillationTrainer}), and the trained net goes to the output folder in the {@link StanetWeights} format,
 * ready for the {@code stanet} predictor.
 *
 * <p>Progress goes to the monitor as stages {@value #DECODE_TRAINING}, {@value #DECODE_VALIDATION} and {@value
 * #STAGE}; the latter's {@link TrainingMonitor#epochFinished} reports in its validation-accuracy slot the mean CC
 * between the net's maps and the validation clips' targets (NaN without validation clips).
 *
 * <p>The folder's {@code run.json} ({@link TrainingRunFolder}) records the teacher's name and description (a SCAM
 * labeler's names its properties and weights), settings, seed and data hash and refuses to resume with anything else;
 * checkpoints (one per epoch) and the per-epoch record go to {@value #CHECKPOINTS} until the net is saved. An
 * interrupted run resumes after its last finished epoch; a finished folder is left as it is. The saved net is that of
 * the epoch with the best validation CC ({@link EpochSelection}). The
 * manifest adds to the format's entries the run record, the per-epoch loss and validation CC and the selected epoch.
 */
public final class Distillation {

    static final String STAGE = "distill";
    static final String DECODE_TRAINING = "decode-training";
    static final String DECODE_VALIDATION = "decode-validation";
    static final String CHECKPOINTS = "checkpoints";

    private Distillation() {
    }

    /**
     * Trains (or finishes training) the STA net from {@code data}'s recorded gaze and {@code teacher}'s maps into
     * {@code request.output()} and returns that folder.
     *
     * @throws InvalidOptionsException for bad settings, a folder that holds another run, or no training clip with a
     *                                 target
     * @throws UncheckedIOException    when the folder cannot be written
     */
    public static Path run(TrainingData data, Teacher teacher, TrainingRequest request,
                           TrainingMonitor monitor) {
        DistillationSettings settings = DistillationSettings.parse(request.settings());
        Path folder = request.output();
        JsonObject record = TrainingRunFolder.record(data, teacher, settings.entries(), request.seed());
        try {
            TrainingRunFolder.claim(folder, record, "STANet distillation");
            if (StanetWeights.isComplete(folder)) {
                monitor.stageSkipped(STAGE);
                return folder;
            }
            StaNet net = new StaNet(Encoders.visual(settings.visualEncoder()), Encoders.audio(settings.audioEncoder()));
            TargetSamples samples = new TargetSamples(teacher, settings.frameStride(), settings.inputSize(),
                    settings.frameFit(), net.audioEncoder().requirement());
            List<DistillationSample> training = samples.decode(data.training(), DECODE_TRAINING, monitor);
            List<DistillationSample> validation = samples.decode(data.validation(), DECODE_VALIDATION, monitor);
            if (training.isEmpty()) {
                throw new InvalidOptionsException("nothing to train on in " + data.name()
                        + ": no training clip has recorded gaze or a map from the teacher");
            }
            Path checkpoints = folder.resolve(CHECKPOINTS);
            try (DistillationTrainer trainer = new DistillationTrainer(net, StanetWeights.modelId(net), settings,
                    request.seed(), checkpoints, Devices.choose(request.device()))) {
                EpochSelection selection = new EpochSelection(net, StanetWeights.modelId(net), checkpoints,
                        trainer.epochsDone());
                monitor.stageStarted(STAGE, settings.epochs(),
                        (training.size() + settings.batchSize() - 1) / settings.batchSize());
                trainer.train(training, validation, new EpochTrainer.Listener() {
                    @Override
                    public void stepFinished(int epoch, int step, int steps, float loss) {
                        monitor.stepFinished(STAGE, epoch, step, steps, loss);
                    }

                    @Override
                    public void epochFinished(int epoch, float meanLoss, float validationCc) {
                        selection.epochFinished(epoch, meanLoss, validationCc);
                        monitor.epochFinished(STAGE, epoch, settings.epochs(), meanLoss, "CC", validationCc);
                    }
                });
                JsonObject extra = record.deepCopy();
                extra.addProperty("selectedEpoch", selection.restoreBest(trainer.manager(), settings.epochs()));
                extra.addProperty("trainingSamples", training.size());
                extra.addProperty("validationSamples", validation.size());
                extra.add("epochs", selection.epochs());
                StanetWeights.save(folder, net, settings.inputSize(), settings.frameFit(), extra);
            }
            ProviderFiles.deleteTree(checkpoints);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the STANet weights to " + folder + ": " + e.getMessage(), e);
        }
        return folder;
    }
}
