package io.fixate.provider.scam.maps;

import java.util.List;

/**
 * The plain average of multi-source CAMs, {@code SCAM_avg = Z(mean_i Z(Φ_i))}: the ablation baseline against which
 * the paper measures its selective fusion (CVPR 2021, Table 1, "SCAM_avg"). Every source counts equally, whatever its
 * classification confidence.
 */
public final class AverageFusion {

    private AverageFusion() {
    }

    /** @throws IllegalArgumentException if there is no map or the sizes differ */
    public static CamMap fuse(List<CamMap> cams) {
        return WeightedSum.mean(cams.stream().map(CamMap::normalized).toList()).normalized();
    }
}
