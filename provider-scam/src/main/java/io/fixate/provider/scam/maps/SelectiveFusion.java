package io.fixate.provider.scam.maps;

import java.util.List;

/**
 * Selective fusion of multi-source CAMs, paper Eq. 2 (SCAM, sources S, ST, SA) and its 11-source form of SCAM+ (fact
 * sheet §4 {@code CAMFuse}), as implemented by the reference's {@code Coarse_Fine_crop}:
 * {@code F = Z((Σ_i w_i·Z(Φ_i) + λ) / (Σ_i w_i + λ))}, with {@code w_i} the soft-filtered confidences.
 *
 * <p>λ only guards the division: for any positive total weight, the outer Z removes the affine effect of λ and the
 * result equals {@code Z(Σ_i w_i·Z(Φ_i))}. A source of weight 0 is excluded (its map is not even normalised).
 *
 * <p><b>All sources filtered</b> (every weight 0): the formula gives {@code λ/λ = 1} at every position, a constant
 * map that Z leaves unchanged, so the caller gets a map of the sources' size filled with 1.0 — uniform attention,
 * detectable with {@link CamMap#isConstant()}. {@link SalientRegion} turns it into the whole frame, i.e. no crop.
 */
public final class SelectiveFusion {

    /** λ of the reference code. */
    public static final double DEFAULT_LAMBDA = 1e-4;

    private final double lambda;

    /** A fusion with the reference λ = 1e-4. */
    public SelectiveFusion() {
        this(DEFAULT_LAMBDA);
    }

    /** @throws IllegalArgumentException if {@code lambda} is not positive and finite, as it must keep Eq. 2 defined */
    public SelectiveFusion(double lambda) {
        if (!(lambda > 0 && Double.isFinite(lambda))) {
            throw new IllegalArgumentException("lambda must be positive and finite, got " + lambda);
        }
        this.lambda = lambda;
    }

    /**
     * The selectively fused map.
     *
     * @param sources one or more sources of one map size, including filtered ones (their size is still checked)
     * @throws IllegalArgumentException if there is no source or the sizes differ
     */
    public CamMap fuse(List<WeightedCam> sources) {
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("selective fusion needs at least one source");
        }
        CamMap first = sources.get(0).cam();
        WeightedSum sum = new WeightedSum(first);
        double totalWeight = 0;
        for (WeightedCam source : sources) {
            first.requireSameSizeAs(source.cam());
            if (source.weight() > 0) {
                sum.add(source.cam().normalized(), source.weight());
                totalWeight += source.weight();
            }
        }
        return sum.toMap(lambda, totalWeight + lambda).normalized();
    }
}
