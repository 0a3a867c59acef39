package io.fixate.samples.avrsp.training;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.ParameterStore;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.fixate.api.AudioRequirement;
import io.fixate.api.InvalidOptionsException;
import io.fixate.samples.avrsp.AvrspWeights;
import io.fixate.samples.avrsp.nets.AvrspNet;
import io.fixate.spi.ProviderFiles;
import io.fixate.spi.Teacher;
import io.fixate.spi.TrainingData;
import io.fixate.spi.TrainingMonitor;
import io.fixate.spi.TrainingRequest;
import io.fixate.spi.djl.Devices;
import io.fixate.spi.djl.EncoderFolder;
import io.fixate.spi.djl.FrameFit;
import io.fixate.spi.djl.WeightsFile;
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
 * Trains the AVRSP net as the paper does, in two phases: {@value #VISUAL} (the visual path alone, the fusion skipped
 * and the audio-side blocks frozen) and then {@value #AUDIO_VISUAL} (the whole net, starting from the first phase's
 * weights). Targets are the recorded gaze of the clips that have it (full supervision, as in the paper) and the
 * teacher's maps of the others (distillation), decoded by {@link TargetDecoder}; the loss is the paper's KL − 0.1·CC
 * − 0.1·SIM. Each phase runs on the SDK's {@link EpochTrainer} (seeded, checkpointed after every epoch, resumable
 * bit-identically) in a checkpoint folder of its own under {@value #PHASES}, and keeps its epoch with the best
 * validation CC ({@link EpochSelection}); a finished phase leaves its weights and record beside its folder, so an
 * interrupted run resumes in the phase it was in. The final net goes to the output folder as {@link AvrspWeights},
 * whose manifest records the run (teacher, settings, seed, data hash) and per phase the per-epoch loss and CC and the
 * selected epoch; the phases' folder is then deleted.
 *
 * <p>Progress goes to the monitor as stages {@value #DECODE_TRAINING}, {@value #DECODE_VALIDATION}, {@value #VISUAL}
 * and {@value #AUDIO_VISUAL}; {@link TrainingMonitor#epochFinished} reports the validation CC (NaN without validation
 * clips).
 */
public final class AvrspTraining {

    static final String VISUAL = "visual";
    static final String AUDIO_VISUAL = "audio-visual";
    static final String DECODE_TRAINING = "decode-training";
    static final String DECODE_VALIDATION = "decode-validation";
    static final String PHASES = "phases";

    private AvrspTraining() {
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
        AvrspSettings settings = AvrspSettings.parse(request.settings());
        AvrspNet probe = new AvrspNet(settings.config());
        if (settings.inputSize() % probe.coarsestStride() != 0) {
            throw new InvalidOptionsException("AVRSP training settings: input-size must be a multiple of "
                    + probe.coarsestStride() + " with the " + settings.config().visualEncoder() + " encoder, got "
                    + settings.inputSize());
        }
        Path folder = request.output();
        JsonObject record = TrainingRunFolder.record(data, teacher, settings.entries(), request.seed());
        try {
            TrainingRunFolder.claim(folder, record, "AVRSP training");
            if (AvrspWeights.isComplete(folder)) {
                monitor.stageSkipped(VISUAL);
                monitor.stageSkipped(AUDIO_VISUAL);
                return folder;
            }
            AudioRequirement audio = probe.audioEncoder().requirement();
            TargetDecoder decoder = new TargetDecoder(teacher, settings.inputSize(), FrameFit.SQUASH, audio);
            int frames = settings.config().frames();
            List<WindowSample> training = WindowSample.of(decoder.decode(data.training(), DECODE_TRAINING, monitor),
                    frames, settings.frameStride());
            List<WindowSample> validation = WindowSample.of(decoder.decode(data.validation(), DECODE_VALIDATION,
                    monitor), frames, settings.frameStride());
            if (training.isEmpty()) {
                throw new InvalidOptionsException("nothing to train on in " + data.name()
                        + ": no training clip has recorded gaze or a map from the teacher");
            }
            monitor.note(DECODE_TRAINING, training.size() + " training and " + validation.size()
                    + " validation clips of " + frames + " frames");
            Phases phases = new Phases(folder.resolve(PHASES), settings, request, training, validation, monitor);
            JsonObject visual = phases.run(VISUAL, settings.visualEpochs(), null);
            JsonObject audioVisual = phases.run(AUDIO_VISUAL, settings.audioVisualEpochs(),
                    settings.visualEpochs() > 0 ? phases.weightsOf(VISUAL) : null);
            AvrspNet net = new AvrspNet(settings.config());
            try (NDManager manager = NDManager.newBaseManager(Devices.choose(request.device()))) {
                net.initialize(manager, DataType.FLOAT32,
                        AvrspWeights.inputShapes(net, settings.inputSize(), 1));
                WeightsFile.load(net, manager, phases.weightsOf(AUDIO_VISUAL), settings.config().modelId());
                JsonObject extra = record.deepCopy();
                extra.addProperty("trainingSamples", training.size());
                extra.addProperty("validationSamples", validation.size());
                JsonObject phaseRecords = new JsonObject();
                if (visual != null) {
                    phaseRecords.add(VISUAL, visual);
                }
                phaseRecords.add(AUDIO_VISUAL, audioVisual);
                extra.add("phases", phaseRecords);
                AvrspWeights.save(folder, net, settings.inputSize(), extra);
            }
            ProviderFiles.deleteTree(folder.resolve(PHASES));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the AVRSP weights to " + folder + ": " + e.getMessage(), e);
        }
        return folder;
    }

    /** The two phases of one run, each in its checkpoint folder under {@code root}. */
    private record Phases(Path root, AvrspSettings settings, TrainingRequest request, List<WindowSample> training,
                          List<WindowSample> validation, TrainingMonitor monitor) {

        /** The weights a finished phase leaves, beside its checkpoint folder. */
        Path weightsOf(String phase) {
            return root.resolve(phase + ".params");
        }

        /**
         * Runs phase {@code phase} for {@code epochs} epochs from the weights {@code start} (the visual encoder's
         * imported weights, if any, when null), unless an earlier run finished it; returns its record (per-epoch loss
         * and CC, the selected epoch), or null for a phase of no epochs.
         */
        JsonObject run(String phase, int epochs, Path start) throws IOException {
            Path recordFile = root.resolve(phase + ".json");
            if (epochs == 0) {
                monitor.stageSkipped(phase);
                return null;
            }
            if (Files.exists(weightsOf(phase))) {
                monitor.stageSkipped(phase);
                return JsonParser.parseString(Files.readString(recordFile, StandardCharsets.UTF_8)).getAsJsonObject();
            }
            AvrspNet net = new AvrspNet(settings.config());
            String modelId = settings.config().modelId();
            WindowBatches batches = new WindowBatches(settings.inputSize(), net);
            Consumer<NDManager> startingWeights = manager -> {
                if (start != null) {
                    WeightsFile.load(net, manager, start, modelId);
                } else {
                    settings.encoderFolder().ifPresent(encoder -> EncoderFolder.load(net.visualEncoder().block(),
                            manager, encoder, net.visualEncoder().name(), EncoderFolder.ENCODER));
                }
            };
            Path checkpoints = root.resolve(phase);
            Device device = Devices.choose(request.device());
            EpochTrainer.Setup setup = new EpochTrainer.Setup(modelId, net, net.loss(),
                    AvrspWeights.inputShapes(net, settings.inputSize(), settings.batchSize()), settings.batchSize(),
                    epoch -> settings.learningRateOfEpoch(epoch, epochs), settings.weightDecay(), request.seed(),
                    settings.checkpointOptions(request.seed(), phase), startingWeights);
            try (EpochTrainer<WindowSample> trainer = new EpochTrainer<>(setup, checkpoints, device)) {
                // frozen once initialised, as the trainer's parameter store needs every parameter's array
                if (phase.equals(VISUAL)) {
                    net.setVisualOnly();
                }
                if (settings.freezeEncoder()) {
                    net.freezeVisualEncoder();
                }
                EpochSelection selection = new EpochSelection(net, modelId, checkpoints, trainer.epochsDone());
                monitor.stageStarted(phase, epochs, (training.size() + settings.batchSize() - 1)
                        / settings.batchSize());
                trainer.train(epochs, training, random -> batches, () -> validation.isEmpty() ? Float.NaN
                        : MapCorrelation.mean(validation, settings.batchSize(), trainer.manager(), (batch, step) ->
                                net.forward(new ParameterStore(step, false), batches.inputs(batch, step), false)
                                        .get(0), WindowSample::target), new EpochTrainer.Listener() {
                            @Override
                            public void stepFinished(int epoch, int step, int steps, float loss) {
                                monitor.stepFinished(phase, epoch, step, steps, loss);
                            }

                            @Override
                            public void epochFinished(int epoch, float meanLoss, float validationCc) {
                                selection.epochFinished(epoch, meanLoss, validationCc);
                                monitor.epochFinished(phase, epoch, epochs, meanLoss, "CC", validationCc);
                            }
                        });
                JsonObject phaseRecord = new JsonObject();
                phaseRecord.addProperty("selectedEpoch", selection.restoreBest(trainer.manager(), epochs));
                phaseRecord.add("epochs", selection.epochs());
                // the record first: a phase counts as finished once its weights exist
                ProviderFiles.writeAtomically(recordFile, phaseRecord.toString().getBytes(StandardCharsets.UTF_8));
                WeightsFile.save(net, weightsOf(phase), modelId);
                return phaseRecord;
            }
        }
    }
}
