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

/**
 * Streams every frame of a source through one prediction session and hands each map, in presentation order, with
 * the frame it belongs to: the loop of the commands that write something per frame ({@code predict}, {@code roi},
 * {@code encode}). Frames wait for their maps as long as the model looks ahead, no longer.
 */
final class PredictionLoop {

    /** Receives frame {@code index} (from 0) with its map. */
    @FunctionalInterface
    interface Sink {
        void accept(int index, VideoFrame frame, FixationMap map) throws IOException;
    }

    private PredictionLoop() {
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
        Deque<VideoFrame> awaitingMaps = new ArrayDeque<>();
        int written = 0;
        try (PredictionSession session = predictor.openSession()) {
            FrameWithAudio input;
            while ((input = read(source, damageHint)) != null) {
                awaitingMaps.add(input.frame());
                written = handOn(session.push(input), awaitingMaps, sink, written);
                if (progress != null) {
                    progress.update(written);
                }
            }
            written = handOn(session.flush(), awaitingMaps, sink, written);
        }
        if (progress != null) {
            progress.update(written);
            progress.finish();
        }
        return written;
    }

    private static FrameWithAudio read(FrameSource source, String damageHint) {
        try {
            return source.read();
        } catch (TruncatedMediaException e) {
            throw new TruncatedMediaException(e.getMessage() + "; " + damageHint, e.framesDecoded(),
                    e.lastGoodMicros(), e.declaredEndMicros());
        }
    }

    private static int handOn(List<FixationMap> ready, Deque<VideoFrame> awaitingMaps, Sink sink, int written)
            throws IOException {
        for (FixationMap map : ready) {
            sink.accept(written++, awaitingMaps.remove(), map);
        }
        return written;
    }
}
