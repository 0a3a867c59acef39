package io.fixate.cli.command;

import io.fixate.api.AudioBlock;
import io.fixate.api.FixationMap;
import io.fixate.api.VideoFrame;
import io.fixate.api.files.AtomicFile;
import io.fixate.codec.MediaInfo;
import io.fixate.codec.output.BitDepth;
import io.fixate.codec.output.FixationJsonWriter;
import io.fixate.codec.output.HeatmapStyle;
import io.fixate.codec.output.HeatmapVideoWriter;
import io.fixate.codec.output.VideoEncoding;
import io.fixate.codec.output.JsonHeader;
import io.fixate.codec.output.StagedMapFolder;
import io.fixate.codec.output.StagedOutput;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The outputs of one {@code predict} run, opened before decoding starts so that a bad output path fails at once, and
 * put in place together by {@link #commit()}: every output is first finished under its temporary name (the heatmap
 * video's trailer, the JSON's closing brackets, the last map of the staged maps folder), and only when all are
 * finished are they renamed onto their targets, in this order: heatmap video, JSON, maps folder. A failure up to
 * the renames, such as a full disk during the video's trailer, leaves every target as it was.
 *
 * <p>The renames take milliseconds, but a crash among them leaves the outputs renamed before it new and the others
 * old: the heatmap video new and the JSON and maps old, say. The maps folder is renamed in two steps (the old one
 * aside to {@code .<maps>.replaced}, the new one in) and the old one deleted after both, so a crash between the steps
 * leaves no maps folder but {@code .<maps>.replaced}, which the next run for that folder puts back, and a crash while
 * deleting leaves the rest of {@code .<maps>.replaced}, which the next run deletes.
 *
 * <p>Closing without a commit removes what was started. So does a shutdown hook, held while the outputs are open, when
 * Ctrl-C or SIGTERM ends the JVM mid-run. A {@code kill -9} leaves the temporary names behind
 * ({@code .<name>.<random>.tmp} files, a {@code .<maps>.partial} folder), and opening the same targets again deletes
 * them (see {@link io.fixate.codec.output.AtomicFile} and {@link StagedMapFolder}). Two runs for the same targets at
 * once are not supported: the later one deletes the earlier one's temporary files, and the earlier one then fails.
 *
 * <p>Thread-safe, since the shutdown hook aborts from its own thread while the main thread may still be writing.
 */
final class Outputs implements AutoCloseable {

    /** Where to write, as chosen on the command line; null fields are not written. */
    record Targets(Path heatmap, Path maps, BitDepth mapDepth, Path json) {
        List<Path> named() {
            List<Path> paths = new ArrayList<>();
            for (Path p : new Path[]{heatmap, maps, json}) {
                if (p != null) {
                    paths.add(p);
                }
            }
            return paths;
        }
    }

    /** Aborts the outputs when the JVM is stopped before {@link #commit()} or {@link #close()}. */
    private final Thread abortOnExit = new Thread(this::abortOnExit, "fixate-abort-outputs");
    private HeatmapVideoWriter heatmap;
    private StagedMapFolder maps;
    private FixationJsonWriter json;
    private boolean closed;

    private Outputs() {
    }

    static Outputs open(Targets targets, MediaInfo media, String source, String model, HeatmapStyle style,
                        VideoEncoding heatmapEncoding, int topK, double minDistance) throws IOException {
        Outputs outputs = new Outputs();
        Runtime.getRuntime().addShutdownHook(outputs.abortOnExit);
        try {
            outputs.openEach(targets, media, source, model, style, heatmapEncoding, topK, minDistance);
            return outputs;
        } catch (IOException | RuntimeException e) {
            try {
                outputs.close();
            } catch (IOException | RuntimeException abortFailure) {
                e.addSuppressed(abortFailure);
            }
            throw e;
        }
    }

    private synchronized void openEach(Targets targets, MediaInfo media, String source, String model,
                                       HeatmapStyle style, VideoEncoding heatmapEncoding, int topK,
                                       double minDistance) throws IOException {
        requireOpen();
        if (targets.json() != null) {
            json = FixationJsonWriter.open(targets.json(), JsonHeader.of(source, model, media), topK, minDistance);
        }
        if (targets.maps() != null) {
            maps = StagedMapFolder.open(targets.maps(), targets.mapDepth());
        }
        if (targets.heatmap() != null) {
            heatmap = HeatmapVideoWriter.open(targets.heatmap(), media, style, heatmapEncoding);
        }
    }

    /** Whether the heatmap video wants the source's original sound. */
    synchronized boolean wantsSourceAudio() {
        return heatmap != null;
    }

    /** Passes the source's original sound to the heatmap video; called from the reader's audio listener. */
    synchronized void audio(AudioBlock sourceAudio) {
        requireOpen();
        try {
            heatmap.writeAudio(sourceAudio);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the outputs of frame {@code index}; frames come in order, counting from 0. */
    synchronized void write(int index, VideoFrame frame, FixationMap map) throws IOException {
        requireOpen();
        if (json != null) {
            json.write(index, map);
        }
        if (maps != null) {
            maps.write(map);
        }
        if (heatmap != null) {
            heatmap.write(frame, map);
        }
    }

    /**
     * Finishes every output, then moves each to its final name, in the order of the class description.
     *
     * @throws IOException if an output cannot be finished or moved; the outputs not yet moved are then dropped
     */
    synchronized void commit() throws IOException {
        requireOpen();
        closed = true;
        try {
            StagedOutput.commitAll(inCommitOrder());
        } finally {
            removeShutdownHook();
        }
    }

    /** Without a prior {@link #commit()}, drops the unfinished outputs; existing files are left as they were. */
    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            StagedOutput.abortAll(inCommitOrder());
        } finally {
            removeShutdownHook();
        }
    }

    private List<StagedOutput> inCommitOrder() {
        return Stream.<StagedOutput>of(heatmap, json, maps).filter(Objects::nonNull).toList();
    }

    /** @throws IllegalStateException after a commit or a close, which the shutdown hook may have made meanwhile */
    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the outputs are already committed or dropped");
        }
    }

    private void removeShutdownHook() {
        try {
            Runtime.getRuntime().removeShutdownHook(abortOnExit);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook is running (perhaps this is it) or will find the outputs closed
        }
    }

    private void abortOnExit() {
        try {
            close();
        } catch (IOException | RuntimeException e) {
            // nobody is left to tell; the next run for the same targets deletes what remains
        }
    }
}
