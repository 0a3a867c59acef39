package io.fixate.provider.scam.recipe;

import com.google.gson.JsonObject;
import io.fixate.api.CorruptWeightsException;
import io.fixate.api.WeightsException;
import io.fixate.provider.scam.labeling.GalleryClip;
import io.fixate.provider.scam.labeling.PlusSource;
import io.fixate.provider.scam.nets.PlusNet;
import io.fixate.spi.ProviderFiles;
import io.fixate.spi.djl.ManifestFile;
import io.fixate.spi.djl.WeightsFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The trained + nets of a SCAM+ labeler, in the {@value PlusStages#FOLDER} folder of its SCAM labeler: its manifest
 * (format, plus settings, seed, the SHA-256 of the SCAM manifest it builds on, each net's weights file and SHA-256,
 * the gallery's), the nets' weights and the Cross gallery. Loading checks all of it; the nets' parameters live in the
 * SCAM labeler's manager, which closing that releases.
 */
public final class PlusWeights {

    private static final String WHAT = "SCAM+ labeler";

    private final PlusSettings settings;
    private final long seed;
    private final Map<PlusSource, PlusNet> nets;
    private final CrossGallery gallery;

    private PlusWeights(PlusSettings settings, long seed, Map<PlusSource, PlusNet> nets, CrossGallery gallery) {
        this.settings = settings;
        this.seed = seed;
        this.nets = Collections.unmodifiableMap(nets);
        this.gallery = gallery;
    }

    /**
     * Loads the + nets trained on top of {@code scam}, which was loaded from {@code folder}.
     *
     * @throws io.fixate.api.MissingWeightsException when the plus folder, its manifest, a weights file or the
     *                                               gallery is missing
     * @throws CorruptWeightsException when one is damaged or fails its checksum, or the + nets were trained on
     *                                 another SCAM labeler than the one in the folder
     */
    public static PlusWeights load(Path folder, LabelerWeights scam) {
        Path plusFolder = folder.resolve(PlusStages.FOLDER);
        Path manifestFile = plusFolder.resolve(PlusStages.MANIFEST);
        JsonObject manifest = ManifestFile.read(manifestFile, PlusStages.FORMAT, WHAT,
                "fixate train-labeler --labeler scam-plus");
        PlusSettings settings;
        long seed;
        String scamSha;
        String gallerySha;
        try {
            settings = PlusSettings.parse(LabelerWeights.settingEntries(manifest));
            seed = manifest.get("seed").getAsLong();
            scamSha = manifest.get(PlusStages.SCAM_MANIFEST_KEY).getAsString();
            gallerySha = manifest.getAsJsonObject(PlusStages.GALLERY_KEY).get("sha256").getAsString();
        } catch (RuntimeException e) {
            throw ManifestFile.invalid(manifestFile, WHAT, "settings, seed or checksums", e);
        }
        Path scamManifest = folder.resolve(LabelerWeights.MANIFEST);
        try {
            if (!ProviderFiles.sha256Hex(scamManifest).equalsIgnoreCase(scamSha)) {
                throw new CorruptWeightsException(WHAT + " " + plusFolder + " was trained on another SCAM labeler "
                        + "than the one in " + folder + " (its " + LabelerWeights.MANIFEST + " changed since)");
            }
        } catch (IOException e) {
            throw new WeightsException("cannot read " + scamManifest + ": " + WeightsFile.reason(e), e);
        }
        int classes = scam.labels().size();
        Map<PlusSource, PlusNet> nets = new EnumMap<>(PlusSource.class);
        for (Map.Entry<String, List<PlusSource>> file : settings.netFiles().entrySet()) {
            String sha;
            try {
                sha = manifest.getAsJsonObject(PlusStages.NETS_KEY).getAsJsonObject(PlusStages.stageId(file.getKey()))
                        .get("sha256").getAsString();
            } catch (RuntimeException e) {
                throw ManifestFile.invalid(manifestFile, WHAT, "record of net " + file.getKey(), e);
            }
            PlusNet net = PlusStages.newNet(file.getValue().get(0), scam.settings(), settings, classes);
            LabelerWeights.initialize(net, scam.settings().coarseSize(), scam.manager());
            WeightsFile.load(net.block(), scam.manager(), plusFolder.resolve(PlusStages.fileName(file.getKey())),
                    net.architectureId(), sha, manifestFile);
            file.getValue().forEach(source -> nets.put(source, net));
        }
        CrossGallery gallery = CrossGallery.load(plusFolder.resolve(CrossGallery.FILE), gallerySha, classes,
                manifestFile);
        return new PlusWeights(settings, seed, nets, gallery);
    }

    public PlusSettings settings() {
        return settings;
    }

    /** The training seed, which also seeds the companions' draws at labelling time. */
    public long seed() {
        return seed;
    }

    /** The trained + nets, by the source each serves (with shared nets, one net serves several). */
    public Map<PlusSource, PlusNet> nets() {
        return nets;
    }

    /** The gallery clips of class {@code tag}, the Cross nets' companions at labelling time. */
    public List<GalleryClip> gallery(int tag) {
        return gallery.clipsOf(tag);
    }
}
