package io.fixate.spi.djl.nn;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import io.fixate.fixtures.NdManagerExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(NdManagerExtension.class)
class BuildingBlocksTest {

    private static final Shape MAPS = new Shape(2, 4, 6, 5);

    private NDManager manager;

    @BeforeEach
    void seed(NDManager opened) {
        Engine.getInstance().setRandomSeed(11);
        manager = opened;
    }

    @Test
    void selfAttentionGateScalesEveryChannelOfAPositionByTheSameFactorInZeroToOne() {
        NDArray x = manager.randomNormal(MAPS);
        NDArray gated = run(new SelfAttentionGate(4), x);

        assertEquals(MAPS, gated.getShape());
        float[] ratio = gated.div(x).toFloatArray();
        int positions = 6 * 5;
        for (int b = 0; b < 2; b++) {
            for (int p = 0; p < positions; p++) {
                float first = ratio[b * 4 * positions + p];
                assertTrue(first > 0 && first < 1, "gate factor " + first);
                for (int c = 1; c < 4; c++) {
                    assertEquals(first, ratio[(b * 4 + c) * positions + p], 1e-4f);
                }
            }
        }
    }

    @Test
    void spatioTemporalMaskHasTheShapeOfOneMapWithTheRequestedChannels() {
        NDArray previous = manager.randomNormal(MAPS);
        NDArray current = manager.randomNormal(MAPS);
        NDArray next = manager.randomNormal(MAPS);

        NDArray perChannel = run(new SpatioTemporalMask(4, 4), previous, current, next);
        NDArray single = run(new SpatioTemporalMask(4, 1), previous, current, next);

        assertEquals(MAPS, perChannel.getShape());
        assertEquals(new Shape(2, 1, 6, 5), single.getShape());
        assertTrue(perChannel.gt(0).all().getBoolean() && perChannel.lt(1).all().getBoolean());
    }

    @Test
    void spatioTemporalVolumeInterleavesChannelsAndFramesLikeTheReferenceReshape() {
        Shape oneByTwoChannels = new Shape(1, 2, 1, 1);
        NDList maps = new NDList(manager.create(new float[] {10, 11}, oneByTwoChannels),
                manager.create(new float[] {20, 21}, oneByTwoChannels),
                manager.create(new float[] {30, 31}, oneByTwoChannels));

        NDArray volume = SpatioTemporalMask.interleave(maps);

        // A permute would give channel 0 = (10, 20, 30); the reshape fills slots in memory order instead.
        assertEquals(new Shape(1, 2, 3, 1, 1), volume.getShape());
        assertArrayEquals(new float[] {10, 11, 20, 21, 30, 31}, volume.toFloatArray());
        assertArrayEquals(new float[] {10, 11, 20}, volume.get("0, 0").toFloatArray());
    }

    @Test
    void spatioTemporalMaskDependsOnWhichFrameIsInTheMiddle() {
        NDArray previous = manager.randomNormal(MAPS);
        NDArray current = manager.randomNormal(MAPS);
        NDArray next = manager.randomNormal(MAPS);
        SpatioTemporalMask mask = new SpatioTemporalMask(4, 4);
        mask.initialize(manager, DataType.FLOAT32, MAPS, MAPS, MAPS);

        NDArray forCurrent = forward(mask, previous, current, next);
        NDArray forPrevious = forward(mask, current, previous, next);

        assertTrue(forCurrent.sub(forPrevious).abs().max().getFloat() > 1e-4f);
    }

    @Test
    void spatioTemporalMaskRejectsAnythingButThreeMaps() {
        SpatioTemporalMask mask = new SpatioTemporalMask(4, 4);
        mask.initialize(manager, DataType.FLOAT32, MAPS, MAPS, MAPS);
        NDArray map = manager.randomNormal(MAPS);

        assertThrows(IllegalArgumentException.class, () -> forward(mask, map, map));
    }

    @Test
    void audioVisualMaskIsOneSpatialChannelAtTheFeatureResolution() {
        NDArray audio = manager.randomNormal(new Shape(2, 24));
        NDArray features = manager.randomNormal(new Shape(2, 12, 7, 3));

        NDArray mask = run(new AudioVisualMask(8, 5), audio, features);

        assertEquals(new Shape(2, 1, 7, 3), mask.getShape());
        assertTrue(mask.gt(0).all().getBoolean() && mask.lt(1).all().getBoolean());
    }

    @Test
    void audioVisualMaskChangesWithTheAudio() {
        NDArray features = manager.randomNormal(new Shape(2, 12, 7, 3));
        AudioVisualMask block = new AudioVisualMask(8, 5);
        block.initialize(manager, DataType.FLOAT32, new Shape(2, 24), features.getShape());

        NDArray one = forward(block, manager.randomNormal(new Shape(2, 24)), features);
        NDArray other = forward(block, manager.randomNormal(new Shape(2, 24)), features);

        assertTrue(one.sub(other).abs().max().getFloat() > 1e-6f);
    }

    @Test
    void branchFusionTakesTheClassMapsAndItsMasksAndKeepsTheirShape() {
        NDArray x = manager.randomNormal(MAPS);
        NDArray mask = manager.randomUniform(0, 1, new Shape(2, 1, 6, 5));
        BranchFusion fusion = new BranchFusion(4, 1);
        fusion.initialize(manager, DataType.FLOAT32, MAPS, mask.getShape());

        assertEquals(MAPS, forward(fusion, x, mask).getShape());
        assertThrows(IllegalArgumentException.class, () -> forward(fusion, x));
    }

    @Test
    void branchFusionMergesWithTheRequestedKernelAndKeepsTheSize() {
        NDArray x = manager.randomNormal(MAPS);
        NDArray mask = manager.randomUniform(0, 1, new Shape(2, 1, 6, 5));

        for (int kernel : new int[] {1, 3}) {
            BranchFusion fusion = new BranchFusion(4, 1, kernel);
            fusion.initialize(manager, DataType.FLOAT32, MAPS, mask.getShape());

            assertEquals(MAPS, forward(fusion, x, mask).getShape());
            // two branches of 4 channels each go into the merge
            Shape mergeWeight = fusion.getParameters().stream()
                    .filter(parameter -> parameter.getKey().endsWith("merge_weight"))
                    .map(parameter -> parameter.getValue().getArray().getShape())
                    .findFirst().orElseThrow();
            assertEquals(new Shape(4, 8, kernel, kernel), mergeWeight);
        }
        assertThrows(IllegalArgumentException.class, () -> new BranchFusion(4, 1, 2));
    }

    private NDArray run(Block block, NDArray... inputs) {
        Shape[] shapes = new Shape[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            shapes[i] = inputs[i].getShape();
        }
        block.initialize(manager, DataType.FLOAT32, shapes);
        NDArray output = forward(block, inputs);
        assertEquals(block.getOutputShapes(shapes)[0], output.getShape());
        return output;
    }

    private NDArray forward(Block block, NDArray... inputs) {
        return block.forward(new ParameterStore(manager, false), new NDList(inputs), false).singletonOrThrow();
    }
}
