package io.fixate.provider.scam;

import io.fixate.api.ModelOptions;
import io.fixate.provider.scam.labeling.CamFusion;
import io.fixate.provider.scam.labeling.PipelineConfig;
import io.fixate.provider.scam.labeling.Stage;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The {@code cam} labeler: the plain class activation map of one classification net, the baseline every SCAM table
 * compares against. It runs on the same trained weights as {@code scam}. Properties: {@code source} = s (default) |
 * st | sa, {@code stage} = coarse (default) | fine (the CAM of the fine net on the SCAM region of interest),
 * {@code smoothing} = on (default) | off.
 */
public final class CamLabelerProvider extends ScamFamilyProvider {

    static final String SOURCE = "source";

    public CamLabelerProvider() {
        super("cam", List.of(), "plain class activation map of one classification net (S, ST or SA), the baseline of "
                + "SCAM");
    }

    @Override
    Set<String> properties() {
        return Set.of(SOURCE, STAGE, SMOOTHING);
    }

    @Override
    PipelineConfig config(ModelOptions options, int coarseSize, int fineSize) {
        Stage stage = Stage.valueOf(choice(options, STAGE, "coarse", STAGES).toUpperCase(Locale.ROOT));
        CamFusion fusion = switch (choice(options, SOURCE, "s", List.of("s", "st", "sa"))) {
            case "st" -> CamFusion.CAM_ST;
            case "sa" -> CamFusion.CAM_SA;
            default -> CamFusion.CAM_S;
        };
        return PipelineConfig.of(stage, fusion).withSmoothing(isOn(options, SMOOTHING))
                .withInputSizes(coarseSize, fineSize);
    }

    /** A single CAM is never switched; at the fine stage the region of interest still uses the switch. */
    @Override
    boolean audioSwitch(ModelOptions options) {
        return true;
    }
}
