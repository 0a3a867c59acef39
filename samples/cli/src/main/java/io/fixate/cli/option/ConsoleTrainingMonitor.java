package io.fixate.cli.option;

import io.fixate.cli.ProgressBar;
import io.fixate.spi.TrainingMonitor;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * Shows a training run on the console: a progress bar over each stage's steps on stderr, and on stdout one line per
 * finished epoch (with its wall time, so that the log records what each stage cost), skipped stage and note, which
 * stay in the log as the run's record.
 */
final class ConsoleTrainingMonitor implements TrainingMonitor {

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean showProgress;
    private final boolean interactive;
    private ProgressBar stageProgress;
    private int stepsPerEpoch;
    /** When the running epoch started (its stage's start for the first epoch of a run), in nanoseconds. */
    private long epochStartNanos;

    ConsoleTrainingMonitor(PrintWriter out, PrintWriter err, boolean showProgress, boolean interactive) {
        this.out = out;
        this.err = err;
        this.showProgress = showProgress;
        this.interactive = interactive;
    }

    @Override
    public void stageStarted(String stage, int epochs, int stepsPerEpoch) {
        this.stepsPerEpoch = stepsPerEpoch;
        epochStartNanos = System.nanoTime();
        stageProgress = new ProgressBar(err, stage, "steps", (long) epochs * stepsPerEpoch, interactive);
    }

    @Override
    public void stageSkipped(String stage) {
        println(stage + " skipped (already trained)");
    }

    @Override
    public void stepFinished(String stage, int epoch, int step, int steps, float loss) {
        if (showProgress && stageProgress != null) {
            stageProgress.update((long) (epoch - 1) * stepsPerEpoch + step);
        }
    }

    @Override
    public void epochFinished(String stage, int epoch, int epochs, float meanLoss, String validationMetric,
                              float validationScore) {
        String validation = Float.isNaN(validationScore) ? ""
                : String.format(Locale.ROOT, "  val %s %.3f", validationMetric, validationScore);
        long now = System.nanoTime();
        println(String.format(Locale.ROOT, "%s epoch %d/%d  loss %.4f%s  (%.1f s)", stage, epoch, epochs, meanLoss,
                validation, (now - epochStartNanos) / 1e9));
        epochStartNanos = now;
    }

    @Override
    public void note(String stage, String message) {
        println(stage + ": " + message);
    }

    /** Clears the live progress line first, so that the record line does not land in the middle of it. */
    private void println(String line) {
        if (showProgress && stageProgress != null) {
            stageProgress.finish();
        }
        out.println(line);
        out.flush();
    }
}
