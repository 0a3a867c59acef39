package io.fixate.provider.stanet;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How STANet+ fuses the probability maps σ(finest logits) of its nets (STA, STA+Short, STA+Long), all at the net's
 * square resolution and before any blur, smoothing or resize. {@link #EQ17} is the journal's Eq. 17, over whichever
 * maps there are (two until the stream has history for STA+Long):
 * <pre>
 * PF = ½·Z( Z(PF_1) ⊙ Z(PF_2) ⊙ … ) + ½·Z( PF_1 + PF_2 + … )
 * </pre>
 * Z the min-max normalisation of one map; a constant map has no extent to normalise and becomes all zeros. {@link
 * #MAX} is the reference code's pixel-wise maximum, which contradicts the paper (spec §2); it is offered for the
 * ablation only. A single map is returned as it is by either.
 */
enum NetMapFusion {

    EQ17,
    MAX;

    /** The option value that names this fusion. */
    String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The fused map of {@code maps}, each of the same length; a new array. */
    float[] fuse(List<float[]> maps) {
        if (maps.size() == 1) {
            return maps.get(0).clone();
        }
        int length = maps.get(0).length;
        float[] fused = new float[length];
        if (this == MAX) {
            for (float[] map : maps) {
                for (int i = 0; i < length; i++) {
                    fused[i] = Math.max(fused[i], map[i]);
                }
            }
            return fused;
        }
        float[] product = new float[length];
        Arrays.fill(product, 1);
        for (float[] map : maps) {
            float[] normalised = normalised(map);
            for (int i = 0; i < length; i++) {
                product[i] *= normalised[i];
                fused[i] += map[i];
            }
        }
        float[] agreement = normalised(product);
        float[] total = normalised(fused);
        for (int i = 0; i < length; i++) {
            fused[i] = (agreement[i] + total[i]) / 2;
        }
        return fused;
    }

    /** Z: {@code map} min-max normalised to [0, 1]; all zeros when it is constant. */
    static float[] normalised(float[] map) {
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float value : map) {
            min = Math.min(min, value);
            max = Math.max(max, value);
        }
        float[] result = new float[map.length];
        if (max > min) {
            for (int i = 0; i < map.length; i++) {
                result[i] = (map[i] - min) / (max - min);
            }
        }
        return result;
    }
}
