package io.fixate.importer;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The pretrained networks kept beside the project in {@code ../shared/models}; tests skip where it is absent. */
final class SharedModels {

    private SharedModels() {
    }

    /** {@code name} in the shared models folder; skips the calling test when it is not there. */
    static Path file(String name) {
        String shared = System.getProperty("fixate.shared.dir");
        assumeTrue(shared != null, "fixate.shared.dir is not set");
        Path file = Path.of(shared, "models", name);
        assumeTrue(Files.exists(file), "shared model file " + file + " is absent");
        return file;
    }
}
