package io.fixate.spi.djl.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import io.fixate.fixtures.NdManagerExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

@ExtendWith(NdManagerExtension.class)
class EpochSelectionTest {

    private static final String MODEL = "tiny-linear/1";

    @TempDir
    Path checkpoints;

    private NDManager manager;
    private Linear net;

    @BeforeEach
    void tinyNet(NDManager opened) {
        manager = opened;
        net = Linear.builder().setUnits(1).build();
        net.initialize(manager, DataType.FLOAT32, new Shape(1, 2));
    }

    /** Sets every weight of the net to {@code value}, standing for what an epoch learnt. */
    private void learn(float value) {
        net.getParameters().forEach(parameter -> parameter.getValue().getArray().muli(0).addi(value));
    }

    private float weight() {
        NDArray weight = net.getParameters().get("weight").getArray();
        return weight.getFloat(0, 0);
    }

    private List<String> keptWeights() throws IOException {
        try (Stream<Path> files = Files.list(checkpoints)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".params")).sorted()
                    .toList();
        }
    }

    @Test
    void theBestEpochsWeightsAloneAreKeptAndPutBackAtTheEnd() throws IOException {
        EpochSelection selection = new EpochSelection(net, MODEL, checkpoints, 0);
        float[] ccs = {0.2f, 0.5f, 0.3f};
        for (int epoch = 1; epoch <= ccs.length; epoch++) {
            learn(epoch);
            selection.epochFinished(epoch, 1f / epoch, ccs[epoch - 1]);
        }
        assertEquals(List.of("epoch-2.params"), keptWeights());

        assertEquals(2, selection.restoreBest(manager, 3));

        assertEquals(2f, weight(), "epoch 2's weights are back");
        assertEquals(3, selection.epochs().size());
    }

    @Test
    void aResumedRunKeepsTheRecordOfItsFinishedEpochsOnlyAndWithoutCcTheLastEpochStays() throws IOException {
        EpochSelection first = new EpochSelection(net, MODEL, checkpoints, 0);
        first.epochFinished(1, 1f, Float.NaN);
        first.epochFinished(2, 0.5f, Float.NaN);

        EpochSelection resumed = new EpochSelection(net, MODEL, checkpoints, 1);
        assertEquals(1, resumed.epochs().size(), "epoch 2's checkpoint was not written before the interruption");
        learn(7);
        resumed.epochFinished(2, 0.4f, Float.NaN);

        assertEquals(2, resumed.restoreBest(manager, 2));
        assertEquals(7f, weight(), "the net is left at its last epoch");
        assertEquals(0.4f, resumed.epochs().get(1).getAsJsonObject().get("meanLoss").getAsFloat());
    }
}
