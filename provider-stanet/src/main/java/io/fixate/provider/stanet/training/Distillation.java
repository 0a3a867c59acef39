package io.fixate.provider.stanet.training;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.fixate.api.InvalidOptionsException;
import io.fixate.provider.stanet.StanetWeights;
import io.fixate.provider.stanet.nets.StaNet;
import io.fixate.spi.ProviderFiles;
import io.fixate.spi.Teacher;
import io.fixate.spi.TrainingData;
import io.fixate.spi.TrainingMonitor;
import io.fixate.spi.TrainingRequest;
import io.fixate.spi.djl.Devices;
import io.fixate.spi.djl.training.EpochTrainer;
import io.fixate.spi.djl.training.TrainingRunFolder;
import io.fixate.spi.djl.WeightsFile;
import io.fixate.spi.djl.nn.Encoders;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
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
 * the epoch with the best validation CC (early stopping: a small dataset over-fits long before the last epoch), the
 * last one without validation clips; the weights of the best epoch so far are kept beside the checkpoint for that. The
 * manifest adds to the format's entries the run record, the per-epoch loss and validation CC and the selected epoch.
 */
public final class Distillation {

    static final String STAGE = "distill";
    static final String DECODE_TRAINING = "decode-training";
    static final String DECODE_VALIDATION = "decode-validation";
    static final String CHECKPOINTS = "checkpoints";
    /** The per-epoch record, kept across an interruption. */
    private static final String EPOCHS_FILE = "epochs.json";
    private static final String EPOCH_WEIGHTS_PREFIX = "epoch-";
    private static final String EPOCH_WEIGHTS_SUFFIX = ".params";

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
        JsonObject record = runRecord(data, teacher, settings, request.seed());
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
                JsonArray epochs = readEpochs(checkpoints, trainer.epochsDone());
                monitor.stageStarted(STAGE, settings.epochs(),
                        (training.size() + settings.batchSize() - 1) / settings.batchSize());
                trainer.train(training, validation, new EpochTrainer.Listener() {
                    @Override
                    public void stepFinished(int epoch, int step, int steps, float loss) {
                        monitor.stepFinished(STAGE, epoch, step, steps, loss);
                    }

                    @Override
                    public void epochFinished(int epoch, float meanLoss, float validationCc) {
                        keepEpochWeights(trainer, checkpoints, epoch);
                        recordEpoch(checkpoints, epochs, epoch, meanLoss, validationCc);
                        dropEpochWeightsBut(checkpoints, bestEpoch(epochs));
                        monitor.epochFinished(STAGE, epoch, settings.epochs(), meanLoss, "CC", validationCc);
                    }
                });
                JsonObject extra = record.deepCopy();
                int selected = epochs.isEmpty() ? settings.epochs() : bestEpoch(epochs);
                if (selected != settings.epochs()) {
                    trainer.loadWeights(epochWeights(checkpoints, selected));
                }
                extra.addProperty("selectedEpoch", selected);
                extra.addProperty("trainingSamples", training.size());
                extra.addProperty("validationSamples", validation.size());
                extra.add("epochs", epochs);
                StanetWeights.save(folder, net, settings.inputSize(), settings.frameFit(), extra);
            }
            ProviderFiles.deleteTree(checkpoints);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the STANet weights to " + folder + ": " + e.getMessage(), e);
        }
        return folder;
    }

    /** What decides the result, hence what a resumed run must share: teacher, settings, seed and data. */
    static JsonObject runRecord(TrainingData data, Teacher teacher, DistillationSettings settings, long seed) {
        JsonObject record = new JsonObject();
        teacher.info().ifPresent(info -> {
            record.addProperty("teacher", info.name());
            record.addProperty("teacherDescription", info.description());
        });
        JsonObject settingsRecord = new JsonObject();
        settings.entries().forEach(settingsRecord::addProperty);
        record.add("settings", settingsRecord);
        record.addProperty("seed", seed);
        JsonObject dataRecord = new JsonObject();
        dataRecord.addProperty("name", data.name());
        dataRecord.addProperty("sha256", TrainingRunFolder.dataHash(data));
        dataRecord.addProperty("trainingClips", data.training().size());
        dataRecord.addProperty("validationClips", data.validation().size());
        record.add("data", dataRecord);
        return record;
    }

    /**
     * The records of the first {@code epochsDone} epochs kept by an interrupted run; an epoch whose checkpoint was
     * written but whose record was not (an interruption between the two) has none.
     */
    static JsonArray readEpochs(Path checkpoints, int epochsDone) throws IOException {
        Path file = checkpoints.resolve(EPOCHS_FILE);
        JsonArray kept = new JsonArray();
        if (epochsDone > 0 && Files.exists(file)) {
            for (JsonElement epoch : JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8))
                    .getAsJsonArray()) {
                if (epoch.getAsJsonObject().get("epoch").getAsInt() <= epochsDone) {
                    kept.add(epoch);
                }
            }
        }
        return kept;
    }

    /** The first recorded epoch with the highest validation CC; the last recorded epoch when none has one. */
    private static int bestEpoch(JsonArray epochs) {
        int best = epochs.get(epochs.size() - 1).getAsJsonObject().get("epoch").getAsInt();
        float bestCc = Float.NEGATIVE_INFINITY;
        for (JsonElement element : epochs) {
            JsonObject epoch = element.getAsJsonObject();
            if (epoch.has("validationCc") && epoch.get("validationCc").getAsFloat() > bestCc) {
                bestCc = epoch.get("validationCc").getAsFloat();
                best = epoch.get("epoch").getAsInt();
            }
        }
        return best;
    }

    private static Path epochWeights(Path checkpoints, int epoch) {
        return checkpoints.resolve(EPOCH_WEIGHTS_PREFIX + epoch + EPOCH_WEIGHTS_SUFFIX);
    }

    /** Saves the weights of {@code epoch} before its record, so that every recorded epoch can still be selected. */
    private static void keepEpochWeights(DistillationTrainer trainer, Path checkpoints, int epoch) {
        Path file = epochWeights(checkpoints, epoch);
        try {
            trainer.saveWeights(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Deletes the kept epoch weights but those of epoch {@code best}. */
    private static void dropEpochWeightsBut(Path checkpoints, int best) {
        try (DirectoryStream<Path> kept = Files.newDirectoryStream(checkpoints,
                EPOCH_WEIGHTS_PREFIX + "*" + EPOCH_WEIGHTS_SUFFIX)) {
            for (Path file : kept) {
                if (!file.equals(epochWeights(checkpoints, best))) {
                    Files.delete(file);
                    Files.deleteIfExists(WeightsFile.manifestOf(file));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot tidy " + checkpoints + ": " + e.getMessage(), e);
        }
    }

    static void recordEpoch(Path checkpoints, JsonArray epochs, int epoch, float meanLoss,
                                    float validationCc) {
        JsonObject entry = new JsonObject();
        entry.addProperty("epoch", epoch);
        entry.addProperty("meanLoss", meanLoss);
        if (!Float.isNaN(validationCc)) {
            // JSON has no NaN: an epoch without validation has no entry
            entry.addProperty("validationCc", validationCc);
        }
        epochs.add(entry);
        try {
            ProviderFiles.writeAtomically(checkpoints.resolve(EPOCHS_FILE),
                    epochs.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + checkpoints.resolve(EPOCHS_FILE) + ": " + e.getMessage(),
                    e);
        }
    }
}
