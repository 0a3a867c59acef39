package io.fixate.eval.dataset;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import io.fixate.api.CorruptMediaException;
import io.fixate.eval.metrics.Grid;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * The ground truth of one benchmark clip: {@code density_%05d.png} (16-bit grey, 0-based) read per frame, and the
 * observers' fixation points of {@code fixations.json}, held for the whole clip (a few integers per frame) and drawn
 * into a binary map of the frame's size when a frame is asked for.
 */
final class BenchmarkGroundTruth implements VideoGroundTruth {

    static final String FIXATIONS = "fixations.json";
    static final String FORMAT = "fixate-fixations-gt/1";

    private final Path folder;
    private final BenchmarkReader.Geometry geometry;
    /** Per frame, the points as x0, y0, x1, y1, ... */
    private final int[][] pointsByFrame;

    private BenchmarkGroundTruth(Path folder, BenchmarkReader.Geometry geometry, int[][] pointsByFrame) {
        this.folder = folder;
        this.geometry = geometry;
        this.pointsByFrame = pointsByFrame;
    }

    /**
     * Reads {@code fixations.json} of the clip in {@code folder}.
     *
     * @throws java.io.UncheckedIOException if the folder or the file is missing
     * @throws CorruptMediaException        if the file is damaged, of another format or size, lists a frame twice
     *                                      or misses one, or has a point outside the frame
     */
    static BenchmarkGroundTruth read(Path folder, BenchmarkReader.Geometry geometry) {
        JsonFields fixations = JsonFields.read(DatasetFiles.requireDirectory(folder).resolve(FIXATIONS));
        String format = fixations.string("format");
        if (!FORMAT.equals(format)) {
            throw fixations.problem("format is '" + format + "', expected " + FORMAT);
        }
        int width = fixations.positiveInteger("width");
        int height = fixations.positiveInteger("height");
        if (width != geometry.width() || height != geometry.height()) {
            throw fixations.problem("frames are " + width + "x" + height + ", but " + BenchmarkReader.MANIFEST
                    + " declares " + geometry.width() + "x" + geometry.height());
        }
        int frameCount = fixations.array("frames").size();
        int[][] pointsByFrame = new int[frameCount][];
        for (int i = 0; i < frameCount; i++) {
            JsonFields frame = fixations.objectAt("frames", i);
            int index = frame.integer("index");
            if (index < 0 || index >= frameCount || pointsByFrame[index] != null) {
                throw frame.problem("index " + index + " is out of range or repeated: " + frameCount
                        + " frames must have the indices 0 to " + (frameCount - 1) + " once each");
            }
            pointsByFrame[index] = points(frame, geometry);
        }
        return new BenchmarkGroundTruth(folder, geometry, pointsByFrame);
    }

    private static int[] points(JsonFields frame, BenchmarkReader.Geometry geometry) {
        JsonArray points = frame.array("points");
        int[] flat = new int[2 * points.size()];
        for (int p = 0; p < points.size(); p++) {
            JsonElement point = points.get(p);
            String name = "points[" + p + "]";
            if (!point.isJsonArray() || point.getAsJsonArray().size() != 2) {
                throw frame.problem(name + " must be [x, y], got " + point);
            }
            int x = frame.integerOf(point.getAsJsonArray().get(0), name + " x");
            int y = frame.integerOf(point.getAsJsonArray().get(1), name + " y");
            if (x < 0 || x >= geometry.width() || y < 0 || y >= geometry.height()) {
                throw frame.problem(name + " " + point + " lies outside the " + geometry.width() + "x"
                        + geometry.height() + " frame");
            }
            flat[2 * p] = x;
            flat[2 * p + 1] = y;
        }
        return flat;
    }

    @Override
    public int frameCount() {
        return pointsByFrame.length;
    }

    @Override
    public GroundTruth frame(int index) {
        Objects.checkIndex(index, pointsByFrame.length);
        Path densityFile = folder.resolve(String.format(Locale.ROOT, "density_%05d.png", index));
        Grid density = ImageFiles.greyGrid(densityFile);
        if (density.width() != geometry.width() || density.height() != geometry.height()) {
            throw new CorruptMediaException(densityFile + " is " + density.width() + "x" + density.height()
                    + ", but the clip's frames are " + geometry.width() + "x" + geometry.height());
        }
        return new GroundTruth(index, VideoFormat.timestampMicros(index, geometry.frameRate()), density,
                fixationMap(pointsByFrame[index]));
    }

    private Grid fixationMap(int[] points) {
        double[] map = new double[geometry.width() * geometry.height()];
        for (int p = 0; p < points.length; p += 2) {
            map[points[p + 1] * geometry.width() + points[p]] = 1;
        }
        return Grid.of(geometry.height(), geometry.width(), map);
    }
}
