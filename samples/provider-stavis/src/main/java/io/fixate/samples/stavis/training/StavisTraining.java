package io.fixate.samples.stavis.training;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.fixate.api.InvalidOptionsException;
import io.fixate.samples.stavis.StavisWeights;
import io.fixate.samples.stavis.nets.StavisNet;
import io.fixate.spi.ProviderFiles;
import io.fixate.spi.Teacher;
import io.fixate.spi.TrainingData;
import io.fixate.spi.TrainingMonitor;
import io.fixate.spi.TrainingRequest;
import io.fixate.spi.djl.Devices;
import io.fixate.spi.djl.EncoderFolder;
import io.fixate.spi.djl.FrameFit;
import io.fixate.spi.djl.WeightsFile;
import io.fixate.spi.djl.nn.Encoders;
import io.fixate.spi.djl.training.EpochSelection;
import io.fixate.spi.djl.training.EpochTrainer;
import io.fixate.spi.djl.training.MapCorrelation;
import io.fixate.spi.djl.training.TargetDecoder;
import io.fixate.spi.djl.training.TrainingRunFolder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Trains the STAViS net as the paper does, in two stages of one run: {@value #VISUAL} (the visual path alone, its
 * visual map and every DSAM side map supervised) and then {@value #AUDIO_VISUAL} (the whole net, started from the
 * visual stage's weights, only the fused map supervised), each with {@link
 * io.fixate.samples.stavis.nets.StavisLoss} (0.1·BCE − 2·CC − NSS) against the target maps: the recorded gaze of the
 * clips that have it, a teacher's maps of the others ({@link TargetDecoder}; a clip with neither is left out with a
 * note). The result goes to the output folder as {@link StavisWeights}, ready for the {@code stavis} predictor.
 *
 * <p>Each stage is the shared resumable epoch loop ({@link EpochTrainer}: seeded, a checkpoint after every epoch,
 * bit-identical resume) with its own checkpoint folder under {@value #CHECKPOINTS}, and keeps its epoch with the best
 * validation CC between σ of its supervised map and the targets ({@link EpochSelection}, {@link MapCorrelation}; the
 * last epoch without validation clips). A finished visual stage leaves its selected weights and record in {@value
 * #CHECKPOINTS}; an interrupted run resumes in the stage it stopped in, and a finished folder is left as it is. The
 * output's {@code run.json} ({@link TrainingRunFolder}) records teacher, settings, seed and data hash and refuses a
 * resume with anything else; the manifest adds to it the samples used and, per stage, the per-epoch loss and
 * validation CC and the selected epoch. Progress goes to the monitor as stages {@value #DECODE_TRAINING}, {@value
 * #DECODE_VALIDATION}, {@value #VISUAL} and {@value #AUDIO_VISUAL}, validation CC in the score slot.
 */
public final class StavisTraining {

    static final String VISUAL = "visual";
    static final String AUDIO_VISUAL = "audio-visual";
    static final String DECODE_TRAINING = "decode-training";
    static final String DECODE_VALIDATION = "decode-validation";
    static final String CHECKPOINTS = "checkpoints";
    /** The selected weights of a finished visual stage, in {@value #CHECKPOINTS}. */
    static final String VISUAL_WEIGHTS = "visual-stage.params";
    /** The record of a finished visual stage, written after its weights, in {@value #CHECKPOINTS}. */
    static final String VISUAL_RECORD = "visual-stage.json";

    private StavisTraining() {
    }

    /**
     * Trains (or finishes training) the net from {@code data}'s recorded gaze and {@code teacher}'s maps into {@code
     * request.output()} and returns that folder.
     *
     * @throws InvalidOptionsException for bad settings, a folder that holds another run, or no training clip with a
     *                                 target
     * @throws UncheckedIOException    when the folder cannot be written
     */
    public static Path run(TrainingData data, Teacher teacher, TrainingRequest request, TrainingMonitor monitor) {
        StavisSettings settings = StavisSettings.parse(request.settings());
        Path folder = request.output();
        JsonObject record = TrainingRunFolder.record(data, teacher, settings.entries(), request.seed());
        try {
            TrainingRunFolder.claim(folder, record, "STAViS training");
            if (StavisWeights.isComplete(folder)) {
                monitor.stageSkipped(VISUAL);
                monitor.stageSkipped(AUDIO_VISUAL);
                return folder;
            }
            Device device = Devices.choose(request.device());
            TargetDecoder decoder = new TargetDecoder(teacher, settings.inputSize(), FrameFit.SQUASH,
                    Encoders.audio(settings.audioEncoder()).requirement());
            List<StavisSample> training = StavisBatches.samples(decoder.decode(data.training(), DECODE_TRAINING,
                    monitor), settings.frameStride(), settings.frames());
            List<StavisSample> validation = StavisBatches.samples(decoder.decode(data.validation(),
                    DECODE_VALIDATION, monitor), settings.frameStride(), settings.frames());
            if (training.isEmpty()) {
                throw new InvalidOptionsException("nothing to train on in " + data.name()
                        + ": no training clip has recorded gaze or a map from the teacher");
            }
            monitor.note(DECODE_TRAINING, training.size() + " training and " + validation.size()
                    + " validation samples");
            Stages stages = new Stages(settings, request.seed(), device, training, validation, monitor,
                    folder.resolve(CHECKPOINTS));
            JsonObject visual = stages.visual();
            JsonObject extra = record.deepCopy();
            extra.addProperty("trainingSamples", training.size());
            extra.addProperty("validationSamples", validation.size());
            extra.add(VISUAL, visual);
            stages.audioVisual((net, audioVisual) -> {
                extra.add(AUDIO_VISUAL, audioVisual);
                StavisWeights.save(folder, net, settings.inputSize(), extra);
            });
            ProviderFiles.deleteTree(folder.resolve(CHECKPOINTS));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the STAViS weights to " + folder + ": " + e.getMessage(), e);
        }
        return folder;
    }

    /** What to do with a stage's net, its best epoch restored, and the stage's record, before its trainer closes. */
    @FunctionalInterface
    interface StageResult {
        void accept(StavisNet net, JsonObject record) throws IOException;
    }

    /** The two stages over the same samples, each in its own checkpoint folder under {@code checkpoints}. */
    private record Stages(StavisSettings settings, long seed, Device device, List<StavisSample> training,
                          List<StavisSample> validation, TrainingMonitor monitor, Path checkpoints) {

        /** Trains the visual stage, or reads the record of a finished one, and returns that record. */
        JsonObject visual() throws IOException {
            Path recordFile = checkpoints.resolve(VISUAL_RECORD);
            if (Files.exists(recordFile)) {
                monitor.stageSkipped(VISUAL);
                return JsonParser.parseString(Files.readString(recordFile, StandardCharsets.UTF_8))
                        .getAsJsonObject();
            }
            StavisNet net = settings.net(StavisNet.Mode.VISUAL);
            return train(VISUAL, net, settings.visualEpochs(), manager -> startingEncoder(manager, net),
                    (trained, record) -> {
                        // weights first: the record marks the stage finished
                        WeightsFile.save(trained, checkpoints.resolve(VISUAL_WEIGHTS), StavisWeights.modelId(trained));
                        ProviderFiles.writeAtomically(recordFile, record.toString().getBytes(StandardCharsets.UTF_8));
                    });
        }

        /** Trains the audio-visual stage from the visual stage's weights and hands the result to {@code result}. */
        void audioVisual(StageResult result) throws IOException {
            StavisNet net = settings.net(StavisNet.Mode.AUDIO_VISUAL);
            train(AUDIO_VISUAL, net, settings.audioVisualEpochs(), manager -> WeightsFile.load(net, manager,
                    checkpoints.resolve(VISUAL_WEIGHTS), StavisWeights.modelId(net)), result);
        }

        /** Puts the imported encoder weights the settings name, if any, into the fresh net's encoder. */
        private void startingEncoder(NDManager manager, StavisNet net) {
            settings.encoderFolder().ifPresent(folder -> EncoderFolder.load(net.visualEncoder().block(), manager,
                    folder, net.visualEncoder().name(), EncoderFolder.ENCODER));
        }

        /** Trains {@code stage}, hands its net and record to {@code result} and returns the record. */
        private JsonObject train(String stage, StavisNet net, int epochs, Consumer<NDManager> startingWeights,
                                 StageResult result) throws IOException {
            String modelId = StavisWeights.modelId(net);
            StavisBatches batches = new StavisBatches(settings.inputSize(), net);
            Path folder = checkpoints.resolve(stage);
            int batch = settings.batchSize();
            EpochTrainer.Setup setup = new EpochTrainer.Setup(modelId, net, net.loss(),
                    StavisWeights.inputShapes(net, settings.inputSize(), batch), batch,
                    epoch -> settings.learningRate(), settings.weightDecay(), seed, settings.checkpointOptions(seed),
                    startingWeights);
            try (EpochTrainer<StavisSample> trainer = new EpochTrainer<>(setup, folder, device)) {
                if (settings.freezeEncoder()) {
                    net.freezeVisualEncoder();
                }
                net.freezeUnread();
                EpochSelection selection = new EpochSelection(net, modelId, folder, trainer.epochsDone());
                monitor.stageStarted(stage, epochs, (training.size() + batch - 1) / batch);
                trainer.train(epochs, training, random -> batches, () -> validation.isEmpty() ? Float.NaN
                        : MapCorrelation.mean(validation, batch, trainer.manager(), (samples, step) -> net.forward(
                                new ParameterStore(step, false), batches.inputs(samples, step), false).get(0),
                        StavisSample::target), new EpochTrainer.Listener() {
                            @Override
                            public void stepFinished(int epoch, int step, int steps, float loss) {
                                monitor.stepFinished(stage, epoch, step, steps, loss);
                            }

                            @Override
                            public void epochFinished(int epoch, float meanLoss, float validationCc) {
                                selection.epochFinished(epoch, meanLoss, validationCc);
                                monitor.epochFinished(stage, epoch, epochs, meanLoss, "CC", validationCc);
                            }
                        });
                JsonObject record = new JsonObject();
                record.addProperty("selectedEpoch", selection.restoreBest(trainer.manager(), epochs));
                record.add("epochs", selection.epochs());
                result.accept(net, record);
                return record;
            }
        }
    }
}
