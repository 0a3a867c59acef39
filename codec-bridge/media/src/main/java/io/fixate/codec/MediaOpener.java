package io.fixate.codec;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_NONE;
import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_DATA_DISPLAYMATRIX;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_side_data_get;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_name;
import static org.bytedeco.ffmpeg.global.avformat.AV_DISPOSITION_ATTACHED_PIC;
import static org.bytedeco.ffmpeg.global.avformat.av_find_best_stream;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;

import io.fixate.api.CorruptMediaException;
import io.fixate.api.UnsupportedMediaException;
import io.fixate.codec.internal.Demuxer;
import io.fixate.codec.internal.FfmpegError;
import io.fixate.codec.internal.Orientation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacketSideData;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Opens a media file for {@link MediaReader} and refuses, before anything is decoded, what is not a video it can
 * read, each with its typed error: a path that is not a regular file (a named pipe must not block the open), an empty
 * file, data FFmpeg does not recognise, a still image, a file whose only picture is attached cover art, an unknown
 * codec, and a frame size too large for the memory bound.
 */
final class MediaOpener {

    /** The largest picture read: 8192 x 8192 (8K UHD is 33 megapixels). */
    static final long MAX_PIXELS = 8192L * 8192;
    /** Decoding holds a few pictures at a time; the heap must fit this many of them. */
    private static final int PICTURES_IN_FLIGHT = 8;

    private MediaOpener() {
    }

    /** A file FFmpeg has opened, with the streams chosen to read. */
    record Opened(Demuxer demuxer, AVStream video, AVStream audio, Orientation orientation) {
    }

    /**
     * Opens {@code file} and chooses its video stream and, where there is one, its audio stream.
     *
     * @throws UncheckedIOException      when the path is missing, unreadable, or not a regular file
     * @throws CorruptMediaException     when the file is empty or not media FFmpeg recognises
     * @throws UnsupportedMediaException when it is not a video: a still image, audio (with or without cover art),
     *                                   an unknown codec, or too large a picture
     */
    static Opened open(Path file) {
        requireRegularFile(file);
        Demuxer demuxer;
        try {
            demuxer = Demuxer.open(file);
        } catch (FfmpegError e) {
            throw new CorruptMediaException(file + " is not a media file FFmpeg can read, or is damaged ("
                    + e.reason() + ")");
        }
        try {
            AVStream video = videoStream(demuxer, file);
            AVStream audio = audioStream(demuxer);
            return new Opened(demuxer, video, audio, orientation(video));
        } catch (RuntimeException e) {
            demuxer.close();
            throw e;
        }
    }

    private static void requireRegularFile(Path file) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read media file " + file + ": " + e.getMessage(), e);
        }
        if (!attributes.isRegularFile()) {
            String kind = attributes.isDirectory() ? "is a directory"
                    : "is not a regular file (a pipe, socket or device)";
            throw new UncheckedIOException("cannot read media from " + file,
                    new FileSystemException(file.toString(), null, kind));
        }
        try (FileChannel channel = FileChannel.open(file)) {
            if (channel.size() == 0) {
                throw new CorruptMediaException("media file " + file + " is empty");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read media file " + file + ": " + e.getMessage(), e);
        }
    }

    private static AVStream videoStream(Demuxer demuxer, Path file) {
        if (isImageFormat(demuxer.formatName())) {
            throw new UnsupportedMediaException(file + " is a still image (" + demuxer.formatName()
                    + "), not a video");
        }
        boolean coverArt = false;
        boolean audio = false;
        AVStream firstVideo = null;
        for (int i = 0; i < demuxer.streamCount(); i++) {
            AVStream stream = demuxer.stream(i);
            int type = stream.codecpar().codec_type();
            audio |= type == AVMEDIA_TYPE_AUDIO;
            if (type == AVMEDIA_TYPE_VIDEO && isCoverArt(stream)) {
                coverArt = true;
            } else if (type == AVMEDIA_TYPE_VIDEO && firstVideo == null) {
                firstVideo = stream;
            }
        }
        // FFmpeg's own ranking prefers default streams with many frames over one-picture thumbnail tracks.
        int best = av_find_best_stream(demuxer.context(), AVMEDIA_TYPE_VIDEO, -1, -1, (PointerPointer<?>) null, 0);
        AVStream chosen = best >= 0 && !isCoverArt(demuxer.stream(best)) ? demuxer.stream(best) : firstVideo;
        if (chosen == null) {
            throw new UnsupportedMediaException(file + " has no video stream" + (coverArt
                    ? " (its only picture is attached cover art" + (audio ? " of an audio file)" : ")")
                    : audio ? " (audio only)" : ""));
        }
        requireVideo(chosen, demuxer, file);
        return chosen;
    }

    private static boolean isCoverArt(AVStream stream) {
        return (stream.disposition() & AV_DISPOSITION_ATTACHED_PIC) != 0;
    }

    /** FFmpeg's demuxers of single pictures: image2 for numbered files, {@code *_pipe} for one image's bytes. */
    private static boolean isImageFormat(String formatName) {
        return formatName.endsWith("_pipe") || formatName.equals("image2");
    }

    private static void requireVideo(AVStream stream, Demuxer demuxer, Path file) {
        AVCodecParameters parameters = stream.codecpar();
        if (parameters.codec_id() == AV_CODEC_ID_NONE) {
            throw new UnsupportedMediaException(file + ": unsupported codec " + fourcc(parameters.codec_tag())
                    + " (FFmpeg does not know it)");
        }
        String codec = avcodec_get_name(parameters.codec_id()).getString();
        if (avcodec_find_decoder(parameters.codec_id()) == null) {
            throw new UnsupportedMediaException(file + ": unsupported codec " + codec
                    + " (this FFmpeg build has no decoder for it)");
        }
        if (stream.nb_frames() == 1 && !demuxer.durationIsDeclared()) {
            throw new UnsupportedMediaException(file + " is a still image (one " + codec
                    + " picture without a duration), not a video");
        }
        int width = parameters.width();
        int height = parameters.height();
        if (width <= 0 || height <= 0) {
            throw new CorruptMediaException(file + ": its " + codec + " video stream declares no picture size");
        }
        long bytes = 3L * width * height;
        if ((long) width * height > MAX_PIXELS) {
            throw new UnsupportedMediaException(String.format(Locale.ROOT,
                    "%s: frames of %dx%d are larger than the %dx%d the reader takes", file, width, height,
                    8192, 8192));
        }
        long heap = Runtime.getRuntime().maxMemory();
        if (bytes * PICTURES_IN_FLIGHT > heap) {
            throw new UnsupportedMediaException(String.format(Locale.ROOT,
                    "%s: frames of %dx%d need %d MiB each; the Java heap (%d MiB) cannot hold the %d that decoding"
                            + " keeps (raise -Xmx)", file, width, height, bytes >> 20, heap >> 20,
                    PICTURES_IN_FLIGHT));
        }
    }

    private static String fourcc(int tag) {
        StringBuilder text = new StringBuilder();
        for (int shift = 0; shift < 32; shift += 8) {
            int c = (tag >>> shift) & 0xff;
            text.append(c >= 0x20 && c < 0x7f ? (char) c : '?');
        }
        return "'" + text + "' (tag 0x" + Integer.toHexString(tag) + ")";
    }

    /** The first audio stream FFmpeg can decode, or null. */
    private static AVStream audioStream(Demuxer demuxer) {
        for (int i = 0; i < demuxer.streamCount(); i++) {
            AVStream stream = demuxer.stream(i);
            AVCodecParameters parameters = stream.codecpar();
            if (parameters.codec_type() == AVMEDIA_TYPE_AUDIO && parameters.sample_rate() > 0
                    && parameters.ch_layout().nb_channels() > 0
                    && avcodec_find_decoder(parameters.codec_id()) != null) {
                return stream;
            }
        }
        return null;
    }

    private static Orientation orientation(AVStream video) {
        AVCodecParameters parameters = video.codecpar();
        AVPacketSideData matrix = av_packet_side_data_get(parameters.coded_side_data(),
                parameters.nb_coded_side_data(), AV_PKT_DATA_DISPLAYMATRIX);
        if (matrix == null || matrix.isNull() || matrix.size() < 9 * Integer.BYTES) {
            return Orientation.NONE;
        }
        return Orientation.ofDisplayMatrix(new IntPointer(matrix.data()));
    }
}
