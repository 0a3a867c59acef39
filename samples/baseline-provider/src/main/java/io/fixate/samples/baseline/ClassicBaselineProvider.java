package io.fixate.samples.baseline;

import io.fixate.api.AudioRequirement;
import io.fixate.api.Capabilities;
import io.fixate.api.FixationPredictor;
import io.fixate.api.ModelOptions;
import io.fixate.api.ProviderInfo;
import io.fixate.spi.PredictorProvider;

import java.util.List;

/**
 * {@code classic-baseline} (alias {@code baseline}): a classical, hand-tuned audio-visual fixation predictor with no
 * learned parameters. It is an example of a third-party provider written only against the api and spi modules, and
 * an honest baseline: the learned models should beat it, and a result that does not is suspect. It does not model
 * faces, text or sound sources; it only knows that people look at what stands out, at what moves (more so when the
 * scene is loud) and at the middle of the screen.
 *
 * <h2>Rule</h2>
 * For the frame at time t, with its neighbours t−1 and t+1 (the frame itself at the edges of a stream):
 * <ol>
 *     <li><b>Working grid.</b> Each frame is box-filtered down to a grid whose longer side has {@code grid} cells
 *     (default 64, never more than the frame's pixels), keeping the aspect ratio, as luminance
 *     L = 0.299 R + 0.587 G + 0.114 B and the opponent channels RG = R − G and BY = B − (R + G)/2, with R, G, B in
 *     [0, 1]. Let f = max(1, round(gridLongSide / 32)) cells be the fine radius and 4f the coarse one; blur(X, r) is
 *     the in-bounds mean over the (2r+1)² square.</li>
 *     <li><b>Contrast.</b> C = Σ over X ∈ {L, RG, BY} of |blur(X, f) − blur(X, 4f)| (centre minus surround).</li>
 *     <li><b>Motion.</b> M = blur((|L<sub>t</sub> − L<sub>t−1</sub>| + |L<sub>t</sub> − L<sub>t+1</sub>|) / 2, f);
 *     zero for a still scene and at the first and last frame's missing side.</li>
 *     <li><b>Loudness.</b> a = clamp((dBFS(rms of the frame's audio window) + 60) / 50, 0, 1): 0 at −60 dBFS and
 *     below, 1 at −10 dBFS and above; 0 when the frame has no audio.</li>
 *     <li><b>Features.</b> norm(X) = X / max(max X, 0.02), so that noise is not stretched to full strength;
 *     w<sub>m</sub>(a) = 0.3 + 1.2 a, since things that sound tend to move and draw the eye when they do;
 *     S = (norm(C) + w<sub>m</sub>(a) · norm(M)) / (1 + w<sub>m</sub>(a)).</li>
 *     <li><b>Centre bias.</b> G = exp(−((u − ½)² + (v − ½)²) / (2 · 0.25²)) at normalised cell centre (u, v), and
 *     the score is (1 − b) · S + b · G with b = {@code centre-bias} (default 0.3).</li>
 *     <li>The scores are min-max normalised ({@link io.fixate.api.FixationMap#ofScores}) into a map on the working
 *     grid, carrying the frame's timestamp and size. A featureless frame with b = 0 gives an all-zero map.</li>
 * </ol>
 *
 * <h2>Options</h2>
 * Properties {@code centre-bias} (a number in [0, 1]) and {@code grid} (a whole number in [16, 256]); any other
 * property, a weights location or an input size is rejected with {@link io.fixate.api.InvalidOptionsException}.
 * Device {@code AUTO} and {@code CPU} run on the calling thread; {@code GPU} fails with
 * {@link io.fixate.api.DeviceUnavailableException}. The thread count is accepted and has no effect.
 */
public final class ClassicBaselineProvider implements PredictorProvider {

    static final String NAME = "classic-baseline";

    static final ProviderInfo INFO = new ProviderInfo(NAME, List.of("baseline"),
            "Classical baseline without learned weights: colour and luminance contrast, motion energy weighted by "
                    + "audio loudness, centre bias",
            Capabilities.builder().usesAudio(AudioRequirement.DEFAULT).frames(1, 1).build());

    /** Cheap, as the spi requires: all work happens per frame. */
    public ClassicBaselineProvider() {
    }

    @Override
    public ProviderInfo info() {
        return INFO;
    }

    /**
     * @throws io.fixate.api.InvalidOptionsException    for an unknown or out-of-range property, weights or an input
     *                                                  size
     * @throws io.fixate.api.DeviceUnavailableException for {@link io.fixate.api.DeviceChoice#GPU}
     */
    @Override
    public FixationPredictor open(ModelOptions options) {
        return new ClassicBaselinePredictor(BaselineSettings.from(options));
    }
}
