package io.fixate.eval.metrics;

/** Gaussian smoothing of maps, computed separably: along rows, then along columns. */
public final class GaussianBlur {

    private GaussianBlur() {
    }

    /**
     * {@code map} convolved with a normalised Gaussian of standard deviation {@code sigma} pixels and kernel size
     * {@code 2⌈3σ⌉+1} (as Matlab's {@code fspecial}), with mirrored borders ({@code imfilter(..., 'symmetric')}).
     */
    public static Grid apply(Grid map, double sigma) {
        if (!(sigma > 0)) {
            throw new IllegalArgumentException("sigma must be positive, got " + sigma);
        }
        double[] kernel = gaussian(sigma);
        int radius = kernel.length / 2;
        int height = map.height();
        int width = map.width();
        double[] in = map.values();
        double[] across = new double[in.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double sum = 0;
                for (int k = -radius; k <= radius; k++) {
                    sum += kernel[k + radius] * in[y * width + MatlabResize.Boundary.SYMMETRIC.map(x - k, width)];
                }
                across[y * width + x] = sum;
            }
        }
        double[] out = new double[in.length];
        for (int y = 0; y < height; y++) {
            for (int k = -radius; k <= radius; k++) {
                double w = kernel[k + radius];
                int from = MatlabResize.Boundary.SYMMETRIC.map(y - k, height) * width;
                for (int x = 0; x < width; x++) {
                    out[y * width + x] += w * across[from + x];
                }
            }
        }
        return Grid.wrap(height, width, out);
    }

    /** The 1-D factor of {@code fspecial('gaussian', 2⌈3σ⌉+1, σ)}, normalised to sum 1. */
    static double[] gaussian(double sigma) {
        int radius = (int) Math.ceil(3 * sigma);
        double[] kernel = new double[2 * radius + 1];
        for (int k = -radius; k <= radius; k++) {
            kernel[k + radius] = Math.exp(-(k * (double) k) / (2 * sigma * sigma));
        }
        double sum = MapMath.sum(kernel);
        for (int i = 0; i < kernel.length; i++) {
            kernel[i] /= sum;
        }
        return kernel;
    }
}
