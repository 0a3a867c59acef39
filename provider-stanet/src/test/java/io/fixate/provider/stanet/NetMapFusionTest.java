package io.fixate.provider.stanet;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

class NetMapFusionTest {

    @Test
    void eq17AveragesTheNormalisedProductAndTheNormalisedSum() {
        float[] sta = {0.2f, 0.4f, 0.6f, 1.0f};
        float[] shortTerm = {0.1f, 0.5f, 0.3f, 0.1f};
        float[] longTerm = {0.0f, 0.5f, 0.5f, 1.0f};
        // Z(sta) = (0, 0.25, 0.5, 1), Z(short) = (0, 1, 0.5, 0), Z(long) = (0, 0.5, 0.5, 1)
        // product = (0, 0.125, 0.125, 0) -> Z = (0, 1, 1, 0); sum = (0.3, 1.4, 1.4, 2.1) -> Z = (0, 11/18, 11/18, 1)
        float[] expected = {0, (1 + 11f / 18) / 2, (1 + 11f / 18) / 2, 0.5f};

        assertArrayEquals(expected, NetMapFusion.EQ17.fuse(List.of(sta, shortTerm, longTerm)), 1e-6f);
    }

    @Test
    void eq17OverTwoMapsBeforeTheLongTermHistoryExists() {
        float[] sta = {0, 1, 2};
        float[] shortTerm = {2, 1, 0};
        // Z: (0, 0.5, 1) and (1, 0.5, 0); product (0, 0.25, 0) -> (0, 1, 0); sum constant -> zeros
        assertArrayEquals(new float[] {0, 0.5f, 0}, NetMapFusion.EQ17.fuse(List.of(sta, shortTerm)), 1e-6f);
    }

    @Test
    void theReferencesMaxTakesTheLargestProbabilityAndOneMapStaysAsItIs() {
        float[] sta = {0.2f, 0.9f};
        float[] shortTerm = {0.7f, 0.1f};

        assertArrayEquals(new float[] {0.7f, 0.9f}, NetMapFusion.MAX.fuse(List.of(sta, shortTerm)));
        assertArrayEquals(sta, NetMapFusion.EQ17.fuse(List.of(sta)));
    }

    @Test
    void aConstantMapNormalisesToZeros() {
        assertArrayEquals(new float[] {0, 0}, NetMapFusion.normalised(new float[] {0.3f, 0.3f}));
    }
}
