package io.fixate.eval.dataset;

import io.fixate.api.CorruptMediaException;
import io.fixate.eval.metrics.Grid;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * The ground truth of one STAViS video, read per frame from its annotation folder: the density
 * {@code maps/eyeMap_%05d.jpg} and the fixations {@code fixMap_%05d.mat}, numbered from 1 (frame index 0 is file
 * 00001), as STAViS's {@code saliency_db.py} and {@code eval_*.m} read them.
 */
final class StavisGroundTruth implements VideoGroundTruth {

    private final Path folder;
    private final int frameCount;
    private final double frameRate;

    StavisGroundTruth(Path folder, int frameCount, double frameRate) {
        this.folder = folder;
        this.frameCount = frameCount;
        this.frameRate = frameRate;
    }

    @Override
    public int frameCount() {
        return frameCount;
    }

    @Override
    public GroundTruth frame(int index) {
        Objects.checkIndex(index, frameCount);
        int number = index + 1;
        Path densityFile = folder.resolve("maps").resolve(String.format(Locale.ROOT, "eyeMap_%05d.jpg", number));
        Path fixationFile = folder.resolve(String.format(Locale.ROOT, "fixMap_%05d.mat", number));
        Grid density = ImageFiles.greyGrid(densityFile);
        Grid fixations = MatFixationMaps.read(fixationFile);
        if (!density.sameShape(fixations)) {
            throw new CorruptMediaException(fixationFile + " holds a " + fixations.width() + "x" + fixations.height()
                    + " map but " + densityFile + " is " + density.width() + "x" + density.height());
        }
        return new GroundTruth(index, VideoFormat.timestampMicros(index, frameRate), density, fixations);
    }
}
