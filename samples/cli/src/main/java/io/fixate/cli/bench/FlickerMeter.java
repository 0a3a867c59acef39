package io.fixate.cli.bench;

import io.fixate.codec.roi.QpOffsets;

/**
 * How much a stream of QP offset maps flickers: the change of each block's offset from one frame to the next,
 * averaged over blocks and frame pairs, and the largest single change.
 */
public final class FlickerMeter {

    private float[] previous;
    private double changeSum;
    private long changes;
    private double largest;

    public void add(QpOffsets offsets) {
        float[] current = offsets.toArray();
        if (previous != null && previous.length == current.length) {
            for (int i = 0; i < current.length; i++) {
                double change = Math.abs(current[i] - previous[i]);
                changeSum += change;
                largest = Math.max(largest, change);
            }
            changes += current.length;
        }
        previous = current;
    }

    /** Mean absolute change of a block's offset between consecutive frames, in QP steps; 0 before two frames. */
    public double meanChange() {
        return changes == 0 ? 0 : changeSum / changes;
    }

    /** The largest change of one block's offset between consecutive frames, in QP steps. */
    public double largestChange() {
        return largest;
    }
}
