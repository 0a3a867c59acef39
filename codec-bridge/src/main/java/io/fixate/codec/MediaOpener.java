package io.fixate.codec;

import io.fixate.api.CorruptMediaException;
import io.fixate.api.UnsupportedMediaException;
import io.fixate.codec.internal.Ffmpeg;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FrameGrabber;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_RGB24;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_FLT;

/** Opens a media file in FFmpeg for {@link MediaReader}, turning each way that can fail into its typed error. */
final class MediaOpener {

    /** JavaCV reports FFmpeg failures as "avformat_open_input() error -1094995529: ...". */
    private static final Pattern FFMPEG_ERROR_CODE = Pattern.compile("\\(\\) error (-\\d+)");

    private MediaOpener() {
    }

    /**
     * A started grabber that delivers RGB24 pictures and interleaved float audio at the file's own rate and channels.
     *
     * @throws UncheckedIOException      when the file cannot be read
     * @throws CorruptMediaException     when it is empty or not media FFmpeg recognises
     * @throws UnsupportedMediaException when it has no video stream
     */
    static FFmpegFrameGrabber start(Path file) {
        requireNonEmptyFile(file);
        Ffmpeg.ensureLoaded();
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile());
        grabber.setPixelFormat(AV_PIX_FMT_RGB24);
        // Float keeps full precision for the resampler; rate and channels stay native for source-audio listeners.
        grabber.setSampleFormat(AV_SAMPLE_FMT_FLT);
        try {
            grabber.start();
            if (!grabber.hasVideo() || grabber.getImageWidth() <= 0 || grabber.getImageHeight() <= 0) {
                throw new UnsupportedMediaException(file + " has no video stream"
                        + (grabber.hasAudio() ? " (audio only)" : ""));
            }
            return grabber;
        } catch (FrameGrabber.Exception e) {
            CorruptMediaException corrupt = new CorruptMediaException(file
                    + " is not a media file FFmpeg can read, or is damaged (" + reason(e) + ")", e);
            close(grabber, corrupt);
            throw corrupt;
        } catch (RuntimeException e) {
            close(grabber, e);
            throw e;
        }
    }

    /** FFmpeg's own words for a failure JavaCV reports as "...() error CODE: ...", else JavaCV's message. */
    private static String reason(FrameGrabber.Exception e) {
        Matcher code = FFMPEG_ERROR_CODE.matcher(String.valueOf(e.getMessage()));
        return code.find() ? Ffmpeg.describe(Integer.parseInt(code.group(1))) : e.getMessage();
    }

    /** What the started {@code grabber}'s headers declare. */
    static MediaInfo describe(FFmpegFrameGrabber grabber) {
        boolean audio = grabber.hasAudio() && grabber.getAudioChannels() > 0 && grabber.getSampleRate() > 0;
        return new MediaInfo(grabber.getImageWidth(), grabber.getImageHeight(), grabber.getVideoFrameRate(),
                Math.max(0, grabber.getLengthInTime()), audio,
                audio ? grabber.getSampleRate() : 0, audio ? grabber.getAudioChannels() : 0,
                Objects.requireNonNullElse(grabber.getVideoCodecName(), ""),
                audio ? Objects.requireNonNullElse(grabber.getAudioCodecName(), "") : "");
    }

    private static void requireNonEmptyFile(Path file) {
        if (Files.isDirectory(file)) {
            throw new UncheckedIOException("cannot read media from " + file,
                    new FileSystemException(file.toString(), null, "is a directory"));
        }
        long size;
        try (FileChannel channel = FileChannel.open(file)) {
            size = channel.size();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read media file " + file + ": " + e.getMessage(), e);
        }
        if (size == 0) {
            throw new CorruptMediaException("media file " + file + " is empty");
        }
    }

    private static void close(FFmpegFrameGrabber grabber, RuntimeException failure) {
        try {
            grabber.close();
        } catch (FrameGrabber.Exception e) {
            failure.addSuppressed(e);
        }
    }
}
