package io.fixate.cli.command;

import io.fixate.api.FixationMap;
import io.fixate.api.FixationPredictor;
import io.fixate.api.FrameWithAudio;
import io.fixate.api.PredictionSession;
import io.fixate.api.TruncatedMediaException;
import io.fixate.api.VideoFrame;
import io.fixate.cli.ProgressBar;
import io.fixate.codec.FrameSource;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Streams every frame of a source through one prediction session and hands each map, in presentation order, with
 * the frame it belongs to: the loop of the commands that write something per frame ({@code predict},
 * {@code bench-predict}, {@code roi}, {@code encode}, {@code bench-roi}).
 *
 * <p>Decoding, the model and the sink run in three threads joined by bounded queues, so that on two cores the
 * decoder and the encoder behind the sink work while the model does: a thread {@code fixate-decode} reads the source,
 * the calling thread runs the session, a thread {@code fixate-output} runs the sink. Frames and maps keep their order;
 * at most {@value #QUEUED} frames wait between two stages, plus the model's look-ahead. The first failure in any stage
 * stops the others and is thrown once, from the calling thread, as it was thrown. The source's audio listener, if
 * any, is called on the decoding thread, so a sink that also receives the audio must be safe for that.
 */
final class PredictionLoop {

    /** Receives frame {@code index} (from 0) with its map, on the output thread. */
    @FunctionalInterface
    interface Sink {
        void accept(int index, VideoFrame frame, FixationMap map) throws IOException;
    }

    /** Busy nanoseconds of each stage; each is written by its own thread and read after {@link #run}. */
    static final class StageTimes {
        volatile long decode;
        volatile long predict;
        volatile long output;
    }

    /** Frames that may wait in each queue: enough to ride out a slow frame, few enough to bound memory. */
    private static final int QUEUED = 4;
    private static final long POLL_MILLIS = 20;

    private record Ready(int index, VideoFrame frame, FixationMap map) {
    }

    /** Marks the end of a queue. */
    private static final Object END = new Object();

    private final FixationPredictor predictor;
    private final FrameSource source;
    private final Sink sink;
    private final ProgressBar progress;
    private final String damageHint;
    private final long frameLimit;
    private final StageTimes times;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final BlockingQueue<Object> decoded = new ArrayBlockingQueue<>(QUEUED);
    private final BlockingQueue<Object> ready = new ArrayBlockingQueue<>(QUEUED);
    private volatile int written;

    private PredictionLoop(FixationPredictor predictor, FrameSource source, Sink sink, ProgressBar progress,
                           String damageHint, long frameLimit, StageTimes times) {
        this.predictor = predictor;
        this.source = source;
        this.sink = sink;
        this.progress = progress;
        this.damageHint = damageHint;
        this.frameLimit = frameLimit;
        this.times = times;
    }

    /**
     * Runs the loop to the end of {@code source}.
     *
     * @param progress   updated with the frames handed on; {@code null} for none
     * @param damageHint what to add to the message when the source turns out damaged, e.g. what was not written
     * @return the number of frames handed to {@code sink}
     */
    static int run(FixationPredictor predictor, FrameSource source, Sink sink, ProgressBar progress,
                   String damageHint) throws IOException {
        return run(predictor, source, sink, progress, damageHint, Long.MAX_VALUE, new StageTimes());
    }

    /** As {@link #run(FixationPredictor, FrameSource, Sink, ProgressBar, String)}, for at most {@code frameLimit}
     * frames, adding each stage's busy time to {@code times}. */
    static int run(FixationPredictor predictor, FrameSource source, Sink sink, ProgressBar progress,
                   String damageHint, long frameLimit, StageTimes times) throws IOException {
        return new PredictionLoop(predictor, source, sink, progress, damageHint, frameLimit, times).run();
    }

    private int run() throws IOException {
        Thread decoder = new Thread(this::decode, "fixate-decode");
        Thread output = new Thread(this::output, "fixate-output");
        decoder.setDaemon(true);
        output.setDaemon(true);
        decoder.start();
        output.start();
        try {
            predict();
        } catch (RuntimeException | Error e) {
            fail(e);
        }
        joinQuietly(output);
        joinQuietly(decoder);
        rethrowFailure();
        if (progress != null) {
            progress.update(written);
            progress.finish();
        }
        return written;
    }

    /** The decoding stage: frames into {@link #decoded}, then {@link #END}. */
    private void decode() {
        try {
            for (long count = 0; count < frameLimit && !failed(); count++) {
                long start = System.nanoTime();
                FrameWithAudio input = read();
                times.decode += System.nanoTime() - start;
                if (input == null) {
                    break;
                }
                put(decoded, input);
            }
            put(decoded, END);
        } catch (RuntimeException | Error e) {
            fail(e);
        }
    }

    private FrameWithAudio read() {
        try {
            return source.read();
        } catch (TruncatedMediaException e) {
            throw new TruncatedMediaException(e.getMessage() + "; " + damageHint, e.framesDecoded(),
                    e.lastGoodMicros(), e.declaredEndMicros());
        }
    }

    /** The model stage, on the calling thread: decoded frames through the session, maps paired with their frames. */
    private void predict() {
        Deque<VideoFrame> awaitingMaps = new ArrayDeque<>();
        int index = 0;
        try (PredictionSession session = predictor.openSession()) {
            Object item;
            while ((item = take(decoded)) != END && item != null) {
                FrameWithAudio input = (FrameWithAudio) item;
                awaitingMaps.add(input.frame());
                long start = System.nanoTime();
                List<FixationMap> maps = session.push(input);
                times.predict += System.nanoTime() - start;
                index = handOn(maps, awaitingMaps, index);
            }
            if (item == END) {
                long start = System.nanoTime();
                List<FixationMap> maps = session.flush();
                times.predict += System.nanoTime() - start;
                handOn(maps, awaitingMaps, index);
            }
        }
        put(ready, END);
    }

    private int handOn(List<FixationMap> maps, Deque<VideoFrame> awaitingMaps, int index) {
        int next = index;
        for (FixationMap map : maps) {
            put(ready, new Ready(next++, awaitingMaps.remove(), map));
        }
        return next;
    }

    /** The output stage: each frame with its map to the sink, in order. */
    private void output() {
        try {
            Object item;
            while ((item = take(ready)) != END && item != null) {
                Ready frame = (Ready) item;
                long start = System.nanoTime();
                sink.accept(frame.index(), frame.frame(), frame.map());
                times.output += System.nanoTime() - start;
                written = frame.index() + 1;
                if (progress != null) {
                    progress.update(written);
                }
            }
        } catch (IOException e) {
            fail(new SinkFailure(e));
        } catch (RuntimeException | Error e) {
            fail(e);
        }
    }

    /** Carries the sink's {@link IOException} to the calling thread, which throws it as it was. */
    private static final class SinkFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SinkFailure(IOException cause) {
            super(cause);
        }
    }

    /** Puts {@code item} once there is room, or gives up when another stage failed. */
    private void put(BlockingQueue<Object> queue, Object item) {
        try {
            while (!queue.offer(item, POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                if (failed()) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(new IllegalStateException("interrupted while handing on a frame", e));
        }
    }

    /** The next item, or {@code null} when another stage failed. */
    private Object take(BlockingQueue<Object> queue) {
        try {
            while (true) {
                Object item = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (item != null) {
                    return item;
                }
                if (failed()) {
                    return null;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(new IllegalStateException("interrupted while waiting for a frame", e));
            return null;
        }
    }

    private void fail(Throwable cause) {
        failure.compareAndSet(null, cause);
    }

    private boolean failed() {
        return failure.get() != null;
    }

    private void rethrowFailure() throws IOException {
        Throwable cause = failure.get();
        if (cause instanceof SinkFailure sink) {
            throw (IOException) sink.getCause();
        }
        if (cause instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (cause instanceof Error error) {
            throw error;
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
