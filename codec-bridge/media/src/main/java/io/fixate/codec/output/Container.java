package io.fixate.codec.output;

import io.fixate.api.InvalidOptionsException;
import java.nio.file.Path;
import java.util.Locale;

/** The video containers a heatmap video can be written in, chosen by the target's file extension. */
enum Container {
    MP4("mp4", "mp4"),
    MOV("mov", "mov"),
    MATROSKA("mkv", "matroska");

    private final String extension;
    private final String muxerName;

    Container(String extension, String muxerName) {
        this.extension = extension;
        this.muxerName = muxerName;
    }

    /** FFmpeg's name for the muxer. */
    String muxerName() {
        return muxerName;
    }

    /** @throws InvalidOptionsException if the extension is none of .mp4, .mov, .mkv */
    static Container of(Path target) {
        String name = target.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        for (Container container : values()) {
            if (container.extension.equals(extension)) {
                return container;
            }
        }
        throw new InvalidOptionsException("cannot write a heatmap video to " + target + ": unknown extension '"
                + extension + "', expected .mp4, .mov or .mkv");
    }
}
