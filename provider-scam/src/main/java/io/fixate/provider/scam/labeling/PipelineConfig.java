package io.fixate.provider.scam.labeling;

import io.fixate.api.InvalidOptionsException;
import io.fixate.provider.scam.maps.SelectiveFusion;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What a {@link ScamPipeline} computes.
 *
 * @param stage           coarse only, or coarse-to-fine
 * @param fusion          how each stage's CAMs become one map
 * @param sources         the nets that run; the fine stage's region of interest is the selective fusion of all of
 *                        them, and a single-CAM fusion needs its own source among them
 * @param lambda          λ of paper Eq. 2, positive
 * @param smoothing       whether the clip's maps go through the reference's temporal smoothing
 * @param coarseInputSize side of the square frames the coarse nets take
 * @param fineInputSize   side of the square crops the fine nets take
 * @param refine          whether every net's fused class maps go through the fixation refine layer before their CAM
 *                        is taken (SCAM+ journal, Table 1: FRL alone on SCAM)
 */
public record PipelineConfig(Stage stage, CamFusion fusion, Set<Source> sources, double lambda, boolean smoothing,
                             int coarseInputSize, int fineInputSize, boolean refine) {

    /** Input sizes of the paper: 256 coarse, 356 fine (CVPR 2021, §4.2). */
    public static final int PAPER_COARSE_INPUT = 256;
    public static final int PAPER_FINE_INPUT = 356;

    /** @throws InvalidOptionsException if a setting is out of range or the fusion's source is not configured */
    public PipelineConfig {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(fusion, "fusion");
        if (sources.isEmpty()) {
            throw new InvalidOptionsException("the pipeline needs at least one source of S, ST, SA");
        }
        sources = Collections.unmodifiableSet(EnumSet.copyOf(sources));
        if (!sources.containsAll(fusion.sourcesAmong(sources))) {
            throw new InvalidOptionsException(fusion + " needs source(s) " + fusion.sourcesAmong(sources)
                    + ", but only " + sources + " are configured");
        }
        if (!(lambda > 0 && Double.isFinite(lambda))) {
            throw new InvalidOptionsException("lambda must be positive and finite, got " + lambda);
        }
        if (coarseInputSize <= 0 || fineInputSize <= 0) {
            throw new InvalidOptionsException("input sizes must be positive, got coarse " + coarseInputSize
                    + " and fine " + fineInputSize);
        }
    }

    /** All three sources, the reference λ, smoothing on, the paper's input sizes and no refinement. */
    public static PipelineConfig of(Stage stage, CamFusion fusion) {
        return new PipelineConfig(stage, fusion, EnumSet.allOf(Source.class), SelectiveFusion.DEFAULT_LAMBDA, true,
                PAPER_COARSE_INPUT, PAPER_FINE_INPUT, false);
    }

    /** This configuration with other sources. */
    public PipelineConfig withSources(Set<Source> newSources) {
        return new PipelineConfig(stage, fusion, newSources, lambda, smoothing, coarseInputSize, fineInputSize,
                refine);
    }

    /** This configuration with smoothing switched on or off. */
    public PipelineConfig withSmoothing(boolean on) {
        return new PipelineConfig(stage, fusion, sources, lambda, on, coarseInputSize, fineInputSize, refine);
    }

    /** This configuration with other net input sizes. */
    public PipelineConfig withInputSizes(int coarse, int fine) {
        return new PipelineConfig(stage, fusion, sources, lambda, smoothing, coarse, fine, refine);
    }

    /** This configuration with the fixation refine layer on or off. */
    public PipelineConfig withRefinement(boolean on) {
        return new PipelineConfig(stage, fusion, sources, lambda, smoothing, coarseInputSize, fineInputSize, on);
    }
}
