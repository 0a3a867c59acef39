package io.fixate.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * Progress of a long job on stderr. On a terminal it redraws one line at most ten times a second; in a log (no
 * console) it prints a line every tenth of the work so logs stay short.
 */
public final class ProgressBar {

    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintWriter err;
    private final String label;
    private final String unit;
    private final long total;
    private final boolean interactive;
    private final long startNanos = System.nanoTime();
    private String detail = "";
    private long lastDraw;
    private int lastDecile;

    /**
     * @param unit  what is counted, plural, e.g. {@code frames}
     * @param total expected units of work, or 0 when unknown (then only the count and rate are shown)
     */
    public ProgressBar(PrintWriter err, String label, String unit, long total, boolean interactive) {
        this.err = err;
        this.label = label;
        this.unit = unit;
        this.total = total;
        this.interactive = interactive;
    }

    /** As {@link #update(long)}, also showing {@code detail} (e.g. which item is in work) after the counts. */
    public void update(long done, String detail) {
        this.detail = " " + detail;
        update(done);
    }

    public void update(long done) {
        long now = System.nanoTime();
        if (interactive) {
            if (now - lastDraw >= REDRAW_NANOS) {
                lastDraw = now;
                err.print("\r" + line(done, now));
                err.flush();
            }
        } else if (total > 0) {
            int decile = (int) Math.min(10, done * 10 / total);
            if (decile > lastDecile) {
                lastDecile = decile;
                err.println(line(done, now));
            }
        }
    }

    /** Clears the live line so the summary that follows starts on a clean line. */
    public void finish() {
        if (interactive) {
            err.print("\r" + " ".repeat(WIDTH + label.length() + detail.length() + 40) + "\r");
            err.flush();
        }
    }

    private String line(long done, long now) {
        double seconds = (now - startNanos) / 1e9;
        String rate = seconds > 0 ? String.format(Locale.ROOT, " %.1f %s/s", done / seconds, unit) : "";
        if (total <= 0) {
            return label + " " + done + " " + unit + rate + detail;
        }
        double fraction = Math.min(1, (double) done / total);
        int filled = (int) Math.round(fraction * WIDTH);
        return String.format(Locale.ROOT, "%s [%s%s] %3d%% %d/%d%s", label, "#".repeat(filled),
                ".".repeat(WIDTH - filled), Math.round(fraction * 100), done, total, rate) + detail;
    }
}
