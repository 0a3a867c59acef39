package io.fixate.provider.stanet.training;

import ai.djl.Device;
import ai.djl.training.ParameterStore;
import com.google.gson.JsonObject;
import io.fixate.api.InvalidOptionsException;
import io.fixate.provider.stanet.StanetPlusWeights;
import io.fixate.provider.stanet.StanetWeights;
import io.fixate.provider.stanet.nets.StaPlusNet;
import io.fixate.provider.stanet.training.PlusBatches.Sample;
import io.fixate.provider.stanet.training.PlusBatches.Term;
import io.fixate.spi.ProviderFiles;
import io.fixate.spi.Teacher;
import io.fixate.spi.TrainingData;
import io.fixate.spi.TrainingMonitor;
import io.fixate.spi.TrainingRequest;
import io.fixate.spi.djl.Devices;
import io.fixate.spi.djl.WeightsFile;
import io.fixate.spi.djl.nn.ConservativeGcn;
import io.fixate.spi.djl.nn.Encoders;
import io.fixate.spi.djl.training.EpochSelection;
import io.fixate.spi.djl.training.EpochTrainer;
import io.fixate.spi.djl.training.MapCorrelation;
import io.fixate.spi.djl.training.TargetDecoder;
import io.fixate.spi.djl.training.TrainingRunFolder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Trains STANet+ (spec §2): STA+Short and STA+Long, each initialised from a trained STA and distilled from the
 * teacher's maps with Eq. 16's loss, one after the other, into the output folder in the {@link StanetPlusWeights}
 * format with that STA. The STA is the {@code stanet} weights folder setting {@value #STA_WEIGHTS} names, or, without
 * it, trained first by {@link Distillation} into the folder's {@value #STA_FOLDER} as a stage of the same run. The
 * settings are {@link DistillationSettings}' (they apply to every stage; input size, frame fit and encoders are the
 * STA's) plus {@value #STEPS} (the C-GCN's m, default 3), {@value #UPDATE} ({@code conservative}, the papers', by
 * default, or {@code gated-gru}, the reference code's) and {@value #READOUT} ({@code decoder}, {@link
 * StaPlusNet.Readout#DECODER}, by default: above Eq. 15 on the benchmark and on OSIE, docs/stanet-plus.md; or {@code
 * eq15}, the papers').
 *
 * <p>Samples: every {@code frame-stride}-th frame of the clips whose every frame has a target (a teacher's maps, or
 * recorded gaze on every frame), with its companions ({@link PlusBatches}). Progress goes to the monitor as stages
 * {@value #SHORT_STAGE} and {@value #LONG_STAGE}, whose validation score is the mean CC of the target node's map and
 * the teacher's on the validation clips. Each stage checkpoints after every epoch in its own folder, so an interrupted
 * run resumes where it stopped; the folder's {@code run.json} refuses a resume with other data, teacher, settings or
 * seed, and a finished folder is left as it is. Each saved net is that of its epoch with the best validation CC
 * ({@link EpochSelection}); the manifest records the run, the STA's origin and each STA+ stage's per-epoch loss and
 * validation CC and selected epoch.
 */
public final class PlusDistillation {

    static final String STA_WEIGHTS = "sta-weights";
    static final String STEPS = "steps";
    static final String UPDATE = "update";
    static final String READOUT = "readout";
    static final String STA_FOLDER = "sta";
    static final String SHORT_STAGE = "distill-short";
    static final String LONG_STAGE = "distill-long";
    private static final int MAX_STEPS = 8;
    /** The settings an existing STA decides. */
    private static final List<String> STA_DECIDES = List.of(DistillationSettings.INPUT_SIZE,
            DistillationSettings.FRAME_FIT, DistillationSettings.VISUAL_ENCODER, DistillationSettings.AUDIO_ENCODER);

    private PlusDistillation() {
    }

    /**
     * Trains (or finishes training) STANet+ into {@code request.output()} and returns that folder.
     *
     * @throws InvalidOptionsException for bad settings, settings that contradict the given STA, a folder that holds
     *                                 another run, or no training clip whose every frame has a target
     * @throws UncheckedIOException    when the folder cannot be written
     */
    public static Path run(TrainingData data, Teacher teacher, TrainingRequest request, TrainingMonitor monitor) {
        Map<String, String> staSettings = new LinkedHashMap<>(request.settings());
        String staWeights = staSettings.remove(STA_WEIGHTS);
        int steps = steps(staSettings.remove(STEPS));
        ConservativeGcn.Update update = update(staSettings.remove(UPDATE));
        StaPlusNet.Readout readout = readout(staSettings.remove(READOUT));
        Path folder = request.output();
        Device device = Devices.choose(request.device());
        try {
            JsonObject record = TrainingRunFolder.record(data, teacher, DistillationSettings.parse(staSettings)
                    .entries(), request.seed());
            record.getAsJsonObject("settings").addProperty(STEPS, steps);
            record.getAsJsonObject("settings").addProperty(UPDATE, StanetPlusWeights.updateKey(update));
            if (readout != StaPlusNet.Readout.EQ15) {
                // unsaid for Eq. 15, as in runs from before the option, which resume only as such
                record.getAsJsonObject("settings").addProperty(READOUT, StanetPlusWeights.readoutKey(readout));
            }
            record.getAsJsonObject("settings").addProperty(STA_WEIGHTS, staWeights == null ? "" : staWeights);
            TrainingRunFolder.claim(folder, record, "STANet+ distillation");
            if (StanetPlusWeights.isComplete(folder)) {
                monitor.stageSkipped(SHORT_STAGE);
                monitor.stageSkipped(LONG_STAGE);
                return folder;
            }
            Path staFolder = staWeights != null ? Path.of(staWeights) : Distillation.run(data, teacher,
                    new TrainingRequest(folder.resolve(STA_FOLDER), request.seed(), request.device(), staSettings),
                    monitor);
            DistillationSettings settings = settingsOfSta(staSettings, staFolder, device);
            TargetDecoder decoder = new TargetDecoder(teacher, settings.inputSize(), settings.frameFit(),
                    Encoders.audio(settings.audioEncoder()).requirement());
            List<Sample> training = PlusBatches.samples(decoder.decode(data.training(),
                    Distillation.DECODE_TRAINING, monitor), settings.frameStride());
            List<Sample> validation = PlusBatches.samples(decoder.decode(data.validation(),
                    Distillation.DECODE_VALIDATION, monitor), settings.frameStride());
            if (training.isEmpty()) {
                throw new InvalidOptionsException("nothing to train STA+ on in " + data.name() + ": no training clip"
                        + " has a target on every frame");
            }
            monitor.note(SHORT_STAGE, training.size() + " samples, " + validation.size() + " for validation");
            JsonObject stages = new JsonObject();
            StaPlusNet kind = null;
            for (Term term : Term.values()) {
                Stage stage = new Stage(term, settings, new StaPlusNet(Encoders.visual(settings.visualEncoder()),
                        Encoders.audio(settings.audioEncoder()), steps, update, readout), request.seed(), folder,
                        staFolder, device);
                stages.add(stage.netName(), stage.train(training, validation, monitor));
                kind = stage.net;
            }
            JsonObject extra = record.deepCopy();
            extra.addProperty("staOrigin", staWeights != null ? staWeights : STA_FOLDER + "/ (trained in this run)");
            extra.addProperty("trainingSamples", training.size());
            extra.addProperty("validationSamples", validation.size());
            extra.add("stages", stages);
            StanetPlusWeights.complete(folder, staFolder.resolve(StanetWeights.PARAMETERS), kind,
                    settings.inputSize(), settings.frameFit(), extra);
            for (Term term : Term.values()) {
                ProviderFiles.deleteTree(checkpointsOf(folder, term));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the STANet+ weights to " + folder + ": " + e.getMessage(), e);
        }
        return folder;
    }

    /**
     * The distillation settings with the STA's input size, frame fit and encoders, which the STA+ nets must share.
     *
     * @throws InvalidOptionsException when a setting given contradicts the STA
     */
    private static DistillationSettings settingsOfSta(Map<String, String> given, Path staFolder, Device device) {
        Map<String, String> settings = new LinkedHashMap<>(given);
        Map<String, String> sta;
        try (StanetWeights weights = StanetWeights.load(staFolder, device)) {
            sta = Map.of(DistillationSettings.INPUT_SIZE, Integer.toString(weights.inputSize()),
                    DistillationSettings.FRAME_FIT, weights.frameFit().key(),
                    DistillationSettings.VISUAL_ENCODER, weights.net().visualEncoder().name(),
                    DistillationSettings.AUDIO_ENCODER, weights.net().audioEncoder().name());
        }
        for (String key : STA_DECIDES) {
            String value = settings.get(key);
            if (value != null && !value.trim().equals(sta.get(key))) {
                throw new InvalidOptionsException("STANet+ settings: " + key + "=" + value + " contradicts the STA in "
                        + staFolder + ", which has " + sta.get(key));
            }
            settings.put(key, sta.get(key));
        }
        return DistillationSettings.parse(settings);
    }

    private static int steps(String value) {
        try {
            int steps = value == null ? ConservativeGcn.DEFAULT_STEPS : Integer.parseInt(value.trim());
            if (steps >= 1 && steps <= MAX_STEPS) {
                return steps;
            }
        } catch (NumberFormatException e) {
            // refused below with the range
        }
        throw new InvalidOptionsException("STANet+ settings: " + STEPS + " must be a whole number from 1 to "
                + MAX_STEPS + ", got '" + value + "'");
    }

    private static ConservativeGcn.Update update(String value) {
        try {
            return StanetPlusWeights.updateOf(value == null ? "conservative" : value.trim().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidOptionsException("STANet+ settings: " + UPDATE + ": " + e.getMessage());
        }
    }

    private static StaPlusNet.Readout readout(String value) {
        try {
            return StanetPlusWeights.readoutOf(value == null ? "decoder" : value.trim().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidOptionsException("STANet+ settings: " + READOUT + ": " + e.getMessage());
        }
    }

    private static Path checkpointsOf(Path folder, Term term) {
        return folder.resolve(Distillation.CHECKPOINTS + "-" + term.name().toLowerCase(Locale.ROOT));
    }

    /**
     * One STA+ net's training: initialised from the STA, checkpointed in its own folder, saved at its end with the
     * weights of its best epoch.
     */
    private static final class Stage {

        private final Term term;
        private final DistillationSettings settings;
        private final long seed;
        private final Path folder;
        private final Path staFolder;
        private final Device device;
        private final StaPlusNet net;

        Stage(Term term, DistillationSettings settings, StaPlusNet net, long seed, Path folder, Path staFolder,
              Device device) {
            this.term = term;
            this.settings = settings;
            this.seed = seed;
            this.folder = folder;
            this.staFolder = staFolder;
            this.device = device;
            this.net = net;
        }

        String netName() {
            return term == Term.SHORT ? StanetPlusWeights.SHORT : StanetPlusWeights.LONG;
        }

        String stageName() {
            return term == Term.SHORT ? SHORT_STAGE : LONG_STAGE;
        }

        /**
         * Trains the net (or what is left of it), saves its best epoch, and returns its record: the per-epoch loss and
         * CC and the selected epoch.
         */
        JsonObject train(List<Sample> training, List<Sample> validation, TrainingMonitor monitor) throws IOException {
            Path checkpoints = checkpointsOf(folder, term);
            Map<String, String> options = settings.checkpointOptions(seed);
            options.put("net", netName());
            options.put("sta", ProviderFiles.sha256Hex(staFolder.resolve(StanetWeights.PARAMETERS)));
            PlusBatches evaluation = PlusBatches.evaluation(term, settings.inputSize(), settings.frameFit(), net,
                    new SplittableRandom(seed));
            EpochTrainer.Setup setup = new EpochTrainer.Setup(StanetPlusWeights.modelId(net), net, net.loss(),
                    evaluation.inputShapes(settings.batchSize()), settings.batchSize(), settings::learningRateOfEpoch,
                    settings.weightDecay(), seed, options, manager -> WeightsFile.load(net.sta(), manager,
                            staFolder.resolve(StanetWeights.PARAMETERS), StanetWeights.modelId(net.sta())));
            try (EpochTrainer<Sample> trainer = new EpochTrainer<>(setup, checkpoints, device)) {
                if (settings.freezeEncoder()) {
                    net.sta().freezeVisualEncoder();
                }
                if (settings.freezeAudioEncoder()) {
                    net.sta().freezeAudioEncoder();
                }
                EpochSelection selection = new EpochSelection(net, StanetPlusWeights.modelId(net), checkpoints,
                        trainer.epochsDone());
                monitor.stageStarted(stageName(), settings.epochs(),
                        (training.size() + settings.batchSize() - 1) / settings.batchSize());
                trainer.train(settings.epochs(), training, random -> settings.augment()
                                ? PlusBatches.augmenting(term, settings.inputSize(), settings.frameFit(), net, random)
                                : PlusBatches.evaluation(term, settings.inputSize(), settings.frameFit(), net, random),
                        () -> validation.isEmpty() ? Float.NaN : meanCorrelation(trainer, validation),
                        new EpochTrainer.Listener() {
                            @Override
                            public void stepFinished(int epoch, int step, int steps, float loss) {
                                monitor.stepFinished(stageName(), epoch, step, steps, loss);
                            }

                            @Override
                            public void epochFinished(int epoch, float meanLoss, float validationCc) {
                                selection.epochFinished(epoch, meanLoss, validationCc);
                                monitor.epochFinished(stageName(), epoch, settings.epochs(), meanLoss, "CC",
                                        validationCc);
                            }
                        });
                int selected = selection.restoreBest(trainer.manager(), settings.epochs());
                StanetPlusWeights.saveNet(folder, netName(), net);
                JsonObject record = new JsonObject();
                record.add("epochs", selection.epochs());
                record.addProperty("selectedEpoch", selected);
                return record;
            }
        }

        /**
         * The mean CC of the target node's map and its teacher map over {@code samples}, STA+Long's companions drawn
         * from the seed alone so that every epoch is measured on the same fragments; constant teacher maps are left
         * out, and NaN is returned when none is left.
         */
        private float meanCorrelation(EpochTrainer<Sample> trainer, List<Sample> samples) {
            PlusBatches batches = PlusBatches.evaluation(term, settings.inputSize(), settings.frameFit(), net,
                    new SplittableRandom(seed));
            return MapCorrelation.mean(samples, settings.batchSize(), trainer.manager(), (batch, step) -> net.forward(
                    new ParameterStore(step, false), batches.inputs(batch, step), false).get(0),
                    sample -> sample.clip().maps().get(sample.target()));
        }
    }
}
