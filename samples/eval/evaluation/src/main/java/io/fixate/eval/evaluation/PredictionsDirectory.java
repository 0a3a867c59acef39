package io.fixate.eval.evaluation;

import io.fixate.api.CorruptMediaException;
import io.fixate.eval.dataset.VideoEntry;
import io.fixate.eval.dataset.VideoGroundTruth;
import io.fixate.eval.metrics.Grid;
import io.fixate.eval.report.EntryRole;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Maps saved earlier, one folder per video: {@code <dir>/<video id>/map_000000.png}, ... (0-based frame index, grey
 * 8- or 16-bit PNG as {@code fixate predict --maps} and {@code fixate label} write them).
 */
public final class PredictionsDirectory implements PredictionSource {

    private final Path directory;

    public PredictionsDirectory(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new UncheckedIOException(new NoSuchFileException(directory.toString(), null,
                    "predictions directory does not exist"));
        }
        this.directory = directory;
    }

    @Override
    public String name() {
        return directory.getFileName().toString();
    }

    @Override
    public EntryRole role() {
        return EntryRole.PREDICTIONS;
    }

    @Override
    public void predict(VideoEntry video, VideoGroundTruth groundTruth, FrameSink sink) {
        for (int i = 0; i < groundTruth.frameCount(); i++) {
            Path file = directory.resolve(video.id()).resolve(String.format(Locale.ROOT, "map_%06d.png", i));
            sink.accept(i, read(file), groundTruth.frame(i));
        }
    }

    /** A grey PNG as a map in [0, 1]. */
    static Grid read(Path file) {
        BufferedImage image;
        try {
            image = ImageIO.read(file.toFile());
        } catch (IOException e) {
            throw new CorruptMediaException("cannot read prediction map " + file + ": " + e.getMessage(), e);
        }
        if (image == null) {
            if (!Files.exists(file)) {
                throw new UncheckedIOException(new NoSuchFileException(file.toString(), null, "prediction map missing"));
            }
            throw new CorruptMediaException("prediction map " + file + " is not an image ImageIO can read");
        }
        Raster raster = image.getRaster();
        double scale = (1 << image.getColorModel().getComponentSize(0)) - 1;
        double[] values = new double[image.getWidth() * image.getHeight()];
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                values[y * image.getWidth() + x] = raster.getSample(x, y, 0) / scale;
            }
        }
        return Grid.of(image.getHeight(), image.getWidth(), values);
    }
}
