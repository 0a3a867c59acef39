package io.fixate.cli.command;

import io.fixate.api.FixationMap;
import io.fixate.api.VideoFrame;
import io.fixate.codec.MediaInfo;
import io.fixate.codec.output.BitDepth;
import io.fixate.codec.output.HeatmapStyle;
import io.fixate.codec.output.VideoEncoding;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;

/**
 * The outputs of a small {@code predict} run into one folder ({@code out.mp4}, {@code out.json}, {@code maps}),
 * written without a model, for {@link OutputsTest} to check in its own JVM or to stop in a child JVM ({@link #main}).
 */
final class OutputsRun {

    private static final int WIDTH = 64;
    private static final int HEIGHT = 48;
    private static final MediaInfo MEDIA = new MediaInfo(WIDTH, HEIGHT, 25, 0, false, 0, 0, "rawvideo", "");

    private OutputsRun() {
    }

    static Outputs open(Path folder) throws IOException {
        Outputs.Targets targets = new Outputs.Targets(folder.resolve("out.mp4"), folder.resolve("maps"),
                BitDepth.EIGHT, folder.resolve("out.json"));
        return Outputs.open(targets, MEDIA, "clip.mp4", "test", HeatmapStyle.DEFAULT, VideoEncoding.fastest(), 1,
                0.1);
    }

    /** Writes frames {@code 0..count-1}. */
    static void write(Outputs outputs, int count) throws IOException {
        for (int i = 0; i < count; i++) {
            writeFrame(outputs, i);
        }
    }

    /** Writes frame {@code index}, a picture of noise, which the video encoder cannot squeeze to a few bytes. */
    private static void writeFrame(Outputs outputs, int index) throws IOException {
        byte[] rgb = new byte[WIDTH * HEIGHT * 3];
        new Random(index).nextBytes(rgb);
        long time = index * 40_000L;
        outputs.write(index, VideoFrame.ofRgb(WIDTH, HEIGHT, time, rgb),
                FixationMap.of(2, 1, new float[] {1f, 0f}, time, WIDTH, HEIGHT));
    }

    /**
     * In a child JVM: {@code FOLDER forever} writes frames to the outputs in FOLDER until the process is stopped,
     * printing {@code writing} once the first few are written; {@code FOLDER commit N} writes N frames and commits,
     * printing {@code committed} or {@code commit failed: } and the message.
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        try (Outputs outputs = open(Path.of(args[0]))) {
            if (args[1].equals("forever")) {
                for (int i = 0; ; i++) {
                    writeFrame(outputs, i);
                    if (i == 2) {
                        System.out.println("writing");
                        System.out.flush();
                    }
                    Thread.sleep(5);
                }
            }
            write(outputs, Integer.parseInt(args[2]));
            try {
                outputs.commit();
                System.out.println("committed");
            } catch (IOException e) {
                System.out.println("commit failed: " + e.getMessage());
            }
        }
    }
}
