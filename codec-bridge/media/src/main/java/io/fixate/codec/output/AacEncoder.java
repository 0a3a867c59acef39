package io.fixate.codec.output;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_CONFIG_SAMPLE_RATE;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder_by_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_supported_config;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_FLT;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_FLTP;
import static org.bytedeco.ffmpeg.global.avutil.av_audio_fifo_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_audio_fifo_free;
import static org.bytedeco.ffmpeg.global.avutil.av_audio_fifo_read;
import static org.bytedeco.ffmpeg.global.avutil.av_audio_fifo_size;
import static org.bytedeco.ffmpeg.global.avutil.av_audio_fifo_write;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_copy;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_default;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_make_writable;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;
import static org.bytedeco.ffmpeg.global.swresample.swr_alloc_set_opts2;
import static org.bytedeco.ffmpeg.global.swresample.swr_convert;
import static org.bytedeco.ffmpeg.global.swresample.swr_free;
import static org.bytedeco.ffmpeg.global.swresample.swr_get_out_samples;
import static org.bytedeco.ffmpeg.global.swresample.swr_init;

import io.fixate.codec.internal.FfmpegError;
import java.io.IOException;
import java.nio.FloatBuffer;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avutil.AVAudioFifo;
import org.bytedeco.ffmpeg.avutil.AVChannelLayout;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.swresample.SwrContext;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Encodes interleaved float audio as AAC with FFmpeg's native encoder, keeping the source's channels and its sample
 * rate where AAC supports it (otherwise the nearest rate AAC has, resampled). Samples are converted to the encoder's
 * planar layout and collected into encoder-sized frames, timestamped by their count from 0.
 */
final class AacEncoder implements AutoCloseable {

    private static final String ENCODER = "aac";
    private static final long BIT_RATE_PER_CHANNEL = 64_000;
    /** Sample frames converted per step, bounding the native staging buffers. */
    private static final int CHUNK_FRAMES = 4096;

    private final EncodedStream stream;
    private final int channels;
    private final int frameSize;
    private final SwrContext resampler;
    private final AVAudioFifo fifo;
    private final AVFrame converted;
    private final AVFrame encoderFrame;
    private final float[] chunk;
    private final FloatPointer staging;
    private final PointerPointer<FloatPointer> stagingPlanes;
    private final FloatBuffer silence;
    private long framesEncoded;

    private AacEncoder(EncodedStream stream, int sourceRate, int channels) throws IOException {
        AVCodecContext context = stream.context();
        this.stream = stream;
        this.channels = channels;
        this.frameSize = context.frame_size();
        this.resampler = new SwrContext(null);
        this.fifo = av_audio_fifo_alloc(AV_SAMPLE_FMT_FLTP, channels, frameSize);
        this.converted = av_frame_alloc();
        this.encoderFrame = av_frame_alloc();
        this.chunk = new float[CHUNK_FRAMES * channels];
        this.staging = new FloatPointer(chunk.length);
        this.stagingPlanes = new PointerPointer<FloatPointer>(1).put(0, staging); // packed audio has one plane
        this.silence = FloatBuffer.allocate(chunk.length);
        if (fifo == null || converted == null || encoderFrame == null) {
            close();
            throw new IOException("cannot allocate audio buffers");
        }
        try {
            FfmpegError.check(swr_alloc_set_opts2(resampler, context.ch_layout(), AV_SAMPLE_FMT_FLTP,
                    context.sample_rate(), context.ch_layout(), AV_SAMPLE_FMT_FLT, sourceRate, 0, null),
                    "setting up the audio converter");
            FfmpegError.check(swr_init(resampler), "setting up the audio converter");
            allocate(encoderFrame, frameSize);
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    /** Adds an AAC stream for audio at {@code sampleRate} with {@code channels} channels to the muxer. */
    static AacEncoder open(MediaMuxer muxer, int sampleRate, int channels) throws IOException {
        AVCodec codec = avcodec_find_encoder_by_name(ENCODER);
        if (codec == null || codec.isNull()) {
            throw new IOException("this FFmpeg build has no " + ENCODER + " encoder");
        }
        int encodedRate = nearestSupportedRate(codec, sampleRate);
        // No fallback packet duration: the AAC encoder gives every packet its own.
        EncodedStream stream = EncodedStream.open(muxer, codec, 0, context -> {
            context.sample_fmt(AV_SAMPLE_FMT_FLTP);
            context.sample_rate(encodedRate);
            av_channel_layout_default(context.ch_layout(), channels);
            context.time_base(new AVRational().num(1).den(encodedRate));
            context.bit_rate(BIT_RATE_PER_CHANNEL * channels);
        });
        return new AacEncoder(stream, sampleRate, channels); // closes the stream itself if it fails
    }

    private static int nearestSupportedRate(AVCodec codec, int sampleRate) throws IOException {
        PointerPointer<IntPointer> list = new PointerPointer<>(1);
        IntPointer count = new IntPointer(1);
        FfmpegError.check(avcodec_get_supported_config(null, codec, AV_CODEC_CONFIG_SAMPLE_RATE, 0, list, count),
                "querying the audio encoder's sample rates");
        Pointer first = list.get(0);
        if (first == null || first.isNull()) {
            return sampleRate; // any rate is accepted
        }
        IntPointer rates = new IntPointer(first);
        int nearest = rates.get(0);
        for (int i = 1; i < count.get(); i++) {
            if (Math.abs(rates.get(i) - sampleRate) < Math.abs(nearest - sampleRate)) {
                nearest = rates.get(i);
            }
        }
        return nearest;
    }

    private void allocate(AVFrame frame, int samples) throws IOException {
        AVCodecContext context = stream.context();
        av_frame_unref(frame);
        frame.format(AV_SAMPLE_FMT_FLTP).nb_samples(samples).sample_rate(context.sample_rate());
        FfmpegError.check(av_channel_layout_copy(frame.ch_layout(), context.ch_layout()),
                "setting up an audio frame");
        FfmpegError.check(av_frame_get_buffer(frame, 0), "allocating an audio frame");
    }

    /** Encodes {@code frames} sample frames of interleaved audio read from {@code interleaved}'s position. */
    void encode(FloatBuffer interleaved, long frames) throws IOException {
        FloatBuffer source = interleaved.duplicate();
        for (long done = 0; done < frames; ) {
            int chunkFrames = (int) Math.min(CHUNK_FRAMES, frames - done);
            int samples = chunkFrames * channels;
            source.get(chunk, 0, samples);
            staging.put(chunk, 0, samples);
            convert(chunkFrames);
            done += chunkFrames;
        }
    }

    /** Encodes {@code frames} sample frames of silence. */
    void encodeSilence(long frames) throws IOException {
        for (long done = 0; done < frames; done += CHUNK_FRAMES) {
            encode(silence, Math.min(CHUNK_FRAMES, frames - done));
        }
    }

    private void convert(int inputFrames) throws IOException {
        int capacity = FfmpegError.check(swr_get_out_samples(resampler, inputFrames), "converting audio");
        if (capacity > converted.nb_samples()) {
            allocate(converted, capacity);
        }
        PointerPointer<?> input = inputFrames > 0 ? stagingPlanes : null;
        int produced = FfmpegError.check(
                swr_convert(resampler, converted.data(), converted.nb_samples(), input, inputFrames),
                "converting audio");
        FfmpegError.check(av_audio_fifo_write(fifo, converted.data(), produced), "buffering audio");
        sendBuffered(false);
    }

    /** Encodes whole frames from the FIFO, and with {@code all} also the final partial frame. */
    private void sendBuffered(boolean all) throws IOException {
        while (av_audio_fifo_size(fifo) >= frameSize || all && av_audio_fifo_size(fifo) > 0) {
            int samples = Math.min(frameSize, av_audio_fifo_size(fifo));
            FfmpegError.check(av_frame_make_writable(encoderFrame), "preparing an audio frame");
            encoderFrame.nb_samples(samples);
            FfmpegError.check(av_audio_fifo_read(fifo, encoderFrame.data(), samples), "reading buffered audio");
            encoderFrame.pts(framesEncoded);
            framesEncoded += samples;
            stream.send(encoderFrame);
        }
    }

    /** Flushes the converter, encodes the last partial frame and drains the encoder. */
    void finish() throws IOException {
        convert(0);
        sendBuffered(true);
        stream.send(null);
    }

    @Override
    public void close() {
        av_frame_free(encoderFrame);
        av_frame_free(converted);
        if (fifo != null) {
            av_audio_fifo_free(fifo);
        }
        swr_free(resampler);
        stagingPlanes.close();
        staging.close();
        stream.close();
    }
}
