package io.fixate.importer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The pretrained networks kept beside the project in {@code ../shared/models}; tests skip where it is absent. */
final class SharedModels {

    private SharedModels() {
    }

    /** Imports shared network {@code source} into {@code folder}, checking which encoder and how many classes. */
    static EncoderImporter.ImportedEncoder imported(String source, Path folder, String encoder, int classes)
            throws IOException {
        EncoderImporter.ImportedEncoder result = EncoderImporter.importFile(file(source), folder);
        assertEquals(encoder, result.encoder());
        assertEquals(classes, result.classes());
        return result;
    }

    /** The names of the {@code count} highest {@code scores}, best first. */
    static List<String> top(float[] scores, List<String> classes, int count) {
        return IntStream.range(0, scores.length).boxed().sorted((a, b) -> Float.compare(scores[b], scores[a]))
                .limit(count).map(classes::get).toList();
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
