package io.fixate.codec.internal;

import io.fixate.api.AudioBlock;
import io.fixate.api.CorruptMediaException;
import io.fixate.api.FrameWithAudio;
import io.fixate.api.InvalidOptionsException;
import io.fixate.api.TruncatedMediaException;
import io.fixate.api.UnsupportedMediaException;
import io.fixate.api.VideoFrame;
import io.fixate.codec.MediaInfo;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;

/**
 * The messages a decoding child process sends its host, one home for both sides of the format: each is a tag byte
 * and its fields in {@link DataOutputStream} encoding. The child sends {@link #INFO} once the file is open, then
 * {@link #FRAME}s and {@link #SOURCE_AUDIO} blocks, and last either {@link #END} with the warnings or {@link #ERROR}
 * with the typed error to raise on the host's side.
 */
public final class FrameStream {

    public static final byte INFO = 'I';
    public static final byte FRAME = 'F';
    public static final byte SOURCE_AUDIO = 'A';
    public static final byte END = 'Z';
    public static final byte ERROR = 'E';

    /** Error kinds, so that the host raises the exception the child met. */
    private static final String TRUNCATED = "truncated";
    private static final String CORRUPT = "corrupt";
    private static final String UNSUPPORTED = "unsupported";
    private static final String INVALID = "invalid";
    private static final String NO_FILE = "no-file";
    private static final String DENIED = "denied";
    private static final String FILE_SYSTEM = "file-system";

    private FrameStream() {
    }

    public static void writeInfo(DataOutputStream out, MediaInfo info) throws IOException {
        out.writeByte(INFO);
        out.writeInt(info.width());
        out.writeInt(info.height());
        out.writeDouble(info.frameRate());
        out.writeLong(info.durationMicros());
        out.writeBoolean(info.hasAudio());
        out.writeInt(info.audioSampleRate());
        out.writeInt(info.audioChannels());
        out.writeUTF(info.videoCodec());
        out.writeUTF(info.audioCodec());
        out.writeInt(info.rotation());
        out.writeBoolean(info.mirrored());
        out.writeDouble(info.pixelAspect());
    }

    /** Reads the fields of an {@link #INFO} message whose tag has been read. */
    public static MediaInfo readInfo(DataInputStream in) throws IOException {
        return new MediaInfo(in.readInt(), in.readInt(), in.readDouble(), in.readLong(), in.readBoolean(),
                in.readInt(), in.readInt(), in.readUTF(), in.readUTF(), in.readInt(), in.readBoolean(),
                in.readDouble());
    }

    public static void writeFrame(DataOutputStream out, FrameWithAudio input) throws IOException {
        out.writeByte(FRAME);
        VideoFrame frame = input.frame();
        out.writeLong(frame.timestampMicros());
        out.writeInt(frame.width());
        out.writeInt(frame.height());
        ByteBuffer rgb = frame.rgb();
        byte[] pixels = new byte[rgb.remaining()];
        rgb.duplicate().get(pixels);
        out.write(pixels);
        out.writeBoolean(input.audioPresent());
        writeAudio(out, input.audio());
    }

    /** Reads the fields of a {@link #FRAME} message whose tag has been read. */
    public static FrameWithAudio readFrame(DataInputStream in) throws IOException {
        long time = in.readLong();
        int width = in.readInt();
        int height = in.readInt();
        byte[] pixels = new byte[Math.multiplyExact(Math.multiplyExact(width, height), 3)];
        in.readFully(pixels);
        VideoFrame frame = VideoFrame.create(width, height, time, out -> out.put(pixels));
        boolean audioPresent = in.readBoolean();
        return new FrameWithAudio(frame, readAudio(in), audioPresent);
    }

    public static void writeSourceAudio(DataOutputStream out, AudioBlock block) throws IOException {
        out.writeByte(SOURCE_AUDIO);
        writeAudio(out, block);
    }

    /** Reads the fields of a {@link #SOURCE_AUDIO} message whose tag has been read. */
    public static AudioBlock readSourceAudio(DataInputStream in) throws IOException {
        return readAudio(in);
    }

    private static void writeAudio(DataOutputStream out, AudioBlock block) throws IOException {
        out.writeLong(block.timestampMicros());
        out.writeInt(block.sampleRate());
        out.writeInt(block.channels());
        FloatBuffer samples = block.interleaved();
        out.writeInt(samples.remaining());
        for (int i = samples.position(); i < samples.limit(); i++) {
            out.writeFloat(samples.get(i));
        }
    }

    private static AudioBlock readAudio(DataInputStream in) throws IOException {
        long time = in.readLong();
        int rate = in.readInt();
        int channels = in.readInt();
        float[] samples = new float[in.readInt()];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = in.readFloat();
        }
        return AudioBlock.ofInterleaved(samples, rate, channels, time);
    }

    public static void writeEnd(DataOutputStream out, List<String> warnings) throws IOException {
        out.writeByte(END);
        writeWarnings(out, warnings);
    }

    /** Reads the warnings of an {@link #END} message whose tag has been read. */
    public static List<String> readEnd(DataInputStream in) throws IOException {
        return readWarnings(in);
    }

    /**
     * Sends {@code error}, which the child met, with the warnings so far.
     *
     * @throws IOException when sending fails; an error of a kind the host cannot raise is rethrown
     */
    public static void writeError(DataOutputStream out, RuntimeException error, List<String> warnings)
            throws IOException {
        out.writeByte(ERROR);
        writeWarnings(out, warnings);
        if (error instanceof TruncatedMediaException truncated) {
            out.writeUTF(TRUNCATED);
            out.writeLong(truncated.framesDecoded());
            out.writeLong(truncated.lastGoodMicros());
            out.writeLong(truncated.declaredEndMicros());
        } else if (error instanceof CorruptMediaException) {
            out.writeUTF(CORRUPT);
        } else if (error instanceof UnsupportedMediaException) {
            out.writeUTF(UNSUPPORTED);
        } else if (error instanceof InvalidOptionsException) {
            out.writeUTF(INVALID);
        } else if (error instanceof UncheckedIOException io && io.getCause() instanceof NoSuchFileException) {
            out.writeUTF(NO_FILE);
        } else if (error instanceof UncheckedIOException io && io.getCause() instanceof AccessDeniedException) {
            out.writeUTF(DENIED);
        } else if (error instanceof UncheckedIOException) {
            out.writeUTF(FILE_SYSTEM);
        } else {
            throw error;
        }
        out.writeUTF(String.valueOf(error.getMessage()));
    }

    /** The warnings and the exception of an {@link #ERROR} message whose tag has been read. */
    public record Failure(List<String> warnings, RuntimeException error) {
    }

    /** Reads an {@link #ERROR} message whose tag has been read. */
    public static Failure readError(DataInputStream in) throws IOException {
        List<String> warnings = readWarnings(in);
        String kind = in.readUTF();
        long[] counts = TRUNCATED.equals(kind) ? new long[]{in.readLong(), in.readLong(), in.readLong()} : null;
        String message = in.readUTF();
        RuntimeException error = switch (kind) {
            case TRUNCATED -> new TruncatedMediaException(message, counts[0], counts[1], counts[2]);
            case CORRUPT -> new CorruptMediaException(message);
            case UNSUPPORTED -> new UnsupportedMediaException(message);
            case INVALID -> new InvalidOptionsException(message);
            case NO_FILE -> new UncheckedIOException(message, new NoSuchFileException(message));
            case DENIED -> new UncheckedIOException(message, new AccessDeniedException(message));
            default -> new UncheckedIOException(message, new FileSystemException(message));
        };
        return new Failure(warnings, error);
    }

    private static void writeWarnings(DataOutputStream out, List<String> warnings) throws IOException {
        out.writeInt(warnings.size());
        for (String warning : warnings) {
            out.writeUTF(warning);
        }
    }

    private static List<String> readWarnings(DataInputStream in) throws IOException {
        int count = in.readInt();
        List<String> warnings = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            warnings.add(in.readUTF());
        }
        return List.copyOf(warnings);
    }
}
