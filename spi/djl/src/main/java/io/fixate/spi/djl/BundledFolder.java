package io.fixate.spi.djl;

import io.fixate.api.MissingWeightsException;
import io.fixate.api.WeightsException;
import io.fixate.spi.ProviderFiles;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * Weights a provider ships as a folder of its module's resources, loaded through a temporary copy of the folder so that
 * they pass exactly the checks of weights on disk (format, SHA-256 of the parameters, shapes); the copy is deleted once
 * the loader is done with it. The provider opens its own resources (a module's resources are its own to read).
 */
public final class BundledFolder {

    private BundledFolder() {
    }

    /**
     * Copies {@code files} of the resource folder {@code folder} (ending in '/'), which {@code resources} opens (null
     * for a resource this build lacks), and returns what {@code loader} makes of the copy.
     *
     * @param what names the weights in messages
     * @throws MissingWeightsException when this build of the module lacks one of the files
     * @throws WeightsException        when the temporary copy cannot be written
     */
    public static <W> W load(Function<String, InputStream> resources, String folder, List<String> files, String what,
                             Function<Path, W> loader) {
        Path copy = null;
        try {
            copy = Files.createTempDirectory("fixate-bundled-");
            for (String file : files) {
                try (InputStream in = resources.apply(folder + file)) {
                    if (in == null) {
                        throw new MissingWeightsException("this build does not bundle the " + what + " weights ("
                                + folder + file + " is missing): pass weights trained with 'fixate train-predictor'");
                    }
                    Files.copy(in, copy.resolve(file));
                }
            }
            return loader.apply(copy);
        } catch (IOException e) {
            throw new WeightsException("cannot unpack the bundled " + what + " weights to " + copy + ": "
                    + e.getMessage(), e);
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
