package io.fixate.api;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The whole-clip call of {@link FixationPredictor#predictClip(Iterable, Consumer)} in two threads: the clip is read
 * (decoded, for a media file) in a thread {@code fixate-clip-read} while the calling thread runs the session and the
 * sink, so that decoding the next frames overlaps the model. At most {@value #QUEUED} frames wait between the two.
 * A failure on either side stops the other and is thrown once, from the calling thread, as it was thrown.
 */
final class ClipPipeline {

    private static final int QUEUED = 4;
    private static final long POLL_MILLIS = 20;

    private final BlockingQueue<Object> frames = new ArrayBlockingQueue<>(QUEUED);
    private final AtomicReference<Throwable> readFailure = new AtomicReference<>();
    private volatile boolean stopped;

    private ClipPipeline() {
    }

    static void run(PredictionSession session, Iterable<FrameWithAudio> clip, Consumer<FixationMap> sink) {
        new ClipPipeline().predict(session, clip, sink);
    }

    private void predict(PredictionSession session, Iterable<FrameWithAudio> clip, Consumer<FixationMap> sink) {
        Thread reader = new Thread(() -> read(clip), "fixate-clip-read");
        reader.setDaemon(true);
        reader.start();
        try {
            for (Object item = take(); item != Marker.END; item = take()) {
                session.push((FrameWithAudio) item).forEach(sink);
            }
            Throwable failure = readFailure.get();
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failure instanceof Error error) {
                throw error;
            }
            session.flush().forEach(sink);
        } finally {
            stopped = true;
            joinQuietly(reader);
        }
    }

    /** What ends the queue: the clip's end, or the reader's failure (kept in {@link #readFailure}). */
    private enum Marker { END }

    private void read(Iterable<FrameWithAudio> clip) {
        try {
            for (FrameWithAudio input : clip) {
                if (stopped || !put(input)) {
                    return;
                }
            }
        } catch (RuntimeException | Error e) {
            readFailure.set(e);
        }
        put(Marker.END);
    }

    /** Puts {@code item} once there is room; false when the calling side stopped first. */
    private boolean put(Object item) {
        try {
            while (!frames.offer(item, POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                if (stopped) {
                    return false;
                }
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Object take() {
        try {
            return frames.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the clip's next frame", e);
        }
    }

    private static void joinQuietly(Thread thread) {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
