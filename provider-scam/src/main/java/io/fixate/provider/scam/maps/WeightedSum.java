package io.fixate.provider.scam.maps;

import java.util.Collection;

/** Accumulates weighted maps of one size in double precision, for the fusions and the smoother's window mean. */
final class WeightedSum {

    private final CamMap shape;
    private final double[] sum;

    /** @param shape any map of the size to accumulate; its values are not added */
    WeightedSum(CamMap shape) {
        this.shape = shape;
        this.sum = new double[shape.size()];
    }

    /** Pixel-wise arithmetic mean of a non-empty collection of maps of one size. */
    static CamMap mean(Collection<CamMap> maps) {
        if (maps.isEmpty()) {
            throw new IllegalArgumentException("the mean of no maps is undefined");
        }
        WeightedSum sum = new WeightedSum(maps.iterator().next());
        for (CamMap map : maps) {
            sum.add(map, 1);
        }
        return sum.toMap(0, maps.size());
    }

    void add(CamMap map, double weight) {
        shape.requireSameSizeAs(map);
        for (int i = 0; i < sum.length; i++) {
            sum[i] += weight * map.at(i);
        }
    }

    /** {@code (sum + offset) / divisor} at every position. */
    CamMap toMap(double offset, double divisor) {
        float[] values = new float[sum.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) ((sum[i] + offset) / divisor);
        }
        return CamMap.wrap(shape.width(), shape.height(), values);
    }
}
