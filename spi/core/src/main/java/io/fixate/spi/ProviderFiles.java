package io.fixate.spi;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.stream.Stream;

/**
 * File helpers for providers that write weights, checkpoints and manifests: atomic replacement, so that an
 * interrupted write never leaves a partial file under the target's name, recursive deletion and SHA-256 checksums.
 * The codec bridge's outputs have their own atomic writers ({@code AtomicFile}, {@code StagedFolder}): this module
 * depends on the api alone, so that a provider never needs the codec bridge, and the two cannot share one.
 */
public final class ProviderFiles {

    private ProviderFiles() {
    }

    /** Writes {@code content} to a temporary sibling of {@code target} and moves it into place. */
    public static void writeAtomically(Path target, byte[] content) throws IOException {
        Path folder = target.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path partial = Files.createTempFile(folder, target.getFileName().toString(), ".part");
        try {
            Files.write(partial, content);
            moveIntoPlace(partial, target);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /** Moves a finished temporary file onto {@code target}, atomically where the file system can. */
    public static void moveIntoPlace(Path partial, Path target) throws IOException {
        try {
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Deletes {@code root} and everything below it; nothing happens when it does not exist. */
    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** A new SHA-256 digest. */
    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }

    /** The SHA-256 of {@code content}, as lower-case hex. */
    public static String sha256Hex(byte[] content) {
        return HexFormat.of().formatHex(sha256().digest(content));
    }

    /** The SHA-256 of a file's bytes, as lower-case hex. */
    public static String sha256Hex(Path file) throws IOException {
        MessageDigest digest = sha256();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
