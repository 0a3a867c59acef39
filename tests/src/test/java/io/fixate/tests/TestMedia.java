package io.fixate.tests;

import io.fixate.api.AudioBlock;
import io.fixate.api.VideoFrame;
import io.fixate.codec.output.VideoFileWriter;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Media files for end-to-end tests, written by the codec bridge itself: a bright square sliding across a dark grey
 * frame, with a 440 Hz tone. Odd sizes, which H.264 cannot keep, are written as uncompressed YUV4MPEG.
 */
final class TestMedia {

    static final int FPS = 25;
    static final int AUDIO_RATE = 44_100;

    private TestMedia() {
    }

    /** The frame {@code index} of the test pattern. */
    static VideoFrame frame(int width, int height, int index) {
        int side = Math.max(1, Math.min(width, height) / 4);
        int left = (index * 2) % Math.max(1, width - side + 1);
        int top = (height - side) / 2;
        return VideoFrame.create(width, height, index * 1_000_000L / FPS, rgb -> {
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    boolean inSquare = x >= left && x < left + side && y >= top && y < top + side;
                    byte level = (byte) (inSquare ? 230 : 60);
                    int i = (y * width + x) * 3;
                    rgb.put(i, level).put(i + 1, level).put(i + 2, level);
                }
            }
        });
    }

    /** A clip in the container named by {@code file}'s extension, with a stereo tone unless {@code withAudio} is false. */
    static Path clip(Path file, int width, int height, int frames, boolean withAudio) throws IOException {
        try (VideoFileWriter writer = VideoFileWriter.open(file, width, height, FPS, AUDIO_RATE,
                withAudio ? 2 : 0)) {
            if (withAudio) {
                writer.writeAudio(tone(frames * AUDIO_RATE / FPS));
            }
            for (int i = 0; i < frames; i++) {
                writer.write(frame(width, height, i));
            }
        }
        return file;
    }

    private static AudioBlock tone(int sampleFrames) {
        float[] samples = new float[sampleFrames * 2];
        for (int i = 0; i < sampleFrames; i++) {
            float s = (float) (0.4 * Math.sin(2 * Math.PI * 440 * i / AUDIO_RATE));
            samples[2 * i] = s;
            samples[2 * i + 1] = s;
        }
        return AudioBlock.ofInterleaved(samples, AUDIO_RATE, 2, 0);
    }

    /** An uncompressed 4:2:0 YUV4MPEG clip of the test pattern's luma, which keeps any size, odd ones included. */
    static Path y4m(Path file, int width, int height, int frames) throws IOException {
        int chromaBytes = ((width + 1) / 2) * ((height + 1) / 2);
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(("YUV4MPEG2 W" + width + " H" + height + " F" + FPS + ":1 Ip A1:1 C420jpeg\n")
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] neutralChroma = new byte[2 * chromaBytes];
            Arrays.fill(neutralChroma, (byte) 128);
            for (int i = 0; i < frames; i++) {
                ByteBuffer rgb = frame(width, height, i).rgb();
                byte[] luma = new byte[width * height];
                for (int p = 0; p < luma.length; p++) {
                    luma[p] = rgb.get(p * 3);
                }
                out.write("FRAME\n".getBytes(StandardCharsets.US_ASCII));
                out.write(luma);
                out.write(neutralChroma);
            }
        }
        return file;
    }

    /** The GRID corpus clips beside the project, when present. */
    static Optional<Path> gridClip(String name) {
        Path clip = sharedMedia().resolve("grid").resolve(name);
        return Files.isRegularFile(clip) ? Optional.of(clip) : Optional.empty();
    }

    /** The real-world clips with sound beside the project (README.md aside), or none when they are absent. */
    static List<Path> realClips() throws IOException {
        Path real = sharedMedia().resolve("real");
        if (!Files.isDirectory(real)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(real)) {
            return files.filter(f -> !f.getFileName().toString().endsWith(".md")).sorted().toList();
        }
    }

    private static Path sharedMedia() {
        return Paths.get(System.getProperty("fixate.shared.dir", "../shared"), "media");
    }
}
