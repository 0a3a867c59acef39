package io.fixate.eval.dataset;

import io.fixate.api.UnreadableInputException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * SHA-256 of what a video is stored as, in lower-case hex. For a video file, the digest of its bytes. For a folder of
 * frame pictures (STAViS), the digest of the lines {@code <file name> <size in bytes>\n} of its files sorted by name:
 * reading every picture of a large dataset on each run would cost more than the check is worth, and a re-encoded or
 * added frame still changes a size or a name.
 */
final class ContentFingerprint {

    private ContentFingerprint() {
    }

    /** @throws UnreadableInputException naming the file when it cannot be read */
    static String of(Path location) {
        try {
            MessageDigest sha256 = sha256();
            if (Files.isDirectory(location)) {
                for (String line : folderListing(location)) {
                    sha256.update(line.getBytes(StandardCharsets.UTF_8));
                }
            } else {
                try (InputStream in = new DigestInputStream(Files.newInputStream(location), sha256)) {
                    in.transferTo(OutputStream.nullOutputStream());
                }
            }
            return HexFormat.of().formatHex(sha256.digest());
        } catch (IOException e) {
            throw UnreadableInputException.of(e);
        }
    }

    private static List<String> folderListing(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> sorted = files.filter(Files::isRegularFile).sorted().toList();
            List<String> lines = new ArrayList<>(sorted.size());
            for (Path file : sorted) {
                lines.add(file.getFileName() + " " + Files.size(file) + "\n");
            }
            return lines;
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
