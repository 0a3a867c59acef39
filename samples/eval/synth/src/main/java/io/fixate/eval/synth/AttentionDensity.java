package io.fixate.eval.synth;

import io.fixate.eval.synth.ClipScene.Snapshot;
import io.fixate.eval.synth.ClipScene.Snapshot.Placed;

import java.util.Optional;

/**
 * The ground-truth attention density of a frame:
 * <pre>
 *     density = 0.75 · E + 0.15 · D + 0.10 · C
 * </pre>
 * <ul>
 *   <li>E: the event object's silhouette (its anti-aliased coverage, as drawn) blurred with a Gaussian of
 *       σ = {@value #BLUR_FRACTION} × the object's radius in that frame (pulse included), normalised to sum 1
 *       over the frame. It lies where the event is even where it cannot be seen: behind a screen in short-term
 *       clips, or away (at the place it left and returns to) in long-term ones;</li>
 *   <li>D: the same for the frame's secondary target, if there is one: the {@link ObjectRole#NEW new} object during its
 *       first {@value #NOVELTY_SECONDS} s on screen, otherwise the fast-moving distractor while on screen. Without a
 *       secondary target D is dropped and the other weights are renormalised to 0.75/0.85 and 0.10/0.85;</li>
 *   <li>C: the centre bias, a Gaussian centred on the frame with σ = {@value #CENTRE_SIGMA_FRACTION} of the width
 *       horizontally and of the height vertically, normalised to sum 1.</li>
 * </ul>
 * The density sums to 1. In irrelevant-audio clips the rule is the same: the event object (the tagged category's)
 * keeps its share although it makes no sound. Twins, decoys, screens, other distractors and a returning distractor
 * get nothing beyond the centre bias; a returning event is still the event.
 */
final class AttentionDensity {

    static final double EVENT_WEIGHT = 0.75;
    static final double SECONDARY_WEIGHT = 0.15;
    static final double CENTRE_WEIGHT = 0.10;
    static final double BLUR_FRACTION = 0.25;
    static final double CENTRE_SIGMA_FRACTION = 0.25;
    static final double NOVELTY_SECONDS = 1.0;
    /** The blur kernel is cut off this many σ from its centre. */
    private static final double KERNEL_REACH = 3;
    /** Keeps the kernel meaningful for objects of a pixel or two. */
    private static final double MIN_SIGMA = 0.5;

    private final int width;
    private final int height;
    private final double[] centreBias;

    AttentionDensity(int width, int height) {
        this.width = width;
        this.height = height;
        this.centreBias = centreBias(width, height);
    }

    /** The density of the frame {@code snapshot} shows, row-major, summing to 1. */
    double[] of(Snapshot snapshot) {
        Optional<Placed> secondary = secondaryTarget(snapshot);
        double total = EVENT_WEIGHT + CENTRE_WEIGHT + (secondary.isPresent() ? SECONDARY_WEIGHT : 0);
        double[] density = new double[width * height];
        for (int i = 0; i < density.length; i++) {
            density[i] = CENTRE_WEIGHT / total * centreBias[i];
        }
        addBlurredSilhouette(density, snapshot.event(), EVENT_WEIGHT / total);
        secondary.ifPresent(target -> addBlurredSilhouette(density, target, SECONDARY_WEIGHT / total));
        return density;
    }

    /** The object that earns the D share in this frame, if any (see the class comment). */
    static Optional<Placed> secondaryTarget(Snapshot snapshot) {
        Optional<Placed> novel = snapshot.visible().stream()
                .filter(p -> p.object().role() == ObjectRole.NEW
                        && snapshot.seconds() < p.object().presence().appearsAt() + NOVELTY_SECONDS)
                .findFirst();
        return novel.isPresent() ? novel : snapshot.visible().stream().filter(p -> p.object().fast()).findFirst();
    }

    private static double[] centreBias(int width, int height) {
        double sigmaX = CENTRE_SIGMA_FRACTION * width;
        double sigmaY = CENTRE_SIGMA_FRACTION * height;
        double[] bias = new double[width * height];
        double sum = 0;
        for (int y = 0; y < height; y++) {
            double dy = (y + 0.5 - height / 2.0) / sigmaY;
            for (int x = 0; x < width; x++) {
                double dx = (x + 0.5 - width / 2.0) / sigmaX;
                bias[y * width + x] = Math.exp(-0.5 * (dx * dx + dy * dy));
                sum += bias[y * width + x];
            }
        }
        for (int i = 0; i < bias.length; i++) {
            bias[i] /= sum;
        }
        return bias;
    }

    /**
     * Blurs the object's silhouette inside its bounding box widened by the kernel reach (cut at the frame's edges),
     * normalises the result to sum 1 and adds it times {@code weight}.
     */
    private void addBlurredSilhouette(double[] density, Placed placed, double weight) {
        Sprite sprite = placed.sprite();
        double sigma = Math.max(MIN_SIGMA, BLUR_FRACTION * placed.state().radius());
        double[] kernel = gaussianKernel(sigma);
        int reach = kernel.length / 2;
        int left = Math.max(0, sprite.left() - reach);
        int top = Math.max(0, sprite.top() - reach);
        int right = Math.min(width, sprite.left() + sprite.width() + reach);
        int bottom = Math.min(height, sprite.top() + sprite.height() + reach);
        int regionWidth = right - left;
        int regionHeight = bottom - top;
        double[] region = new double[regionWidth * regionHeight];
        for (int y = 0; y < regionHeight; y++) {
            for (int x = 0; x < regionWidth; x++) {
                region[y * regionWidth + x] = sprite.coverageAt(left + x, top + y);
            }
        }
        double[] blurred = convolve(convolve(region, regionWidth, regionHeight, kernel, true),
                regionWidth, regionHeight, kernel, false);
        double total = 0;
        for (double value : blurred) {
            total += value;
        }
        if (total <= 0) {
            throw new IllegalStateException("object of " + placed.object().category().name() + " covers no pixel");
        }
        for (int y = 0; y < regionHeight; y++) {
            for (int x = 0; x < regionWidth; x++) {
                density[(top + y) * width + left + x] += weight * blurred[y * regionWidth + x] / total;
            }
        }
    }

    /** Convolves a {@code w} × {@code h} image with {@code kernel} along its rows or its columns, zero outside. */
    private static double[] convolve(double[] image, int w, int h, double[] kernel, boolean alongRows) {
        int reach = kernel.length / 2;
        int lineLength = alongRows ? w : h;
        int lines = alongRows ? h : w;
        int step = alongRows ? 1 : w;
        int lineStep = alongRows ? w : 1;
        double[] out = new double[image.length];
        for (int line = 0; line < lines; line++) {
            int base = line * lineStep;
            for (int i = 0; i < lineLength; i++) {
                double sum = 0;
                for (int j = Math.max(0, i - reach); j <= Math.min(lineLength - 1, i + reach); j++) {
                    sum += kernel[j - i + reach] * image[base + j * step];
                }
                out[base + i * step] = sum;
            }
        }
        return out;
    }

    private static double[] gaussianKernel(double sigma) {
        int reach = (int) Math.ceil(KERNEL_REACH * sigma);
        double[] kernel = new double[2 * reach + 1];
        for (int k = -reach; k <= reach; k++) {
            kernel[k + reach] = Math.exp(-0.5 * k * k / (sigma * sigma));
        }
        return kernel;
    }
}
