package io.fixate.samples.stavis.nets;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.fixate.fixtures.NdManagerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

@ExtendWith(NdManagerExtension.class)
class StavisLossTest {

    private static final Shape MAP = new Shape(1, 1, 2, 2);

    private static NDArray map(NDManager manager, float... values) {
        return manager.create(values, MAP);
    }

    @Test
    void correlationByHand(NDManager manager) {
        NDArray p = map(manager, 1, 2, 3, 4);
        assertEquals(1, StavisLoss.correlation(p, map(manager, 2, 4, 6, 8)).getFloat(), 1e-5);
        assertEquals(-1, StavisLoss.correlation(p, map(manager, 4, 3, 2, 1)).getFloat(), 1e-5);
        // centred p = (−1.5, −0.5, 0.5, 1.5), centred g = (0.5, −0.5, −0.5, 0.5): covariance 0
        assertEquals(0, StavisLoss.correlation(p, map(manager, 1, 0, 0, 1)).getFloat(), 1e-6);
        assertEquals(0, StavisLoss.correlation(p, map(manager, 0, 0, 0, 0)).getFloat(), 1e-6, "no fixation");
    }

    /**
     * p = (0.1, 0.2, 0.3, 0.4): mean 0.25, standard deviation √0.0125 = 0.111803. A binary fixation map on the last
     * pixel gives the benchmarks' NSS, z = 0.15 / 0.111803 = 1.341641; the same density three times as strong gives the
     * same; fixations on the first and last pixel give their mean z, 0; no fixation gives 0.
     */
    @Test
    void scanpathSaliencyByHand(NDManager manager) {
        NDArray p = map(manager, 0.1f, 0.2f, 0.3f, 0.4f);
        assertEquals(1.341641, StavisLoss.scanpathSaliency(p, map(manager, 0, 0, 0, 1)).getFloat(), 1e-4);
        assertEquals(1.341641, StavisLoss.scanpathSaliency(p, map(manager, 0, 0, 0, 3)).getFloat(), 1e-4);
        assertEquals(0, StavisLoss.scanpathSaliency(p, map(manager, 1, 0, 0, 1)).getFloat(), 1e-5);
        // density (0, 0, 1, 3): (1·z_3 + 3·z_4) / 4 with z_3 = 0.447214, z_4 = 1.341641
        assertEquals((0.447214 + 3 * 1.341641) / 4,
                StavisLoss.scanpathSaliency(p, map(manager, 0, 0, 1, 3)).getFloat(), 1e-4);
        assertEquals(0, StavisLoss.scanpathSaliency(p, map(manager, 0, 0, 0, 0)).getFloat(), 1e-6);
    }

    /**
     * Logits 0 give σ = 0.5 everywhere: CC and NSS are 0 and the BCE is ln 2 whatever the target, so each supervised
     * map costs 0.1·ln 2. Logits (−2, −1, 0, 3) against g = (0, 0, 0, 1): by hand from the three terms.
     */
    @Test
    void combinesTheTermsOverTheSupervisedMapsOnly(NDManager manager) {
        NDArray target = map(manager, 0, 0, 0, 1);
        NDArray flat = map(manager, 0, 0, 0, 0);
        NDArray shaped = map(manager, -2, -1, 0, 3);
        NDArray ignored = manager.create(new float[] {5}, new Shape(1));

        float twoFlat = new StavisLoss(2).evaluate(new NDList(target), new NDList(flat, flat, ignored)).getFloat();
        assertEquals(0.2 * Math.log(2), twoFlat, 1e-5, "the third output is not supervised");

        double[] logits = {-2, -1, 0, 3};
        double[] p = new double[4];
        double bce = 0;
        for (int i = 0; i < 4; i++) {
            p[i] = 1 / (1 + Math.exp(-logits[i]));
            double g = i == 3 ? 1 : 0;
            bce -= (g * Math.log(p[i]) + (1 - g) * Math.log(1 - p[i])) / 4;
        }
        double mean = (p[0] + p[1] + p[2] + p[3]) / 4;
        double variance = 0;
        double covariance = 0;
        for (int i = 0; i < 4; i++) {
            variance += (p[i] - mean) * (p[i] - mean);
            covariance += (p[i] - mean) * ((i == 3 ? 1 : 0) - 0.25);
        }
        double cc = covariance / Math.sqrt(variance * 0.75);
        double nss = (p[3] - mean) / Math.sqrt(variance / 4);
        float loss = new StavisLoss(1).evaluate(new NDList(target), new NDList(shaped)).getFloat();
        assertEquals(0.1 * bce - 2 * cc - nss, loss, 1e-4);
    }

    @Test
    void refusesAMapOfAnotherShape(NDManager manager) {
        assertThrows(IllegalArgumentException.class, () -> new StavisLoss(1).evaluate(
                new NDList(map(manager, 0, 0, 0, 1)), new NDList(manager.zeros(new Shape(1, 1, 4, 4)))));
    }
}
