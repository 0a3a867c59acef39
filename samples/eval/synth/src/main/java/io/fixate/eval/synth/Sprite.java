package io.fixate.eval.synth;

/**
 * An object rasterised into its bounding box of the frame: per pixel, the fraction of the pixel its silhouette covers
 * ({@link #alpha}) and the mean colour of the covered part. Each pixel is sampled on a
 * {@value #SUBSAMPLES}×{@value #SUBSAMPLES} grid, which anti-aliases the edges. The same coverage is drawn into the
 * frame and blurred into the ground truth, so the ground truth has exactly the shape the viewer sees.
 */
final class Sprite {

    static final int SUBSAMPLES = 3;

    private final int left;
    private final int top;
    private final int width;
    private final int height;
    private final float[] alpha;
    private final float[] rgb;

    private Sprite(int left, int top, int width, int height) {
        this.left = left;
        this.top = top;
        this.width = width;
        this.height = height;
        this.alpha = new float[width * height];
        this.rgb = new float[width * height * 3];
    }

    /** Rasterises {@code object} in state {@code state} into a frame of {@code frameWidth} × {@code frameHeight}. */
    static Sprite draw(SceneObject object, SceneObject.ObjectState state, int frameWidth, int frameHeight) {
        double reach = state.radius() * SceneObject.SHAPE_REACH + 1;
        int left = Math.max(0, (int) Math.floor(state.x() - reach));
        int top = Math.max(0, (int) Math.floor(state.y() - reach));
        int right = Math.min(frameWidth, (int) Math.ceil(state.x() + reach));
        int bottom = Math.min(frameHeight, (int) Math.ceil(state.y() + reach));
        Sprite sprite = new Sprite(left, top, Math.max(0, right - left), Math.max(0, bottom - top));
        sprite.fill(object.appearance(), state, object.rotation());
        return sprite;
    }

    private void fill(Appearance appearance, SceneObject.ObjectState state, double rotation) {
        double cos = Math.cos(rotation);
        double sin = Math.sin(rotation);
        double scale = 1 / state.radius();
        int samples = SUBSAMPLES * SUBSAMPLES;
        for (int py = 0; py < height; py++) {
            for (int px = 0; px < width; px++) {
                int covered = 0;
                int r = 0;
                int g = 0;
                int b = 0;
                for (int sy = 0; sy < SUBSAMPLES; sy++) {
                    double dy = top + py + (sy + 0.5) / SUBSAMPLES - state.y();
                    for (int sx = 0; sx < SUBSAMPLES; sx++) {
                        double dx = left + px + (sx + 0.5) / SUBSAMPLES - state.x();
                        double u = (dx * cos + dy * sin) * scale;
                        double v = (dy * cos - dx * sin) * scale;
                        if (appearance.shape().contains(u, v)) {
                            Rgb colour = appearance.colourAt(u, v);
                            covered++;
                            r += colour.r();
                            g += colour.g();
                            b += colour.b();
                        }
                    }
                }
                if (covered > 0) {
                    int i = py * width + px;
                    alpha[i] = (float) covered / samples;
                    rgb[3 * i] = (float) r / covered;
                    rgb[3 * i + 1] = (float) g / covered;
                    rgb[3 * i + 2] = (float) b / covered;
                }
            }
        }
    }

    /** Composites the sprite over a frame of floating-point RGB ({@code frameWidth} pixels per row). */
    void paintOver(float[] frame, int frameWidth) {
        for (int py = 0; py < height; py++) {
            for (int px = 0; px < width; px++) {
                int i = py * width + px;
                float a = alpha[i];
                if (a > 0) {
                    int f = ((top + py) * frameWidth + left + px) * 3;
                    for (int c = 0; c < 3; c++) {
                        frame[f + c] += a * (rgb[3 * i + c] - frame[f + c]);
                    }
                }
            }
        }
    }

    /** The fraction of frame pixel {@code (x, y)} the silhouette covers; 0 outside the bounding box. */
    float coverageAt(int x, int y) {
        int px = x - left;
        int py = y - top;
        return px >= 0 && px < width && py >= 0 && py < height ? alpha[py * width + px] : 0;
    }

    int left() {
        return left;
    }

    int top() {
        return top;
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }
}
