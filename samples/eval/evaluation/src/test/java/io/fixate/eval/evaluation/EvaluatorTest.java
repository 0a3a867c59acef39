package io.fixate.eval.evaluation;

import io.fixate.api.FixationMap;
import io.fixate.api.InvalidOptionsException;
import io.fixate.codec.output.BitDepth;
import io.fixate.codec.output.MapImageWriter;
import io.fixate.eval.dataset.Datasets;
import io.fixate.eval.dataset.EvalDataset;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Scores on the tiny generated benchmark behave as the metrics' definitions and the bounds' meaning require. */
class EvaluatorTest {

    @TempDir
    static Path root;
    static EvalDataset benchmark;

    @BeforeAll
    static void generate() throws IOException {
        BenchmarkGenerator.generate(root.resolve("bench"), BenchmarkSpec.TINY, false, ProgressListener.NONE);
        benchmark = Datasets.open(root.resolve("bench"));
    }

    private static Evaluator evaluator(String split) {
        return new Evaluator(new Evaluator.Settings(split, MetricOptions.mit(), false, 0, 1));
    }

    private static ModelScores scores(EvaluationReport report, String model) {
        return report.models().stream().filter(m -> m.model().equals(model)).findFirst().orElseThrow();
    }

    @Test
    void boundsAndReferencesRankAsTheyMust() {
        EvaluationReport report = evaluator("train").evaluate(benchmark, List.of(GroundTruthBounds.groundTruth(),
                GroundTruthBounds.interObserver(7), ReferenceMaps.centreBias(), ReferenceMaps.uniform()),
                "test", (done, total) -> { });

        ModelScores truth = scores(report, "ground-truth");
        assertEquals(1, report.datasetMean(truth, Metric.CC), 1e-9);
        assertEquals(1, report.datasetMean(truth, Metric.SIM), 1e-9);
        assertEquals(0, report.datasetMean(truth, Metric.KLD), 1e-9);
        double observers = report.datasetMean(scores(report, "inter-observer"), Metric.NSS);
        double centre = report.datasetMean(scores(report, "centre-bias"), Metric.NSS);
        assertTrue(report.datasetMean(truth, Metric.NSS) > observers && observers > centre,
                "ground truth > inter-observer > centre bias on NSS");
        assertTrue(Double.isNaN(report.datasetMean(scores(report, "uniform"), Metric.CC)),
                "a constant map has no correlation under MIT conventions");
        assertFalse(report.scenarios().isEmpty(), "the benchmark labels its videos with scenarios");
        assertFalse(report.hasContextFrames(), "only the granularity scenes mark context frames");
        assertEquals("", report.contextTable());
    }

    @Test
    void savedMapsAreScoredLikeTheSourceTheyCameFrom() throws IOException {
        Path saved = Files.createDirectories(root.resolve("saved-truth"));
        for (VideoEntry video : benchmark.split("test")) {
            VideoGroundTruth truth = video.groundTruth().orElseThrow();
            try (MapImageWriter writer = MapImageWriter.open(saved.resolve(video.id()), BitDepth.SIXTEEN)) {
                for (int i = 0; i < truth.frameCount(); i++) {
                    writer.write(i, asMap(truth.frame(i).density(), truth.frame(i).timestampMicros()));
                }
            }
        }
        EvaluationReport report = evaluator("test").evaluate(benchmark,
                List.of(GroundTruthBounds.groundTruth(), new PredictionsDirectory(saved)), "test", (d, t) -> { });

        for (Metric metric : Metric.values()) {
            assertEquals(report.datasetMean(report.models().get(0), metric),
                    report.datasetMean(report.models().get(1), metric), 1e-3, metric.label());
        }
    }

    @Test
    void refusesUnknownSplitsListingTheKnownOnes() {
        InvalidOptionsException e = assertThrows(InvalidOptionsException.class, () -> evaluator("holdout")
                .evaluate(benchmark, List.of(ReferenceMaps.uniform()), "test", (d, t) -> { }));
        assertTrue(e.getMessage().contains("test"), e.getMessage());
    }

    /** A density as a map of its size, for writing it as a saved prediction. */
    static FixationMap asMap(Grid density, long timestampMicros) {
        double[] values = density.toArray();
        float[] floats = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            floats[i] = (float) values[i];
        }
        return FixationMap.of(density.width(), density.height(), floats, timestampMicros, density.width(),
                density.height());
    }
}
