package io.fixate.provider.scam.labeling;

import ai.djl.ndarray.NDManager;
import io.fixate.api.FixationMap;
import io.fixate.api.FrameWithAudio;
import io.fixate.provider.scam.maps.BilinearResize;
import io.fixate.provider.scam.maps.CamMap;
import io.fixate.provider.scam.maps.FineCamPaste;
import io.fixate.provider.scam.maps.GridBox;
import io.fixate.provider.scam.maps.SalientRegion;
import io.fixate.provider.scam.maps.SelectiveFusion;
import io.fixate.provider.scam.maps.TemporalSmoother;
import io.fixate.provider.scam.nets.ScamNet;
import io.fixate.spi.djl.AudioSpectrogram;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Turns a tagged clip into one pseudo-fixation map per frame with already-trained classification nets (SCAM, Wang
 * et al., CVPR 2021, §3.5-3.6; reference post-processing, fact sheet §4).
 *
 * <p>Per frame t, on the frame's pixel grid:
 * <ol>
 * <li>COARSE: the coarse nets' CAMs of the tag class, resized to the frame and combined by the configured
 *     {@link CamFusion}.</li>
 * <li>FINE: the box of the coarse SCAM_sel of all configured sources above twice its mean ({@link SalientRegion});
 *     frames t − 1, t, t + 1 cropped to it; the fine nets' CAMs on the crops, resized to the box and combined by
 *     the configured fusion; the result pasted into an otherwise zero frame-sized map ({@link FineCamPaste}).
 *     <b>The pasted fine map is the frame's map; the coarse map is not fused back in.</b> Source: the reference
 *     passes {@code RecoverCAM}'s pasted fine CAMs on without any coarse term, and the paper calls the fine SCAM
 *     "the final pseudo-fixations" (§3.6). One deviation: the reference pastes each fine CAM and fuses the pasted
 *     maps, this fuses on the box and pastes once; the two differ only in where each source's min-max
 *     normalisation takes its minimum.</li>
 * <li>If configured, the reference's recursive {@link TemporalSmoother} over the clip, which delays output by
 *     {@value TemporalSmoother#DELAY} frames.</li>
 * </ol>
 * Maps are min-max normalised into [0, 1] ({@link FixationMap#ofScores}: a constant map, e.g. from a frame whose
 * CAM is all zero, becomes all zero) and carry the frame's timestamp and size.
 *
 * <p>Streaming: at most three frames (t − 1, t, t + 1) and the smoother's five maps are held, whatever the clip's
 * length. A pipeline holds no clip state between calls but uses its sources, which are not thread-safe.
 */
public final class ScamPipeline {

    private final PipelineConfig config;
    private final CamSources coarse;
    private final CamSources fine;
    private final AudioRelevance audioSwitch;
    private final SelectiveFusion selective;

    /** A pipeline without audio switch: the SA CAM always takes part. */
    public ScamPipeline(PipelineConfig config, CamSources coarse, CamSources fine) {
        this(config, coarse, fine, AudioRelevance.ALWAYS);
    }

    /**
     * @param coarse      answers for the coarse nets
     * @param fine        answers for the fine nets; unused (may be null) in the COARSE stage
     * @param audioSwitch decides per frame whether the SA CAM takes part in a multi-source fusion (and in the fine
     *                    stage's region of interest)
     * @throws IllegalArgumentException if the sources cannot answer for what the configuration needs
     */
    public ScamPipeline(PipelineConfig config, CamSources coarse, CamSources fine, AudioRelevance audioSwitch) {
        this.config = Objects.requireNonNull(config, "config");
        this.coarse = requireSources("coarse", coarse, coarseSourcesNeeded());
        this.fine = config.stage() == Stage.FINE ? requireSources("fine", fine, fineSourcesNeeded()) : null;
        this.audioSwitch = Objects.requireNonNull(audioSwitch, "audioSwitch");
        this.selective = new SelectiveFusion(config.lambda());
    }

    /**
     * A pipeline over trained nets, which run at the configuration's input sizes.
     *
     * @param coarseNets the coarse nets by source
     * @param fineNets   the fine nets by source (trained on crops); ignored in the COARSE stage
     * @param audio      the audio front end the SA nets were trained with
     * @param manager    the manager holding the nets' parameters
     */
    public static ScamPipeline withNets(PipelineConfig config, Map<Source, ScamNet> coarseNets,
                                        Map<Source, ScamNet> fineNets, AudioSpectrogram audio, NDManager manager) {
        return withNets(config, coarseNets, fineNets, AudioRelevance.ALWAYS, audio, manager);
    }

    /** As {@link #withNets(PipelineConfig, Map, Map, AudioSpectrogram, NDManager)}, with an audio switch. */
    public static ScamPipeline withNets(PipelineConfig config, Map<Source, ScamNet> coarseNets,
                                        Map<Source, ScamNet> fineNets, AudioRelevance audioSwitch,
                                        AudioSpectrogram audio, NDManager manager) {
        return new ScamPipeline(config,
                new NetCamSources(coarseNets, config.coarseInputSize(), audio, config.refine(), manager),
                new NetCamSources(fineNets, config.fineInputSize(), audio, config.refine(), manager), audioSwitch);
    }

    public PipelineConfig config() {
        return config;
    }

    /**
     * Maps every frame of {@code clip}, handing one map per frame to {@code sink} in frame order.
     *
     * @param tag index of the clip's category tag among the nets' classes
     * @throws IllegalArgumentException if the tag is not a class of the nets or the frames change size
     */
    public void label(Iterable<FrameWithAudio> clip, int tag, Consumer<FixationMap> sink) {
        ClipMaps maps = new ClipMaps(config.smoothing(), sink);
        FrameWithAudio previous = null;
        FrameWithAudio current = null;
        for (FrameWithAudio next : clip) {
            if (current != null) {
                maps.add(current.frame(), map(previous == null ? current : previous, current, next, tag));
                previous = current;
            }
            current = next;
        }
        if (current != null) {
            maps.add(current.frame(), map(previous == null ? current : previous, current, current, tag));
        }
        maps.finish();
    }

    private CamMap map(FrameWithAudio previous, FrameWithAudio current, FrameWithAudio next, int tag) {
        return frameMap(new FrameTriple(previous.frame(), current.frame(), next.frame(), current.audio()), tag,
                current.audioPresent());
    }

    /**
     * The fine stage's CAM of every configured source for the current frame of {@code frames}, each resized to the
     * region of interest and pasted into an otherwise zero map on the frame's pixel grid (as the reference's {@code
     * RecoverCAM} pastes each fine CAM), and whether the frame's audio is relevant: what SCAM+ fuses with its + maps.
     */
    public FineCams fineCams(FrameTriple frames, int tag, boolean soundPresent) {
        if (config.stage() != Stage.FINE) {
            throw new IllegalStateException("fine CAMs need a pipeline of the fine stage");
        }
        boolean audioRelevant = audioRelevant(frames, soundPresent);
        GridBox box = regionOfInterest(frames, tag, coarse.cams(frames, tag, config.sources()), audioRelevant);
        List<SourceCam> pasted = fine.cams(frames.cropped(box), tag, config.sources()).stream()
                .map(cam -> cam.withCam(FineCamPaste.intoBox(BilinearResize.resize(cam.cam(), box.width(),
                        box.height()), box)))
                .toList();
        return new FineCams(pasted, audioRelevant);
    }

    /**
     * The pasted fine CAMs of one frame.
     *
     * @param cams          one per configured source, on the frame's pixel grid
     * @param audioRelevant whether the audio switch lets SA (and what derives from it) take part
     */
    public record FineCams(List<SourceCam> cams, boolean audioRelevant) {
    }

    /**
     * The unsmoothed map of the current frame of {@code frames}, on its pixel grid.
     *
     * @param soundPresent whether the current frame has sound at all
     */
    CamMap frameMap(FrameTriple frames, int tag, boolean soundPresent) {
        boolean audioRelevant = audioRelevant(frames, soundPresent);
        List<SourceCam> coarseCams = coarse.cams(frames, tag, coarseSourcesNeeded());
        if (config.stage() == Stage.COARSE) {
            return config.fusion().fuse(switched(coarseCams, audioRelevant), tag, frames.current().width(),
                    frames.current().height(), selective);
        }
        GridBox box = regionOfInterest(frames, tag, coarseCams, audioRelevant);
        List<SourceCam> fineCams = fine.cams(frames.cropped(box), tag, fineSourcesNeeded());
        return FineCamPaste.intoBox(config.fusion().fuse(switched(fineCams, audioRelevant), tag, box.width(),
                box.height(), selective), box);
    }

    /**
     * The fine stage's region of interest for the current frame of {@code frames}, on its pixel grid: the box of the
     * coarse SCAM_sel of all configured sources (SA's only where the switch lets it in) above twice its mean. The
     * fine nets are trained on crops of exactly these boxes.
     */
    public GridBox regionOfInterest(FrameTriple frames, int tag, boolean soundPresent) {
        return regionOfInterest(frames, tag, coarse.cams(frames, tag, config.sources()),
                audioRelevant(frames, soundPresent));
    }

    private GridBox regionOfInterest(FrameTriple frames, int tag, List<SourceCam> coarseCams, boolean audioRelevant) {
        return SalientRegion.box(CamFusion.SCAM_SEL.fuse(switched(coarseCams, audioRelevant), tag,
                frames.current().width(), frames.current().height(), selective));
    }

    private boolean audioRelevant(FrameTriple frames, boolean soundPresent) {
        return !switchMatters() || audioSwitch.relevant(frames, soundPresent);
    }

    /**
     * Whether some fusion of this configuration may drop the SA CAM: one of several sources fused, at the coarse
     * stage by the configured fusion, at the fine stage at least by the region of interest's SCAM_sel.
     */
    private boolean switchMatters() {
        Set<Source> fused = config.stage() == Stage.FINE ? config.sources()
                : config.fusion().sourcesAmong(config.sources());
        return fused.contains(Source.SA) && fused.size() > 1;
    }

    /**
     * The CAMs that take part in a fusion: all of them where the audio is relevant, else all but the SA-derived ones
     * (SA's, and SCAM+'s SA+ terms). Where every CAM is SA-derived (a single-CAM ablation, or SCAM+ limited to SA and
     * its + nets) they all stay, since a fusion needs one.
     */
    static List<SourceCam> switched(List<SourceCam> cams, boolean audioRelevant) {
        if (audioRelevant) {
            return cams;
        }
        List<SourceCam> visualOnly = cams.stream().filter(cam -> cam.source() != Source.SA).toList();
        return visualOnly.isEmpty() ? cams : visualOnly;
    }

    private Set<Source> coarseSourcesNeeded() {
        return config.stage() == Stage.FINE ? config.sources() : fineSourcesNeeded();
    }

    private Set<Source> fineSourcesNeeded() {
        return config.fusion().sourcesAmong(config.sources());
    }

    private static CamSources requireSources(String stage, CamSources sources, Set<Source> needed) {
        Objects.requireNonNull(sources, stage + " sources");
        if (!sources.available().containsAll(needed)) {
            throw new IllegalArgumentException("the " + stage + " stage needs sources " + needed + ", but only "
                    + sources.available() + " are available");
        }
        return sources;
    }
}
