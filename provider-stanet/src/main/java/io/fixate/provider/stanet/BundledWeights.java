package io.fixate.provider.stanet;

import ai.djl.Device;
import io.fixate.api.MissingWeightsException;
import io.fixate.spi.djl.BundledFolder;
import io.fixate.spi.djl.WeightsFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The STA nets shipped in this module's resources, each a {@link StanetWeights} folder under {@code weights/<name>/}
 * made by the command its documentation records: {@link #REAL} learnt real viewers' fixations (OSIE) on a pretrained
 * MobileNetV2 (docs/real-footage.md), {@link #BENCHMARK} is the paper's purely weakly supervised path, distilled from
 * SCAM on the synthetic benchmark (docs/stanet.md). Each is loaded as a {@link BundledFolder}.
 */
enum BundledWeights {

    REAL,
    BENCHMARK;

    /** The bundle a predictor opens when none is named. */
    static final BundledWeights DEFAULT = REAL;

    private static final List<String> FILES = List.of(StanetWeights.MANIFEST, StanetWeights.PARAMETERS,
            WeightsFile.manifestOf(Path.of(StanetWeights.PARAMETERS)).toString());

    /** The name a user chooses the bundle by. */
    String bundleName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Every bundle's name, for option checks and messages. */
    static List<String> names() {
        return Arrays.stream(values()).map(BundledWeights::bundleName).toList();
    }

    /** The bundle called {@code name}, which must be among {@link #names()}. */
    static BundledWeights named(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    /** The square input size of the bundled net, from its manifest; 0 when this build bundles none. */
    int inputSize() {
        try (InputStream in = resource(StanetWeights.MANIFEST)) {
            return in == null ? 0 : StanetWeights.inputSizeOf(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled STANet manifest: " + e.getMessage(), e);
        }
    }

    /**
     * Loads the bundled net onto {@code device}.
     *
     * @throws MissingWeightsException when this build of the module lacks the bundle
     * @throws io.fixate.api.CorruptWeightsException when the bundled files fail their checks
     * @throws io.fixate.api.WeightsException when the temporary copy cannot be written
     */
    StanetWeights load(Device device) {
        return BundledFolder.load(BundledWeights.class::getResourceAsStream, folder(), FILES, bundleName() + " STANet",
                copy -> StanetWeights.load(copy, device));
    }

    /** The resource folder, relative to this class's package. */
    private String folder() {
        return "weights/" + bundleName() + "/";
    }

    private InputStream resource(String file) {
        return BundledWeights.class.getResourceAsStream(folder() + file);
    }
}
