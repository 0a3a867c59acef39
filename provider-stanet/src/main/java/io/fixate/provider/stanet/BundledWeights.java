package io.fixate.provider.stanet;

import ai.djl.Device;
import io.fixate.api.MissingWeightsException;
import io.fixate.api.WeightsException;
import io.fixate.spi.ProviderFiles;
import io.fixate.spi.djl.WeightsFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The STA net shipped in this module's resources under {@value #FOLDER}: a {@link StanetWeights} folder trained on
 * the synthetic benchmark by the command recorded in docs/stanet.md. It is loaded through a temporary copy of the
 * folder, so it passes exactly the checks of weights on disk (format, SHA-256 of the parameters, shapes); the copy is
 * deleted once the parameters are in memory.
 */
final class BundledWeights {

    /** Resource folder, relative to this class's package. */
    static final String FOLDER = "weights/";
    private static final List<String> FILES = List.of(StanetWeights.MANIFEST, StanetWeights.PARAMETERS,
            WeightsFile.manifestOf(Path.of(StanetWeights.PARAMETERS)).toString());

    private BundledWeights() {
    }

    /** The square input size of the bundled net, from its manifest; 0 when this build bundles none. */
    static int inputSize() {
        try (InputStream in = BundledWeights.class.getResourceAsStream(FOLDER + StanetWeights.MANIFEST)) {
            return in == null ? 0 : StanetWeights.inputSizeOf(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled STANet manifest: " + e.getMessage(), e);
        }
    }

    /**
     * Loads the bundled net onto {@code device}.
     *
     * @throws MissingWeightsException when this build of the module bundles no weights
     * @throws io.fixate.api.CorruptWeightsException when the bundled files fail their checks
     * @throws WeightsException        when the temporary copy cannot be written
     */
    static StanetWeights load(Device device) {
        Path copy = null;
        try {
            copy = Files.createTempDirectory("fixate-stanet-");
            for (String file : FILES) {
                try (InputStream in = BundledWeights.class.getResourceAsStream(FOLDER + file)) {
                    if (in == null) {
                        throw new MissingWeightsException("this build of provider-stanet bundles no STANet weights ("
                                + FOLDER + file + " is missing): pass weights trained with 'fixate train-predictor'");
                    }
                    Files.copy(in, copy.resolve(file));
                }
            }
            return StanetWeights.load(copy, device);
        } catch (IOException e) {
            throw new WeightsException("cannot unpack the bundled STANet weights to " + copy + ": " + e.getMessage(),
                    e);
        } finally {
            deleteQuietly(copy);
        }
    }

    private static void deleteQuietly(Path copy) {
        if (copy != null) {
            try {
                ProviderFiles.deleteTree(copy);
            } catch (IOException e) {
                // a temporary folder left behind costs a little disk and nothing else
            }
        }
    }
}
