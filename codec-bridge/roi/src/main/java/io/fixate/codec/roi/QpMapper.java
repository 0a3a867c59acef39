package io.fixate.codec.roi;

import io.fixate.api.FixationMap;
import io.fixate.api.InvalidOptionsException;
import java.util.Arrays;
import java.util.Objects;

/**
 * Turns the fixation maps of one video, frame after frame, into per-block QP offsets for an encoder: the streaming
 * half of Fixate's ROI support, which an encoder host calls once per frame. The steps, in order:
 * <ol>
 *   <li>pool the attention of each block of the coded picture (the map is sampled every 4 pixels through the display
 *       rotation, and the alignment padding repeats the picture's edge);</li>
 *   <li>map it monotonically: a block of attention {@code s} gets {@code -strength·(2s − 1)};</li>
 *   <li>smooth each block over time with an exponential average of the given time constant, so offsets do not
 *       flicker with the map;</li>
 *   <li>with a zero-mean budget, shift the frame's offsets so that, after clamping, they average zero;</li>
 *   <li>clamp to the format's range;</li>
 *   <li>with levels, quantise to that many evenly spaced offsets over {@code [-strength, strength]}, a block keeping
 *       its level until its value moves a quarter step past the boundary (hysteresis).</li>
 * </ol>
 * Not thread-safe: one mapper per encoded stream.
 */
public final class QpMapper {

    /** Pixels between two samples of the map inside a block. */
    private static final int SAMPLE_STEP = 4;
    /** How far past the boundary between two levels a block's value must move before it changes level. */
    private static final double HYSTERESIS = 0.25;
    private static final int BUDGET_ITERATIONS = 60;

    private final RoiFormat format;
    private final CodedPicture picture;
    private final RoiSettings settings;
    private final int block;
    private final int columns;
    private final int rows;
    private final int codedWidth;
    private final int codedHeight;
    private final float low;
    private final float high;
    private final int levels;
    private final float[] samples;
    private float[] smoothed;
    private int[] levelOfBlock;
    private long lastTimestamp;
    private long frameIndex;

    /**
     * @throws InvalidOptionsException if the format does not take the settings' block size or levels
     */
    public QpMapper(RoiFormat format, CodedPicture picture, RoiSettings settings) {
        this.format = Objects.requireNonNull(format, "format");
        this.picture = Objects.requireNonNull(picture, "picture");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.block = format.blockSize(settings);
        this.levels = format.levels(settings);
        int alignment = format.alignment();
        this.codedWidth = align(picture.width(), alignment);
        this.codedHeight = align(picture.height(), alignment);
        this.columns = (codedWidth + block - 1) / block;
        this.rows = (codedHeight + block - 1) / block;
        this.low = (float) format.lowestQp();
        this.high = (float) format.highestQp();
        int perSide = (block + SAMPLE_STEP - 1) / SAMPLE_STEP;
        this.samples = new float[perSide * perSide];
    }

    private static int align(int size, int alignment) {
        return (size + alignment - 1) / alignment * alignment;
    }

    public RoiFormat format() {
        return format;
    }

    public CodedPicture picture() {
        return picture;
    }

    /** Block side in pixels. */
    public int blockSize() {
        return block;
    }

    /** Blocks per row: {@code ceil(align(width) / blockSize)}. */
    public int columns() {
        return columns;
    }

    /** Rows of blocks. */
    public int rows() {
        return rows;
    }

    /**
     * The offsets of the next frame. Maps come in presentation order; a timestamp that does not advance (a seek, a
     * new clip) restarts the smoothing.
     *
     * @throws IllegalArgumentException if the map describes a picture of another shape than the coded one's display
     */
    public QpOffsets next(FixationMap map) {
        checkShape(map);
        float[] offsets = new float[columns * rows];
        for (int row = 0; row < rows; row++) {
            for (int column = 0; column < columns; column++) {
                double attention = pool(map, column, row);
                offsets[row * columns + column] = (float) (-settings.strength() * (2 * attention - 1));
            }
        }
        boolean restart = smoothed == null || map.timestampMicros() <= lastTimestamp;
        smooth(offsets, map.timestampMicros(), restart);
        if (settings.zeroMean()) {
            shiftToZeroMean(offsets);
        }
        for (int i = 0; i < offsets.length; i++) {
            offsets[i] = clamp(offsets[i]);
        }
        if (levels > 0) {
            quantise(offsets, restart);
        }
        return new QpOffsets(frameIndex++, map.timestampMicros(), picture, block, columns, rows, offsets);
    }

    private void checkShape(FixationMap map) {
        // the map's frame and the displayed picture must agree in shape (maps may come at another size)
        double mapAspect = (double) map.frameWidth() / map.frameHeight();
        double displayAspect = (double) picture.displayWidth() / picture.displayHeight();
        if (Math.abs(mapAspect / displayAspect - 1) > 0.02) {
            throw new IllegalArgumentException("the map describes a " + map.frameWidth() + "x" + map.frameHeight()
                    + " frame, but the coded picture is shown as " + picture.displayWidth() + "x"
                    + picture.displayHeight() + (picture.rotation() != 0 ? " (turned " + picture.rotation() + "°)"
                    : ""));
        }
    }

    private double pool(FixationMap map, int column, int row) {
        int left = column * block;
        int top = row * block;
        int right = Math.min(codedWidth, left + block);
        int bottom = Math.min(codedHeight, top + block);
        int count = 0;
        for (int y = top; y < bottom; y += SAMPLE_STEP) {
            double cy = (y + Math.min(bottom, y + SAMPLE_STEP)) / 2.0;
            for (int x = left; x < right; x += SAMPLE_STEP) {
                double cx = (x + Math.min(right, x + SAMPLE_STEP)) / 2.0;
                samples[count++] = picture.attentionAt(map, cx, cy);
            }
        }
        return settings.pooling().pool(samples, count);
    }

    private void smooth(float[] offsets, long timestamp, boolean restart) {
        double tau = settings.smoothingMillis() * 1000;
        if (restart || tau == 0) {
            smoothed = offsets.clone();
        } else {
            float alpha = (float) (1 - Math.exp(-(timestamp - lastTimestamp) / tau));
            for (int i = 0; i < offsets.length; i++) {
                smoothed[i] += alpha * (offsets[i] - smoothed[i]);
            }
            System.arraycopy(smoothed, 0, offsets, 0, offsets.length);
        }
        lastTimestamp = timestamp;
    }

    /** Subtracts the shift that makes the clamped offsets average zero, found by bisection (the mean falls with it). */
    private void shiftToZeroMean(float[] offsets) {
        double lower = low - settings.strength() - RoiSettings.MAX_STRENGTH;
        double upper = high + settings.strength() + RoiSettings.MAX_STRENGTH;
        for (int i = 0; i < BUDGET_ITERATIONS; i++) {
            double shift = (lower + upper) / 2;
            if (clampedMean(offsets, shift) > 0) {
                lower = shift;
            } else {
                upper = shift;
            }
        }
        float shift = (float) ((lower + upper) / 2);
        for (int i = 0; i < offsets.length; i++) {
            offsets[i] -= shift;
        }
    }

    private double clampedMean(float[] offsets, double shift) {
        double sum = 0;
        for (float offset : offsets) {
            sum += clamp((float) (offset - shift));
        }
        return sum / offsets.length;
    }

    private float clamp(float offset) {
        return Math.max(low, Math.min(high, offset));
    }

    private void quantise(float[] offsets, boolean restart) {
        double strength = settings.strength();
        double step = 2 * strength / (levels - 1);
        if (step == 0) {
            Arrays.fill(offsets, 0);
            return;
        }
        if (restart) {
            levelOfBlock = new int[offsets.length];
        }
        for (int i = 0; i < offsets.length; i++) {
            double position = (offsets[i] + strength) / step;
            int nearest = (int) Math.max(0, Math.min(levels - 1, Math.round(position)));
            int kept = levelOfBlock[i];
            if (restart || Math.abs(position - kept) > 0.5 + HYSTERESIS) {
                kept = nearest;
            }
            levelOfBlock[i] = kept;
            offsets[i] = clamp((float) (kept * step - strength));
        }
    }
}
