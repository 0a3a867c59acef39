package io.fixate.provider.scam.recipe;

import ai.djl.Device;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import com.google.gson.JsonObject;
import io.fixate.api.FrameWithAudio;
import io.fixate.api.CorruptWeightsException;
import io.fixate.api.InvalidOptionsException;
import io.fixate.api.MissingWeightsException;
import io.fixate.api.VideoFrame;
import io.fixate.provider.scam.audio.SoundSwitch;
import io.fixate.provider.scam.audio.SwitchLabels;
import io.fixate.provider.scam.labeling.CamFusion;
import io.fixate.provider.scam.labeling.FrameTriple;
import io.fixate.provider.scam.labeling.NetAudioRelevance;
import io.fixate.provider.scam.labeling.NetCamSources;
import io.fixate.provider.scam.labeling.PipelineConfig;
import io.fixate.provider.scam.labeling.ScamPipeline;
import io.fixate.provider.scam.labeling.Source;
import io.fixate.provider.scam.labeling.Stage;
import io.fixate.provider.scam.nets.ScamNet;
import io.fixate.provider.scam.nets.TrainableNet;
import io.fixate.provider.scam.training.Batches;
import io.fixate.provider.scam.training.NetTrainer;
import io.fixate.provider.scam.training.TrainingOptions;
import io.fixate.provider.scam.training.TrainingSample;
import io.fixate.spi.ProviderFiles;
import io.fixate.spi.TrainingData;
import io.fixate.spi.TrainingMonitor;
import io.fixate.spi.TrainingRequest;
import io.fixate.spi.djl.AudioSpectrogram;
import io.fixate.spi.djl.Devices;
import io.fixate.spi.djl.EncoderFolder;
import io.fixate.spi.djl.training.EpochTrainer;
import io.fixate.spi.djl.FramePreprocessor;
import io.fixate.spi.djl.training.TrainingRunFolder;
import io.fixate.spi.djl.WeightsFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Trains every net of a SCAM labeler from tagged clips, in the paper's order (CVPR 2021, §3.4-3.6):
 * <ol>
 * <li>{@code audio-classifier-a}, {@code -b}: the tags from the audio alone, standing in for the reference's VGGSound
 *     classifier, each trained on every other training clip;</li>
 * <li>{@code switch}: switch labels (relevant iff the audio classifier's top-1 class is the tag), each clip's made by
 *     the classifier that did not train on it, as VGGSound never heard the reference's clips (a classifier labelling
 *     its own training audio has memorised it and calls nearly everything relevant); balanced as the reference
 *     does; the sound switch learns them from frame and audio;</li>
 * <li>{@code coarse-s}, {@code coarse-st} on all samples and {@code coarse-sa} on the audio-relevant ones only, as
 *     the reference trains SA on the switch's positive frames;</li>
 * <li>{@code fine-s}, {@code fine-st}, {@code fine-sa} on crops of each sample's region of interest, the box of its
 *     coarse SCAM_sel with the switch, exactly as labelling computes it.</li>
 * </ol>
 * Every net is saved with its checksum manifest when its stage ends; its checkpoints (one per epoch) go to
 * {@code checkpoints/<stage>} until then. An interrupted run resumes: finished stages are loaded, the interrupted one
 * continues after its last finished epoch. The folder's run record ({@link TrainingRunFolder}) holds settings, seed
 * and a hash of the data (label set and every clip's id, tags and fingerprint) and refuses to resume with anything
 * else. The manifest is written last. A SCAM+ run ({@link #runPlus}) then trains the + nets ({@link PlusStages}).
 */
public final class LabelerTraining {

    private static final String CHECKPOINTS = "checkpoints";

    private final TrainingData data;
    private final TrainingSettings settings;
    private final long seed;
    private final Path folder;
    private final Device device;
    private final TrainingMonitor monitor;
    private final AudioSpectrogram spectrogram = new AudioSpectrogram();
    private final JsonObject manifest;
    /** The SCAM+ stages' settings; null when only the SCAM nets are trained. */
    private final PlusSettings plus;
    private StageRecords netRecords;

    private LabelerTraining(TrainingData data, TrainingRequest request, TrainingMonitor monitor, PlusSettings plus) {
        this.data = data;
        this.plus = plus;
        this.settings = TrainingSettings.parse(scamEntries(request, plus != null));
        this.seed = request.seed();
        this.folder = request.output();
        this.device = Devices.choose(request.device());
        this.monitor = monitor;
        this.manifest = LabelerWeights.manifestHead(data.labels(), settings);
        manifest.addProperty("seed", seed);
        JsonObject dataRecord = new JsonObject();
        dataRecord.addProperty("name", data.name());
        dataRecord.addProperty("sha256", TrainingRunFolder.dataHash(data));
        dataRecord.addProperty("trainingClips", data.training().size());
        dataRecord.addProperty("validationClips", data.validation().size());
        manifest.add("data", dataRecord);
    }

    /**
     * Trains (or finishes training) the SCAM labeler into {@code request.output()} and returns that folder.
     *
     * @throws InvalidOptionsException  for bad settings, data without category tags on every clip, or a folder that
     *                                  holds a run with other settings or data
     * @throws MissingWeightsException  when the imported encoder weights named in the settings are missing
     * @throws CorruptWeightsException  when they are damaged or of another encoder
     * @throws UncheckedIOException     when the folder cannot be written
     */
    public static Path run(TrainingData data, TrainingRequest request, TrainingMonitor monitor) {
        return run(data, request, monitor, null);
    }

    /**
     * Trains (or finishes training) the SCAM+ labeler into {@code request.output()}: the SCAM nets, unless the folder
     * already holds them, then the + nets of the plus settings into its {@value PlusStages#FOLDER} folder. The SCAM
     * settings a finished SCAM folder recorded need not be repeated.
     *
     * @throws InvalidOptionsException as {@link #run(TrainingData, TrainingRequest, TrainingMonitor)}, and for bad
     *                                  plus settings or a plus folder that holds a run with other ones
     */
    public static Path runPlus(TrainingData data, TrainingRequest request, TrainingMonitor monitor) {
        return run(data, request, monitor, PlusSettings.parse(request.settings()));
    }

    private static Path run(TrainingData data, TrainingRequest request, TrainingMonitor monitor, PlusSettings plus) {
        data.requireTags();
        LabelerTraining training = new LabelerTraining(data, request, monitor, plus);
        try {
            training.recordEncoderWeights();
            training.claimFolder();
            boolean scamDone = Files.exists(request.output().resolve(LabelerWeights.MANIFEST));
            if (scamDone && (plus == null || PlusStages.done(request.output()))) {
                for (NetSlot slot : NetSlot.values()) {
                    monitor.stageSkipped(slot.id());
                }
            } else {
                training.trainAll(scamDone);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the SCAM labeler to " + request.output() + ": "
                    + e.getMessage(), e);
        }
        return request.output();
    }

    /**
     * The SCAM settings of a run: the request's; for a SCAM+ run, without the plus keys and, where the folder holds a
     * finished SCAM, completed by the settings it recorded.
     */
    private static Map<String, String> scamEntries(TrainingRequest request, boolean plus) {
        if (!plus) {
            return request.settings();
        }
        Map<String, String> entries = new LinkedHashMap<>();
        request.settings().forEach((key, value) -> {
            if (!PlusSettings.KEYS.contains(key)) {
                entries.put(key, value);
            }
        });
        LabelerWeights.recordedSettings(request.output()).forEach(entries::putIfAbsent);
        return entries;
    }

    private void trainAll(boolean scamDone) throws IOException {
        List<DecodedClip> decodedTraining = ClipSamples.decode(data.training(), data.labels(),
                settings.frameStride(), "decode-training", monitor);
        List<DecodedClip> decodedValidation = ClipSamples.decode(data.validation(), data.labels(),
                settings.frameStride(), "decode-validation", monitor);
        List<List<TrainingSample>> trainingClips = decodedTraining.stream()
                .map(clip -> clip.samples(settings.frameStride())).toList();
        List<TrainingSample> training = flatten(trainingClips);
        List<TrainingSample> validation = flatten(decodedValidation.stream()
                .map(clip -> clip.samples(settings.frameStride())).toList());
        if (training.isEmpty()) {
            throw new InvalidOptionsException("no training sample in " + data.name() + ": every clip has several tags");
        }
        try (NDManager manager = NDManager.newBaseManager(device)) {
            TrainableNet classifierA = stage(NetSlot.AUDIO_CLASSIFIER_A,
                    withSound(flatten(everyOther(trainingClips, 0))), withSound(validation), manager);
            TrainableNet classifierB = stage(NetSlot.AUDIO_CLASSIFIER_B,
                    withSound(flatten(everyOther(trainingClips, 1))), withSound(validation), manager);
            List<TrainingSample> trainingRelevance = new ArrayList<>();
            for (int i = 0; i < trainingClips.size(); i++) {
                TrainableNet heldOut = i % 2 == 0 ? classifierB : classifierA;
                trainingRelevance.addAll(relevance(heldOut, withSound(trainingClips.get(i)), manager));
            }
            List<TrainingSample> validationRelevance = relevance(classifierA, withSound(validation), manager);
            monitor.note(NetSlot.SWITCH.id(), relevantCount(trainingRelevance) + " of " + trainingRelevance.size()
                    + " training samples with sound have audio relevant to their tag");
            SoundSwitch soundSwitch = (SoundSwitch) stage(NetSlot.SWITCH,
                    SwitchLabels.balanced(trainingRelevance, LabelerTraining::isRelevant, seed), validationRelevance,
                    manager);

            List<TrainingSample> relevantTraining = relevantOnly(withSound(training), trainingRelevance);
            List<TrainingSample> relevantValidation = relevantOnly(withSound(validation), validationRelevance);
            Map<Source, ScamNet> coarseNets = scamStage(false, training, validation, relevantTraining,
                    relevantValidation, manager);

            if (scamDone) {
                // the + stages read neither the fine nets nor their crops, which would take minutes to cut again
                for (Source source : Source.values()) {
                    monitor.stageSkipped(NetSlot.of(source, true).id());
                }
            } else {
                ScamPipeline regions = new ScamPipeline(
                        PipelineConfig.of(Stage.COARSE, CamFusion.SCAM_SEL).withSmoothing(false)
                                .withInputSizes(settings.coarseSize(), settings.fineSize()),
                        new NetCamSources(coarseNets, settings.coarseSize(), spectrogram, manager), null,
                        new NetAudioRelevance(soundSwitch, settings.coarseSize(), spectrogram, manager));
                scamStage(true, crops(regions, training), crops(regions, validation),
                        crops(regions, relevantTraining), crops(regions, relevantValidation), manager);
                manifest.add(LabelerWeights.NETS_KEY, netRecords.all());
                LabelerWeights.writeManifest(folder, manifest);
                ProviderFiles.deleteTree(folder.resolve(CHECKPOINTS));
                netRecords.delete();
            }
            if (plus != null) {
                new PlusStages(plus, settings, data.labels().size(), seed, folder, monitor, this::stage)
                        .train(decodedTraining, decodedValidation, currentFrames(relevantTraining),
                                currentFrames(relevantValidation), manager);
            }
        }
    }

    /** Trains the coarse or fine S, ST and SA nets; SA on the audio-relevant samples only. */
    private Map<Source, ScamNet> scamStage(boolean fine, List<TrainingSample> training,
                                           List<TrainingSample> validation, List<TrainingSample> relevantTraining,
                                           List<TrainingSample> relevantValidation, NDManager manager)
            throws IOException {
        Map<Source, ScamNet> nets = new EnumMap<>(Source.class);
        for (Source source : Source.values()) {
            boolean audio = source == Source.SA;
            nets.put(source, (ScamNet) stage(NetSlot.of(source, fine), audio ? relevantTraining : training,
                    audio ? relevantValidation : validation, manager));
        }
        return nets;
    }

    private TrainableNet stage(NetSlot slot, List<TrainingSample> training, List<TrainingSample> validation,
                               NDManager manager) throws IOException {
        return stage(slot.stage(settings, data.labels().size(), folder, folder.resolve(CHECKPOINTS), seed),
                netRecords, training, validation, manager);
    }

    /**
     * One net: trained (or resumed) unless its weights are already saved, then loaded from its weights file into
     * {@code manager}, which also checks what was saved; {@code records} gets its sample counts, accuracy and
     * checksum.
     */
    private TrainableNet stage(NetStage stage, StageRecords records, List<TrainingSample> training,
                               List<TrainingSample> validation, NDManager manager) throws IOException {
        if (Files.exists(WeightsFile.manifestOf(stage.weights()))) {
            monitor.stageSkipped(stage.id());
        } else {
            if (training.isEmpty()) {
                throw new InvalidOptionsException("nothing to train " + stage.id() + " on in " + data.name()
                        + stage.emptyHint());
            }
            JsonObject record = records.of(stage.id());
            record.addProperty("trainingSamples", training.size());
            record.addProperty("validationSamples", validation.size());
            float accuracy = train(stage, training, validation);
            if (Float.isFinite(accuracy)) {
                // JSON has no NaN: without validation data the entry is left out
                record.addProperty("validationAccuracy", accuracy);
            }
            records.save();
        }
        TrainableNet net = stage.newNet().get();
        LabelerWeights.initialize(net, stage.inputSize(), manager);
        WeightsFile.load(net.block(), manager, stage.weights(), net.architectureId());
        LabelerWeights.recordWeights(records.of(stage.id()), stage.weights());
        return net;
    }

    private float train(NetStage stage, List<TrainingSample> training, List<TrainingSample> validation)
            throws IOException {
        TrainableNet net = stage.newNet().get();
        TrainingOptions options = stage.options();
        float[] lastAccuracy = {Float.NaN};
        try (NetTrainer trainer = new NetTrainer(net, options, stage.checkpoints(), device)) {
            monitor.stageStarted(stage.id(), options.epochs(), (training.size() + options.batchSize() - 1)
                    / options.batchSize());
            trainer.train(training, validation, new EpochTrainer.Listener() {
                @Override
                public void stepFinished(int epoch, int step, int steps, float loss) {
                    monitor.stepFinished(stage.id(), epoch, step, steps, loss);
                }

                @Override
                public void epochFinished(int epoch, float meanLoss, float validationAccuracy) {
                    lastAccuracy[0] = validationAccuracy;
                    monitor.epochFinished(stage.id(), epoch, options.epochs(), meanLoss, "accuracy",
                            validationAccuracy);
                }
            });
            if (Float.isNaN(lastAccuracy[0]) && !validation.isEmpty()) {
                lastAccuracy[0] = trainer.accuracy(validation);
            }
            WeightsFile.save(net.block(), stage.weights(), net.architectureId());
        }
        return lastAccuracy[0];
    }

    /**
     * The samples relabelled for the switch: tag 1 where the audio classifier's top-1 class is the sample's tag,
     * else 0 (the paper's automatic switch labels).
     */
    private List<TrainingSample> relevance(TrainableNet audioClassifier, List<TrainingSample> samples,
                                           NDManager manager) {
        Batches batches = new Batches(audioClassifier.input(), FramePreprocessor.evaluation(settings.coarseSize()),
                spectrogram, audioClassifier.classes());
        List<TrainingSample> relabelled = new ArrayList<>();
        for (List<TrainingSample> batch : EpochTrainer.partition(samples, settings.batchSize())) {
            try (NDManager step = manager.newSubManager()) {
                NDList outputs = audioClassifier.block().forward(new ParameterStore(step, false),
                        batches.inputs(batch, step), false);
                int[] tags = batch.stream().mapToInt(TrainingSample::tag).toArray();
                int[] labels = SwitchLabels.fromLogits(audioClassifier.scores(outputs), tags);
                for (int i = 0; i < batch.size(); i++) {
                    TrainingSample sample = batch.get(i);
                    relabelled.add(new TrainingSample(sample.previous(), sample.current(), sample.next(),
                            sample.audio(), labels[i]));
                }
            }
        }
        return relabelled;
    }

    private static boolean isRelevant(TrainingSample relabelled) {
        return relabelled.tag() == SwitchLabels.RELEVANT;
    }

    private static long relevantCount(List<TrainingSample> relabelled) {
        return relabelled.stream().filter(LabelerTraining::isRelevant).count();
    }

    /** The frames the samples are taken at, by identity. */
    private static Set<VideoFrame> currentFrames(List<TrainingSample> samples) {
        Set<VideoFrame> frames = Collections.newSetFromMap(new IdentityHashMap<>());
        samples.forEach(sample -> frames.add(sample.current()));
        return frames;
    }

    /** The samples whose relabelled twin (same position) is relevant. */
    private static List<TrainingSample> relevantOnly(List<TrainingSample> samples, List<TrainingSample> relabelled) {
        List<TrainingSample> relevant = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            if (isRelevant(relabelled.get(i))) {
                relevant.add(samples.get(i));
            }
        }
        return relevant;
    }

    /** The clips at even ({@code parity} 0) or odd positions. */
    private static List<List<TrainingSample>> everyOther(List<List<TrainingSample>> clips, int parity) {
        List<List<TrainingSample>> half = new ArrayList<>();
        for (int i = parity; i < clips.size(); i += 2) {
            half.add(clips.get(i));
        }
        return half;
    }

    private static List<TrainingSample> flatten(List<List<TrainingSample>> clips) {
        return clips.stream().flatMap(List::stream).toList();
    }

    private static List<TrainingSample> withSound(List<TrainingSample> samples) {
        return samples.stream().filter(sample -> sample.audio() != null).toList();
    }

    /** Each sample's three frames cropped to its region of interest; audio and tag unchanged. */
    private static List<TrainingSample> crops(ScamPipeline regions, List<TrainingSample> samples) {
        List<TrainingSample> crops = new ArrayList<>(samples.size());
        for (TrainingSample sample : samples) {
            boolean sound = sample.audio() != null;
            FrameTriple frames = new FrameTriple(sample.previous(), sample.current(), sample.next(),
                    sound ? sample.audio() : FrameWithAudio.silent(sample.current(), ClipSamples.AUDIO).audio());
            FrameTriple cropped = frames.cropped(regions.regionOfInterest(frames, sample.tag(), sound));
            crops.add(new TrainingSample(cropped.previous(), cropped.current(), cropped.next(), sample.audio(),
                    sample.tag()));
        }
        return crops;
    }

    /**
     * Checks that the imported weights the run starts from, if any, are of the visual encoder (before any training),
     * and records them in the manifest and run record: the encoder and the SHA-256 of its weights file.
     */
    private void recordEncoderWeights() throws IOException {
        Optional<Path> encoders = settings.encoderFolder();
        if (encoders.isPresent()) {
            // reading its class names checks the folder's record: present, of the format, of this encoder
            EncoderFolder.classes(encoders.get(), settings.visualEncoder());
            Path weights = EncoderFolder.weightsOf(encoders.get(), EncoderFolder.ENCODER);
            if (!Files.isRegularFile(weights)) {
                throw new MissingWeightsException("no encoder weights " + weights + " beside its "
                        + EncoderFolder.MANIFEST + "; import them again with fixate import-encoder");
            }
            JsonObject record = new JsonObject();
            record.addProperty("encoder", settings.visualEncoder());
            record.addProperty("sha256", ProviderFiles.sha256Hex(weights));
            manifest.add("encoderWeights", record);
        }
    }

    /** Claims the folder for this run, or checks that it holds this run and picks up its finished stages. */
    private void claimFolder() throws IOException {
        TrainingRunFolder.claim(folder, manifest, "SCAM training");
        netRecords = StageRecords.in(folder);
    }
}
