package io.fixate.codec.output;

import com.google.gson.stream.JsonWriter;
import io.fixate.api.FixationMap;
import io.fixate.api.FixationPoint;
import io.fixate.api.InvalidOptionsException;
import io.fixate.api.files.AtomicFile;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Streams per-frame fixations to a JSON file, so memory stays bounded however long the video. The file reads:
 * <pre>{@code
 * {"format": "fixate-fixations/2", "source": "clip.mp4", "model": "stanet", "width": 360, "height": 288,
 *  "frameRate": 25.0, "rotation": 0, "mirrored": false, "pixelAspect": 1.0, "audioPresent": true,
 *  "frames": [{"index": 0, "timeMicros": 0, "time": 0.0,
 *              "peak": {"x": 0.51, "y": 0.42, "value": 1.0},
 *              "fixations": [{"x": 0.51, "y": 0.42, "value": 1.0}, ...]}, ...],
 *  "frameCount": 75}
 * }</pre>
 * {@code width} and {@code height} are the picture as displayed: a phone clip stored sideways is described upright,
 * and {@code rotation} says how far the stored picture was turned clockwise (after mirroring, if {@code mirrored});
 * {@code pixelAspect} is the width over the height of a displayed pixel (not 1 for anamorphic video);
 * {@code audioPresent} says whether the model heard sound. Version 1 had none of these four and gave the stored size.
 * Positions {@code x} and {@code y} are normalised to [0, 1] of the frame (pixel = x × width, y × height) and values
 * are map values in [0, 1]. {@code peak} is the map's strongest cell ({@link FixationMap#peak()}); a peak value of 0
 * means the map is empty. {@code fixations} are the strongest separated maxima, strongest first
 * ({@link FixationMap#topFixations}). {@code time} is {@code timeMicros} in seconds.
 *
 * <p>The file appears at the target only when {@link #close()} or {@link #commit()} succeeds (see {@link AtomicFile}
 * and, to put several outputs in place together, {@link StagedOutput}); {@link #abort()} leaves an existing file
 * untouched. Not thread-safe.
 */
public final class FixationJsonWriter extends AtomicOutput {

    /** Identifies the layout above; the number changes when a field changes meaning or goes away. */
    public static final String FORMAT = "fixate-fixations/2";

    private final Writer text;
    private final JsonWriter json;
    private final int topK;
    private final double minDistance;
    private int frameCount;

    private FixationJsonWriter(Path target, AtomicFile file, Writer text, int topK, double minDistance) {
        super("fixation file " + target, file);
        this.text = text;
        this.json = new JsonWriter(text);
        this.topK = topK;
        this.minDistance = minDistance;
    }

    /**
     * Starts a fixation file.
     *
     * @param topK        how many fixations to list per frame at most
     * @param minDistance how close two listed fixations may be, as a fraction of the frame's larger side
     * @throws InvalidOptionsException if {@code topK} is negative or {@code minDistance} is outside [0, 1]
     * @throws IOException              if the target's directory is missing or unwritable
     */
    public static FixationJsonWriter open(Path target, JsonHeader header, int topK, double minDistance)
            throws IOException {
        Objects.requireNonNull(header, "header");
        if (topK < 0) {
            throw new InvalidOptionsException("the number of fixations per frame must not be negative, got " + topK);
        }
        if (!(minDistance >= 0 && minDistance <= 1)) {
            throw new InvalidOptionsException(
                    "the minimum distance between fixations must be in [0, 1] of the frame, got " + minDistance);
        }
        AtomicFile file = AtomicFile.open(target);
        Writer text;
        try {
            text = Files.newBufferedWriter(file.temporary(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            file.abort();
            throw new IOException("cannot write fixation file " + target + ": " + e.getMessage(), e);
        }
        FixationJsonWriter writer = new FixationJsonWriter(target, file, text, topK, minDistance);
        try {
            writer.writeHeader(header);
        } catch (IOException e) {
            throw writer.fail(e);
        }
        return writer;
    }

    private void writeHeader(JsonHeader header) throws IOException {
        json.beginObject();
        json.name("format").value(FORMAT);
        json.name("source").value(header.source());
        json.name("model").value(header.model());
        json.name("width").value(header.width());
        json.name("height").value(header.height());
        json.name("frameRate").value(header.frameRate());
        json.name("rotation").value(header.rotation());
        json.name("mirrored").value(header.mirrored());
        json.name("pixelAspect").value(header.pixelAspect());
        json.name("audioPresent").value(header.audioPresent());
        json.name("frames").beginArray();
    }

    /**
     * Appends the fixations of frame {@code frameIndex}.
     *
     * @throws IOException if writing fails; the file is then aborted
     */
    public void write(int frameIndex, FixationMap map) throws IOException {
        requireOpen();
        try {
            json.beginObject();
            json.name("index").value(frameIndex);
            json.name("timeMicros").value(map.timestampMicros());
            json.name("time").value(map.timestampMicros() / 1e6);
            json.name("peak");
            writePoint(map.peak());
            json.name("fixations").beginArray();
            for (FixationPoint point : map.topFixations(topK, minDistance)) {
                writePoint(point);
            }
            json.endArray();
            json.endObject();
            frameCount++;
        } catch (IOException e) {
            throw fail(e);
        }
    }

    private void writePoint(FixationPoint point) throws IOException {
        json.beginObject();
        json.name("x").value(point.x());
        json.name("y").value(point.y());
        json.name("value").value(point.value());
        json.endObject();
    }

    @Override
    void finishContent() throws IOException {
        json.endArray();
        json.name("frameCount").value(frameCount);
        json.endObject();
        json.flush();
    }

    @Override
    void release() throws IOException {
        text.close(); // not json.close(), which refuses an incomplete document on abort
    }
}
