package io.fixate.tests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Temporary folders that outlive one test class: fixtures shared by the whole test JVM. */
final class TempFolders {

    private TempFolders() {
    }

    /** A new temporary folder named with {@code prefix}, deleted with its contents when the JVM exits. */
    static Path deletedAtExit(String prefix) {
        try {
            Path root = Files.createTempDirectory(prefix);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(root)));
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // best effort at exit: a temp folder left behind is harmless
        }
    }
}
