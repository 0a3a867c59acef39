package io.fixate.provider.scam;

import io.fixate.api.ModelOptions;
import io.fixate.provider.scam.labeling.CamFusion;
import io.fixate.provider.scam.labeling.PipelineConfig;
import io.fixate.provider.scam.labeling.Stage;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The {@code scam} labeler: selective fusion of the S, ST and SA CAMs by classification confidence, coarse-to-fine,
 * the audio switch and temporal smoothing (Wang et al., CVPR 2021). Properties, for the paper's ablations:
 * {@code stage} = fine (default) | coarse, {@code fusion} = sel (default, Eq. 2) | avg, {@code switch} = on (default)
 * | off, {@code smoothing} = on (default) | off, {@code refine} = off (default) | on (the fixation refine layer of
 * SCAM+ on every net's fused class maps, the journal's Table 1 ablation of FRL alone).
 */
public final class ScamLabelerProvider extends ScamFamilyProvider {

    static final String FUSION = "fusion";
    static final String SWITCH = "switch";

    public ScamLabelerProvider() {
        super("scam", List.of("scam-sel"), "SCAM pseudo-fixations from category tags: confidence-weighted fusion of "
                + "spatial, spatio-temporal and audio CAMs, coarse-to-fine, with the audio switch");
    }

    @Override
    Set<String> properties() {
        return Set.of(STAGE, FUSION, SWITCH, SMOOTHING, REFINE);
    }

    @Override
    PipelineConfig config(ModelOptions options, int coarseSize, int fineSize) {
        Stage stage = Stage.valueOf(choice(options, STAGE, "fine", STAGES).toUpperCase(Locale.ROOT));
        CamFusion fusion = choice(options, FUSION, "sel", List.of("sel", "avg")).equals("sel") ? CamFusion.SCAM_SEL
                : CamFusion.SCAM_AVG;
        return PipelineConfig.of(stage, fusion).withSmoothing(isOn(options, SMOOTHING))
                .withInputSizes(coarseSize, fineSize)
                .withRefinement(choice(options, REFINE, "off", ON_OFF).equals("on"));
    }

    @Override
    boolean audioSwitch(ModelOptions options) {
        return isOn(options, SWITCH);
    }
}
