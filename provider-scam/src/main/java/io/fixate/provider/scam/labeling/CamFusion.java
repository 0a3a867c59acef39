package io.fixate.provider.scam.labeling;

import io.fixate.provider.scam.maps.AverageFusion;
import io.fixate.provider.scam.maps.BilinearResize;
import io.fixate.provider.scam.maps.CamMap;
import io.fixate.provider.scam.maps.SelectiveFusion;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * How a stage turns its sources' CAMs into one map: the rows of the paper's ablations (CVPR 2021, Table 1:
 * SCAM_avg vs SCAM_sel; Table 2: CAM_S, CAM_ST, CAM_SA vs SCAM). Every source's CAM is first bilinearly resized to
 * the target grid, as the reference resizes all CAMs to one grid before fusing them.
 */
public enum CamFusion {
    /** The plain CAM of net S, min-max normalised. */
    CAM_S(Source.S),
    /** The plain CAM of net ST, min-max normalised. */
    CAM_ST(Source.ST),
    /** The plain CAM of net SA, min-max normalised. */
    CAM_SA(Source.SA),
    /** {@link AverageFusion}: every configured source counts equally. */
    SCAM_AVG(null),
    /** {@link SelectiveFusion}, paper Eq. 2: sources weighted by their soft-filtered confidences. */
    SCAM_SEL(null);

    private final Source single;

    CamFusion(Source single) {
        this.single = single;
    }

    /** The sources this fusion reads among the {@code configured} ones. */
    public Set<Source> sourcesAmong(Set<Source> configured) {
        return single == null ? EnumSet.copyOf(configured) : EnumSet.of(single);
    }

    /**
     * The fused map on a {@code width} × {@code height} grid.
     *
     * @param cams      the CAMs of {@link #sourcesAmong} the configured sources
     * @param selective the selective fusion (its λ) used by {@link #SCAM_SEL}
     */
    CamMap fuse(List<SourceCam> cams, int tag, int width, int height, SelectiveFusion selective) {
        List<SourceCam> resized = cams.stream()
                .map(cam -> cam.withCam(BilinearResize.resize(cam.cam(), width, height)))
                .toList();
        return switch (this) {
            case CAM_S, CAM_ST, CAM_SA -> only(resized).cam().normalized();
            case SCAM_AVG -> AverageFusion.fuse(resized.stream().map(SourceCam::cam).toList());
            case SCAM_SEL -> selective.fuse(resized.stream().map(cam -> cam.softFiltered(tag)).toList());
        };
    }

    private SourceCam only(List<SourceCam> cams) {
        return cams.stream().filter(cam -> cam.source() == single).findFirst().orElseThrow(
                () -> new IllegalArgumentException(this + " needs the CAM of source " + single));
    }
}
