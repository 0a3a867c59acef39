package io.fixate.eval.evaluation;

import io.fixate.eval.dataset.Datasets;
import io.fixate.eval.dataset.EvalDataset;
import io.fixate.eval.metrics.Metric;
import io.fixate.eval.metrics.MetricOptions;
import io.fixate.eval.report.EvaluationReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Still images (clips of one frame, as OSIE's) have no other frames to take shuffled AUC's negatives from; they come
 * from the split's other images.
 */
class StillImageEvaluationTest {

    private static final int WIDTH = 16;
    private static final int HEIGHT = 12;
    /** Where each image's viewers looked, one corner each: x, y. */
    private static final int[][] FIXATIONS = {{1, 1}, {14, 1}, {1, 10}};

    @TempDir
    Path dir;

    /** Three one-frame videos in DHF1K's layout, each with its own fixation and a density blob around it only. */
    private EvalDataset stills() throws IOException {
        Path root = dir.resolve("stills");
        for (int v = 0; v < FIXATIONS.length; v++) {
            String id = String.format("%04d", v + 1);
            int[] at = FIXATIONS[v];
            png(root.resolve("video").resolve(id).resolve("0001.png"), at, 1, 90);
            png(root.resolve("annotation").resolve(id).resolve("maps").resolve("0001.png"), at, 1, 255);
            png(root.resolve("annotation").resolve(id).resolve("fixation").resolve("0001.png"), at, 0, 255);
        }
        return Datasets.open(root);
    }

    private static void png(Path file, int[] at, int radius, int grey) throws IOException {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = Math.max(0, at[1] - radius); y <= Math.min(HEIGHT - 1, at[1] + radius); y++) {
            for (int x = Math.max(0, at[0] - radius); x <= Math.min(WIDTH - 1, at[0] + radius); x++) {
                image.getRaster().setSample(x, y, 0, grey);
            }
        }
        Files.createDirectories(file.getParent());
        ImageIO.write(image, "png", file.toFile());
    }

    @Test
    void aStillImagesShuffledAucTakesTheOtherImagesFixationsAsNegatives() throws IOException {
        Evaluator evaluator = new Evaluator(new Evaluator.Settings("train", MetricOptions.mit(), false, 0, 0));
        EvaluationReport report = evaluator.evaluate(stills(), List.of(GroundTruthBounds.groundTruth(),
                ReferenceMaps.centreBias()), "test", (done, total) -> { });

        assertEquals(1, report.datasetMean(report.models().get(0), Metric.SHUFFLED_AUC), 1e-9,
                "each density is high at its own fixation and zero where the other images were fixated");
        assertEquals(0.5, report.datasetMean(report.models().get(1), Metric.SHUFFLED_AUC), 1e-9,
                "every fixation lies in a corner, as far from the centre as every negative");
    }
}
