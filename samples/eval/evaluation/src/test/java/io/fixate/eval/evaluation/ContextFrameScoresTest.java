package io.fixate.eval.evaluation;

import io.fixate.codec.output.BitDepth;
import io.fixate.codec.output.MapImageWriter;
import io.fixate.eval.dataset.Datasets;
import io.fixate.eval.dataset.EvalDataset;
import io.fixate.eval.dataset.GroundTruth;
import io.fixate.eval.dataset.VideoEntry;
import io.fixate.eval.dataset.VideoGroundTruth;
import io.fixate.eval.metrics.Grid;
import io.fixate.eval.metrics.Metric;
import io.fixate.eval.metrics.MetricOptions;
import io.fixate.eval.report.EvaluationReport;
import io.fixate.eval.report.ModelScores;
import io.fixate.eval.synth.BenchmarkGenerator;
import io.fixate.eval.synth.BenchmarkSpec;
import io.fixate.eval.synth.ProgressListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * On the granularity-tiny benchmark, the report's context-frame scores take exactly the frames each clip's
 * {@code clip.json} lists: saved maps that are the ground truth on those frames and its negative elsewhere score
 * perfectly there and badly over all frames.
 */
class ContextFrameScoresTest {

    @TempDir
    Path root;

    @Test
    void onlyTheListedContextFramesAreScoredPerScenario() throws IOException {
        BenchmarkGenerator.generate(root.resolve("bench"), BenchmarkSpec.GRANULARITY_TINY, false,
                ProgressListener.NONE);
        EvalDataset benchmark = Datasets.open(root.resolve("bench"));
        Path saved = Files.createDirectories(root.resolve("right-on-context"));
        for (VideoEntry video : benchmark.split("test")) {
            VideoGroundTruth truth = video.groundTruth().orElseThrow();
            try (MapImageWriter writer = MapImageWriter.open(saved.resolve(video.id()), BitDepth.SIXTEEN)) {
                for (int i = 0; i < truth.frameCount(); i++) {
                    GroundTruth frame = truth.frame(i);
                    Grid map = video.contextFrames().contains(i) ? frame.density() : negative(frame.density());
                    writer.write(i, EvaluatorTest.asMap(map, frame.timestampMicros()));
                }
            }
        }
        Evaluator evaluator = new Evaluator(new Evaluator.Settings("test", MetricOptions.mit(), false, 0, 0));
        EvaluationReport report = evaluator.evaluate(benchmark, List.of(new PredictionsDirectory(saved)), "test",
                (done, total) -> { });

        ModelScores scores = report.models().get(0);
        assertTrue(report.hasContextFrames());
        for (VideoEntry video : benchmark.split("test")) {
            assertTrue(video.contextFrames().size() > 0 && video.contextFrames().size() < 40, video.id());
            assertEquals(video.contextFrames().size(), scores.contextScores().frameCount(video.id()), video.id());
            assertEquals(1, scores.contextScores().videoMean(video.id(), Metric.CC).value(), 1e-6, video.id());
        }
        Set<String> scenarios = report.contextScenarios();
        assertEquals(Set.of("short-term", "long-term"), scenarios, "the scenes of the seed's test split");
        for (String scenario : scenarios) {
            assertEquals(1, report.contextScenarioMean(scores, scenario, Metric.CC), 1e-6, scenario);
            assertTrue(report.scenarioMean(scores, scenario, Metric.CC) < 0, scenario + ": most frames are wrong");
        }
        assertTrue(report.contextTable().contains("| short-term CC |"), report.contextTable());
    }

    /** The map that is high exactly where {@code density} is low. */
    private static Grid negative(Grid density) {
        double[] values = density.toArray();
        for (int i = 0; i < values.length; i++) {
            values[i] = 1 - values[i];
        }
        return Grid.of(density.height(), density.width(), values);
    }
}
