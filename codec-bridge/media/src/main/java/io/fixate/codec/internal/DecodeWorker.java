package io.fixate.codec.internal;

import io.fixate.api.AudioRequirement;
import io.fixate.api.FrameWithAudio;
import io.fixate.codec.MediaReader;
import io.fixate.codec.ReadOptions;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.DataOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * The child process of {@link io.fixate.codec.IsolatedMediaReader}: decodes one file with a {@link MediaReader} and
 * streams what it reads to standard output as {@link FrameStream} messages, so that a crash inside FFmpeg ends this
 * process and not the host. After {@link FrameStream#INFO} it waits for the host's go-ahead line on standard input
 * ({@code go} or {@code go audio}, the latter asking for the source audio too).
 */
public final class DecodeWorker {

    /** The go-ahead line that also asks for the source's own audio blocks. */
    public static final String GO_WITH_AUDIO = "go audio";

    private DecodeWorker() {
    }

    /** Arguments: file, audio sample rate, audio window (us), range start (us), range duration (us), keep-going. */
    public static void main(String[] args) throws IOException {
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out),
                1 << 20));
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true)); // stdout carries frames only
        Ffmpeg.printErrors(false);
        ReadOptions options = new ReadOptions(new AudioRequirement(Integer.parseInt(args[1]), Long.parseLong(args[2])),
                Long.parseLong(args[3]), Long.parseLong(args[4]), Boolean.parseBoolean(args[5]));
        MediaReader reader = null;
        try {
            reader = MediaReader.open(Path.of(args[0]), options);
            FrameStream.writeInfo(out, reader.info());
            out.flush();
            String go = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (go == null) {
                return; // the host went away
            }
            if (go.equals(GO_WITH_AUDIO)) {
                reader.onSourceAudio(block -> {
                    try {
                        FrameStream.writeSourceAudio(out, block);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
            for (FrameWithAudio frame = reader.read(); frame != null; frame = reader.read()) {
                FrameStream.writeFrame(out, frame);
            }
            FrameStream.writeEnd(out, reader.warnings());
        } catch (RuntimeException e) {
            FrameStream.writeError(out, e, reader == null ? List.of() : reader.warnings());
        } finally {
            if (reader != null) {
                reader.close();
            }
            out.flush();
        }
    }
}
