package io.fixate.samples.baseline;

import io.fixate.api.VideoFrame;

import java.nio.ByteBuffer;

/**
 * A frame reduced to the working grid as one luminance and two colour-opponent planes, each value in the units of
 * 8-bit RGB scaled to [0, 1]:
 * <ul>
 *     <li>luminance {@code L = 0.299 R + 0.587 G + 0.114 B} (Rec. 601 weights),</li>
 *     <li>red–green {@code RG = R − G},</li>
 *     <li>blue–yellow {@code BY = B − (R + G) / 2}.</li>
 * </ul>
 * The reduction is a box filter: every frame pixel belongs to exactly one grid cell and each cell is the mean of its
 * pixels, which costs one pass over the frame however large it is.
 */
record OpponentPlanes(ValueGrid luminance, ValueGrid redGreen, ValueGrid blueYellow) {

    /**
     * Reduces {@code frame} to a grid whose longer side is {@code gridLongSide} cells (or the frame's own size if it
     * is smaller), keeping the aspect ratio.
     */
    static OpponentPlanes of(VideoFrame frame, int gridLongSide) {
        int width = frame.width();
        int height = frame.height();
        double scale = Math.min(1.0, (double) gridLongSide / Math.max(width, height));
        int gridWidth = Math.max(1, (int) Math.round(width * scale));
        int gridHeight = Math.max(1, (int) Math.round(height * scale));
        int[] cellColumn = cellIndices(width, gridWidth);
        int[] cellRow = cellIndices(height, gridHeight);

        long[] sums = new long[gridWidth * gridHeight * 3];
        long[] counts = new long[gridWidth * gridHeight];
        ByteBuffer rgb = frame.rgb();
        byte[] row = new byte[width * 3];
        for (int y = 0; y < height; y++) {
            rgb.get(row);
            int cellRowStart = cellRow[y] * gridWidth;
            for (int x = 0; x < width; x++) {
                int cell = cellRowStart + cellColumn[x];
                sums[cell * 3] += row[x * 3] & 0xFF;
                sums[cell * 3 + 1] += row[x * 3 + 1] & 0xFF;
                sums[cell * 3 + 2] += row[x * 3 + 2] & 0xFF;
                counts[cell]++;
            }
        }

        float[] luminance = new float[counts.length];
        float[] redGreen = new float[counts.length];
        float[] blueYellow = new float[counts.length];
        for (int cell = 0; cell < counts.length; cell++) {
            double scaleToUnit = 255.0 * counts[cell];
            double r = sums[cell * 3] / scaleToUnit;
            double g = sums[cell * 3 + 1] / scaleToUnit;
            double b = sums[cell * 3 + 2] / scaleToUnit;
            luminance[cell] = (float) (0.299 * r + 0.587 * g + 0.114 * b);
            redGreen[cell] = (float) (r - g);
            blueYellow[cell] = (float) (b - (r + g) / 2);
        }
        return new OpponentPlanes(new ValueGrid(gridWidth, gridHeight, luminance),
                new ValueGrid(gridWidth, gridHeight, redGreen), new ValueGrid(gridWidth, gridHeight, blueYellow));
    }

    /** For each of {@code pixels} positions, the cell it falls in when they are split into {@code cells} runs. */
    private static int[] cellIndices(int pixels, int cells) {
        int[] indices = new int[pixels];
        for (int p = 0; p < pixels; p++) {
            indices[p] = (int) ((long) p * cells / pixels);
        }
        return indices;
    }

    int width() {
        return luminance.width();
    }

    int height() {
        return luminance.height();
    }
}
