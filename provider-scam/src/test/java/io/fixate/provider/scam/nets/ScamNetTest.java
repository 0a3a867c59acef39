package io.fixate.provider.scam.nets;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import io.fixate.fixtures.NdManagerExtension;
import io.fixate.spi.djl.WeightsFile;
import io.fixate.spi.djl.nn.Layers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(NdManagerExtension.class)
class ScamNetTest {

    private NDManager manager;

    @BeforeEach
    void seed(NDManager opened) {
        Engine.getInstance().setRandomSeed(7);
        manager = opened;
    }

    @ParameterizedTest
    @CsvSource({"S, 64, 64", "S, 96, 80", "ST, 64, 64", "ST, 96, 80", "SA, 64, 64", "SA, 96, 80"})
    void mapsLogitsAndCamsFollowTheFrameSize(Nets kind, int height, int width) {
        ScamNet net = kind.initialized(manager, height, width);
        ClassActivations out = net.activations(Nets.infer(net, manager,
                kind.randomInputs(manager, Nets.BATCH, height, width)));

        Shape maps = new Shape(Nets.BATCH, Nets.CLASSES, ceilDiv(height, 8), ceilDiv(width, 8));
        assertEquals(maps, out.raw().getShape());
        assertEquals(maps, out.fused().getShape());
        assertEquals(new Shape(Nets.BATCH, Nets.CLASSES), out.rawLogits().getShape());
        assertEquals(new Shape(Nets.BATCH, Nets.CLASSES), out.fusedLogits().getShape());
        assertEquals(net.getOutputShapes(kind.inputShapes(Nets.BATCH, height, width))[0], maps);
        assertEquals(new Shape(Nets.BATCH, maps.get(2), maps.get(3)), out.cam(Nets.CLASSES - 1).getShape());
    }

    @ParameterizedTest
    @EnumSource(Nets.class)
    void classifierIsTheSpatialMeanOfEachClassMapAndTheCamIsTheirRectifiedAverage(Nets kind) {
        ScamNet net = kind.initialized(manager, 64, 64);
        ClassActivations out = net.activations(Nets.infer(net, manager,
                kind.randomInputs(manager, Nets.BATCH, 64, 64)));

        for (int v = 0; v < Nets.CLASSES; v++) {
            NDIndex ofClass = new NDIndex(":, {}", v);
            assertArrayEquals(out.rawLogits().get(ofClass).toFloatArray(),
                    Layers.globalAveragePool(out.raw().get(":, {}:{}", v, v + 1)).toFloatArray(), 1e-5f);
            assertArrayEquals(out.fusedLogits().get(ofClass).toFloatArray(),
                    Layers.globalAveragePool(out.fused().get(":, {}:{}", v, v + 1)).toFloatArray(), 1e-5f);
            float[] raw = out.raw().get(ofClass).toFloatArray();
            float[] fused = out.fused().get(ofClass).toFloatArray();
            float[] cam = out.cam(v).toFloatArray();
            for (int i = 0; i < cam.length; i++) {
                assertEquals(Math.max(0f, (raw[i] + fused[i]) / 2), cam[i], 1e-5f);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> out.cam(Nets.CLASSES));
    }

    @ParameterizedTest
    @EnumSource(Nets.class)
    void confidencesAreTheSoftmaxOfTheLogitsTheReferenceFiltersOn(Nets kind) {
        ScamNet net = kind.initialized(manager, 64, 64);
        ClassActivations out = net.activations(Nets.infer(net, manager,
                kind.randomInputs(manager, Nets.BATCH, 64, 64)));

        NDArray filtered = kind == Nets.S ? out.rawLogits() : out.fusedLogits();
        assertArrayEquals(filtered.softmax(1).toFloatArray(), out.confidences().toFloatArray(), 1e-6f);
        float[] first = out.confidences().get(0).toFloatArray();
        float sum = 0;
        for (float c : first) {
            sum += c;
        }
        assertEquals(1f, sum, 1e-5f);
    }

    @ParameterizedTest
    @EnumSource(Nets.class)
    void weightsSavedThroughWeightsFileReloadIntoAFreshNetWithIdenticalOutputs(Nets kind, @TempDir Path dir)
            throws IOException {
        ScamNet trained = kind.initialized(manager, 64, 64);
        NDList inputs = kind.randomInputs(manager, Nets.BATCH, 64, 64);
        float[] expected = trained.activations(Nets.infer(trained, manager, inputs)).fused().toFloatArray();
        Path weights = dir.resolve("net.params");
        WeightsFile.save(trained, weights, "scam-test/" + kind);

        Engine.getInstance().setRandomSeed(8);
        ScamNet reloaded = kind.initialized(manager, 64, 64);
        float[] beforeLoading = reloaded.activations(Nets.infer(reloaded, manager, inputs)).fused().toFloatArray();
        WeightsFile.load(reloaded, manager, weights, "scam-test/" + kind);
        float[] afterLoading = reloaded.activations(Nets.infer(reloaded, manager, inputs)).fused().toFloatArray();

        assertTrue(maxDifference(expected, beforeLoading) > 1e-3, "a fresh net must differ before loading");
        assertArrayEquals(expected, afterLoading, 0f);
    }

    private static float maxDifference(float[] a, float[] b) {
        float max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }

    private static long ceilDiv(int size, int stride) {
        return (size + stride - 1) / stride;
    }
}
