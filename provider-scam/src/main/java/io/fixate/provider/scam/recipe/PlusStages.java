package io.fixate.provider.scam.recipe;

import ai.djl.ndarray.NDManager;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import io.fixate.api.VideoFrame;
import io.fixate.provider.scam.labeling.Companions;
import io.fixate.provider.scam.labeling.Granularity;
import io.fixate.provider.scam.labeling.PlusSource;
import io.fixate.provider.scam.labeling.Source;
import io.fixate.provider.scam.nets.PlusNet;
import io.fixate.provider.scam.nets.ScamNet;
import io.fixate.provider.scam.nets.TrainableNet;
import io.fixate.provider.scam.training.TrainingOptions;
import io.fixate.provider.scam.training.TrainingSample;
import io.fixate.spi.ProviderFiles;
import io.fixate.spi.TrainingMonitor;
import io.fixate.spi.djl.nn.ConservativeGcn;
import io.fixate.spi.djl.nn.FixationRefineLayer;
import io.fixate.spi.djl.training.TrainingRunFolder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The SCAM+ stages of a labeler's training run (journal §3.2, spec §1.6), after the SCAM nets: each + net of the
 * settings, its branch started from the trained coarse net of its source, trained on whole frames at the coarse size,
 * then the Cross gallery. Everything goes to the labeler's {@value #FOLDER} folder, a resumable run of its own whose
 * record holds the plus settings, the seed and the SHA-256 of the SCAM manifest it builds on; its manifest is written
 * last. Training samples are the SCAM nets' (every frame-stride-th frame of each clip), with companions drawn per
 * sample from a random source seeded by (seed, net); SA+ trains on the frames whose audio is relevant only, like SA;
 * clips too short for Long give no Long samples; Cross companions come from another training clip of the tag (with
 * sound for SA+).
 */
final class PlusStages {

    static final String FOLDER = "plus";
    static final String MANIFEST = "manifest.json";
    static final String FORMAT = "fixate-scam-plus/1";
    static final String NETS_KEY = "nets";
    static final String GALLERY_KEY = "gallery";
    static final String SCAM_MANIFEST_KEY = "scamManifestSha256";

    private static final String CHECKPOINTS = "checkpoints";
    /** Odd constant (2^64 / golden ratio) that spreads the nets' draws over unrelated seeds. */
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    /** Runs one net's stage: trains it unless its weights are saved, then loads and records it. */
    @FunctionalInterface
    interface StageRunner {
        TrainableNet run(NetStage stage, StageRecords records, List<TrainingSample> training,
                         List<TrainingSample> validation, NDManager manager) throws IOException;
    }

    private final PlusSettings plus;
    private final TrainingSettings settings;
    private final int classes;
    private final long seed;
    private final Path labeler;
    private final Path folder;
    private final TrainingMonitor monitor;
    private final StageRunner runner;

    PlusStages(PlusSettings plus, TrainingSettings settings, int classes, long seed, Path labeler,
               TrainingMonitor monitor, StageRunner runner) {
        this.plus = plus;
        this.settings = settings;
        this.classes = classes;
        this.seed = seed;
        this.labeler = labeler;
        this.folder = labeler.resolve(FOLDER);
        this.monitor = monitor;
        this.runner = runner;
    }

    /** Whether the labeler in {@code labeler} has finished + nets. */
    static boolean done(Path labeler) {
        return Files.exists(labeler.resolve(FOLDER).resolve(MANIFEST));
    }

    /** A fresh + net of the settings, unstarted. */
    static PlusNet newNet(PlusSource net, TrainingSettings settings, PlusSettings plus, int classes) {
        ScamNet branch = (ScamNet) NetSlot.of(net.source(), false).newNet(settings, classes);
        ConservativeGcn reasoning = new ConservativeGcn(classes, plus.steps(), plus.update(),
                plus.refine() ? new FixationRefineLayer() : null);
        return new PlusNet(branch, net.companions(plus.companions()), reasoning, plus.reasoningId());
    }

    /**
     * Trains every + net of the settings and the gallery, then writes the manifest.
     *
     * @param relevantTraining   the training frames whose audio is relevant to their tag, by identity
     * @param relevantValidation the same of the validation frames
     */
    void train(List<DecodedClip> training, List<DecodedClip> validation, Set<VideoFrame> relevantTraining,
               Set<VideoFrame> relevantValidation, NDManager manager) throws IOException {
        Files.createDirectories(folder);
        JsonObject run = new JsonObject();
        run.addProperty("format", FORMAT);
        JsonObject entries = new JsonObject();
        plus.entries().forEach(entries::addProperty);
        run.add("settings", entries);
        run.addProperty("seed", seed);
        run.addProperty(SCAM_MANIFEST_KEY, ProviderFiles.sha256Hex(labeler.resolve(LabelerWeights.MANIFEST)));
        TrainingRunFolder.claim(folder, run, "SCAM+ training");
        StageRecords records = StageRecords.in(folder);
        for (Map.Entry<String, List<PlusSource>> file : plus.netFiles().entrySet()) {
            List<TrainingSample> trainingSamples = new ArrayList<>();
            List<TrainingSample> validationSamples = new ArrayList<>();
            for (PlusSource net : file.getValue()) {
                trainingSamples.addAll(samples(net, training, training, relevantTraining));
                validationSamples.addAll(samples(net, validation, training, relevantValidation));
            }
            runner.run(stage(file.getKey(), file.getValue().get(0)), records, trainingSamples, validationSamples,
                    manager);
        }
        Path gallery = folder.resolve(CrossGallery.FILE);
        CrossGallery.build(training, classes, plus.galleryClips(), settings.coarseSize(), seed).save(gallery);
        monitor.note("plus-gallery", "kept " + plus.galleryClips() + " clip(s) per class for the Cross nets");
        JsonObject manifest = run.deepCopy();
        manifest.add(NETS_KEY, records.all());
        JsonObject galleryRecord = new JsonObject();
        LabelerWeights.recordWeights(galleryRecord, gallery);
        manifest.add(GALLERY_KEY, galleryRecord);
        ProviderFiles.writeAtomically(folder.resolve(MANIFEST), new GsonBuilder().setPrettyPrinting().create()
                .toJson(manifest).getBytes(StandardCharsets.UTF_8));
        ProviderFiles.deleteTree(folder.resolve(CHECKPOINTS));
        records.delete();
    }

    /** The stage of the weights file {@code name}, a net like {@code net} (of its source and companion count). */
    private NetStage stage(String name, PlusSource net) {
        NetSlot coarse = NetSlot.of(net.source(), false);
        TrainingOptions base = settings.options(coarse, seed);
        TrainingOptions options = new TrainingOptions(plus.epochs(), base.batchSize(), plus.learningRate(),
                base.weightDecay(), base.inputSize(), base.resizeSize(), seed, base.encoderWeights(),
                base.freezeEncoder());
        Path start = labeler.resolve(coarse.fileName());
        String hint = net.granularity() == Granularity.LONG ? " (Long nets need clips of at least "
                + Companions.LONG_MIN_FRAMES + " frames)" : net.granularity() == Granularity.CROSS
                ? " (Cross nets need two training clips of a tag)" : "";
        return new NetStage(stageId(name), folder.resolve(fileName(name)), folder.resolve(CHECKPOINTS).resolve(name),
                () -> {
                    PlusNet fresh = newNet(net, settings, plus, classes);
                    fresh.startBranchFrom(start);
                    return fresh;
                }, settings.coarseSize(), options, hint + (net.source() == Source.SA
                ? " (SA+ needs frames whose sound is relevant)" : ""));
    }

    /** The progress and manifest name of the + net in weights file {@code name}. */
    static String stageId(String name) {
        return "plus-" + name;
    }

    static String fileName(String name) {
        return name + ".params";
    }

    /** The samples of {@code clips} for {@code net}, Cross companions drawn from {@code crossPool}. */
    private List<TrainingSample> samples(PlusSource net, List<DecodedClip> clips, List<DecodedClip> crossPool,
                                         Set<VideoFrame> relevant) {
        SplittableRandom random = new SplittableRandom(seed ^ (GOLDEN_GAMMA * (net.ordinal() + 1)));
        boolean audio = net.source() == Source.SA;
        List<TrainingSample> samples = new ArrayList<>();
        for (DecodedClip clip : clips) {
            if (!Companions.applies(net, clip.length())) {
                continue;
            }
            for (int frame : clip.sampledFrames(settings.frameStride())) {
                if (audio && !relevant.contains(clip.node(frame, clip.tag()).current())) {
                    continue;
                }
                DecodedClip other = null;
                if (net.granularity() == Granularity.CROSS) {
                    other = otherClip(clip, crossPool, audio, random);
                    if (other == null) {
                        continue;
                    }
                }
                samples.add(Companions.of(net, clip, frame, clip.tag(), plus.companions(), other, random));
            }
        }
        return samples;
    }

    /** Another clip of {@code clip}'s tag (with sound where {@code audio}), or null where there is none. */
    private static DecodedClip otherClip(DecodedClip clip, List<DecodedClip> pool, boolean audio,
                                         SplittableRandom random) {
        List<DecodedClip> others = pool.stream().filter(other -> other != clip && other.tag() == clip.tag()
                && (!audio || other.node(0, other.tag()).audio() != null)).toList();
        return others.isEmpty() ? null : others.get(random.nextInt(others.size()));
    }
}
