package io.fixate.cli.option;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The training log's record lines: each epoch with its loss, validation score and wall time. */
class ConsoleTrainingMonitorTest {

    @Test
    void everyEpochLineCarriesItsWallTime() {
        StringWriter out = new StringWriter();
        ConsoleTrainingMonitor monitor = new ConsoleTrainingMonitor(new PrintWriter(out), new PrintWriter(
                new StringWriter()), false, false);

        monitor.stageStarted("coarse-s", 2, 10);
        monitor.epochFinished("coarse-s", 1, 2, 0.5f, "accuracy", 0.25f);
        monitor.epochFinished("coarse-s", 2, 2, 0.4f, "accuracy", Float.NaN);

        String[] lines = out.toString().split("\\R");
        assertTrue(lines[0].matches("coarse-s epoch 1/2  loss 0\\.5000  val accuracy 0\\.250  \\(\\d+\\.\\d s\\)"),
                lines[0]);
        assertTrue(lines[1].matches("coarse-s epoch 2/2  loss 0\\.4000  \\(\\d+\\.\\d s\\)"), lines[1]);
    }
}
