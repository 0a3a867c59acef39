package io.fixate.cli;

import io.fixate.api.AudioBlock;
import io.fixate.api.FixationMap;
import io.fixate.api.VideoFrame;
import io.fixate.codec.MediaInfo;
import io.fixate.codec.output.BitDepth;
import io.fixate.codec.output.FixationJsonWriter;
import io.fixate.codec.output.HeatmapStyle;
import io.fixate.codec.output.HeatmapVideoWriter;
import io.fixate.codec.output.JsonHeader;
import io.fixate.codec.output.MapImageWriter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The outputs of one {@code predict} run, opened before decoding starts so that a bad output path fails at once.
 * Files appear under their final names only on {@link #commit()}; closing without it removes what was started.
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

    private final HeatmapVideoWriter heatmap;
    private final MapImageWriter maps;
    private final FixationJsonWriter json;
    private boolean committed;

    private Outputs(HeatmapVideoWriter heatmap, MapImageWriter maps, FixationJsonWriter json) {
        this.heatmap = heatmap;
        this.maps = maps;
        this.json = json;
    }

    static Outputs open(Targets targets, MediaInfo media, String source, String model, HeatmapStyle style,
                        int topK, double minDistance) throws IOException {
        HeatmapVideoWriter heatmap = null;
        MapImageWriter maps = null;
        FixationJsonWriter json = null;
        try {
            if (targets.json() != null) {
                json = FixationJsonWriter.open(targets.json(), new JsonHeader(source, model, media.width(),
                        media.height(), media.frameRate()), topK, minDistance);
            }
            if (targets.maps() != null) {
                maps = MapImageWriter.open(targets.maps(), targets.mapDepth());
            }
            if (targets.heatmap() != null) {
                heatmap = HeatmapVideoWriter.open(targets.heatmap(), media.width(), media.height(),
                        media.frameRate(), media.audioSampleRate(), media.hasAudio() ? media.audioChannels() : 0,
                        style);
            }
            return new Outputs(heatmap, maps, json);
        } catch (IOException | RuntimeException e) {
            new Outputs(heatmap, maps, json).close();
            throw e;
        }
    }

    /** Whether the heatmap video wants the source's original sound. */
    boolean wantsSourceAudio() {
        return heatmap != null;
    }

    /** Passes the source's original sound to the heatmap video; called from the reader's audio listener. */
    void audio(AudioBlock sourceAudio) {
        try {
            heatmap.writeAudio(sourceAudio);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void write(int index, VideoFrame frame, FixationMap map) throws IOException {
        if (json != null) {
            json.write(index, map);
        }
        if (maps != null) {
            maps.write(index, map);
        }
        if (heatmap != null) {
            heatmap.write(frame, map);
        }
    }

    /** Finishes every output and moves it to its final name. */
    void commit() throws IOException {
        if (json != null) {
            json.close();
        }
        if (maps != null) {
            maps.close();
        }
        if (heatmap != null) {
            heatmap.close();
        }
        committed = true;
    }

    /** Without a prior {@link #commit()}, drops the unfinished files; existing files are left as they were. */
    @Override
    public void close() throws IOException {
        if (committed) {
            return;
        }
        if (json != null) {
            json.abort();
        }
        if (maps != null) {
            maps.close();
        }
        if (heatmap != null) {
            heatmap.abort();
        }
    }
}
