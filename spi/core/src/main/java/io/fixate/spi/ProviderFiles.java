package io.fixate.spi;

import io.fixate.api.files.AtomicFile;
import io.fixate.api.files.StagedFolder;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * File helpers for providers that write weights, checkpoints and manifests: atomic replacement, so that an
 * interrupted write never leaves a partial file under the target's name, recursive deletion and SHA-256 checksums.
 * The writing is that of every Fixate output ({@link AtomicFile}, {@link StagedFolder}); this class is its face in
 * the provider contract.
 */
public final class ProviderFiles {

    private ProviderFiles() {
    }

    /** Writes {@code content} so that {@code target} appears complete or not at all, creating its folder. */
    public static void writeAtomically(Path target, byte[] content) throws IOException {
        Files.createDirectories(target.toAbsolutePath().getParent());
        AtomicFile.write(target, content);
    }

    /** Deletes {@code root} and everything below it; nothing happens when it does not exist. */
    public static void deleteTree(Path root) throws IOException {
        StagedFolder.deleteTree(root);
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
