package io.fixate.codec;

import io.fixate.api.AudioBlock;
import io.fixate.codec.internal.Ffmpeg;
import org.bytedeco.ffmpeg.avutil.AVChannelLayout;
import org.bytedeco.ffmpeg.swresample.SwrContext;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.PointerPointer;

import java.util.Arrays;

import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_FLT;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_default;
import static org.bytedeco.ffmpeg.global.swresample.swr_alloc_set_opts2;
import static org.bytedeco.ffmpeg.global.swresample.swr_convert;
import static org.bytedeco.ffmpeg.global.swresample.swr_free;
import static org.bytedeco.ffmpeg.global.swresample.swr_get_out_samples;
import static org.bytedeco.ffmpeg.global.swresample.swr_init;
import static org.bytedeco.ffmpeg.global.swresample.swr_set_matrix;

/**
 * Converts one continuous stream of interleaved float audio to another sample rate and channel count with FFmpeg's
 * libswresample (band-limited resampling). Mixing down to mono averages the input channels; other channel changes use
 * FFmpeg's default matrix (e.g. mono to stereo copies the channel).
 *
 * <p>Output timing: the resampler keeps a few input samples back for its filter, so each {@link #process} call may
 * return slightly fewer samples than the rate ratio suggests, and {@link #drain} returns the rest at the end. The
 * output is aligned with the input: its first sample belongs to the first input block's timestamp, and every output
 * block is stamped with that time plus the samples already produced, regardless of the timestamps of later input
 * blocks. Callers whose input jumps in time start a new resampler (as {@link AudioWindower} does).
 *
 * <p>Not thread-safe. Holds native memory until {@link #close()}.
 */
public final class AudioResampler implements AutoCloseable {

    private final int inRate;
    private final int inChannels;
    private final int outRate;
    private final int outChannels;
    private final SwrContext context;
    private final PointerPointer<FloatPointer> inputPlanes = new PointerPointer<>(1);
    private final PointerPointer<FloatPointer> outputPlanes = new PointerPointer<>(1);
    private FloatPointer input;
    private FloatPointer output;
    private boolean started;
    private long firstInputMicros;
    private long framesProduced;
    private boolean drained;
    private boolean closed;

    /**
     * @throws IllegalArgumentException if a rate or channel count is not positive, or FFmpeg refuses the conversion
     */
    public AudioResampler(int inRate, int inChannels, int outRate, int outChannels) {
        requirePositive("input sample rate", inRate);
        requirePositive("input channel count", inChannels);
        requirePositive("output sample rate", outRate);
        requirePositive("output channel count", outChannels);
        this.inRate = inRate;
        this.inChannels = inChannels;
        this.outRate = outRate;
        this.outChannels = outChannels;
        Ffmpeg.ensureLoaded();
        this.context = openContext();
    }

    private SwrContext openContext() {
        try (AVChannelLayout inLayout = new AVChannelLayout();
             AVChannelLayout outLayout = new AVChannelLayout();
             PointerPointer<SwrContext> holder = new PointerPointer<>(1)) {
            holder.zero(); // swr_alloc_set_opts2 would reconfigure a context found there instead of allocating one
            av_channel_layout_default(inLayout, inChannels);
            av_channel_layout_default(outLayout, outChannels);
            int status = swr_alloc_set_opts2(holder, outLayout, AV_SAMPLE_FMT_FLT, outRate,
                    inLayout, AV_SAMPLE_FMT_FLT, inRate, 0, null);
            SwrContext allocated = holder.get(SwrContext.class);
            boolean exists = allocated != null && !allocated.isNull();
            if (status >= 0 && exists && outChannels == 1 && inChannels > 1) {
                status = swr_set_matrix(allocated, averagingMatrix(inChannels), inChannels);
            }
            if (status >= 0 && exists) {
                status = swr_init(allocated);
            }
            if (status < 0 || !exists) {
                if (exists) {
                    swr_free(holder);
                }
                throw new IllegalArgumentException("FFmpeg cannot resample " + describeFormat(inRate, inChannels)
                        + " to " + describeFormat(outRate, outChannels) + ": " + Ffmpeg.describe(status));
            }
            return allocated;
        }
    }

    /**
     * Equal weights summing to one. FFmpeg's default mono downmix adds stereo channels at -3 dB each, which raises a
     * sound common to both channels by 3 dB and can clip; averaging matches {@link AudioBlock#toMono()} and the
     * mono loading of common audio libraries.
     */
    private static double[] averagingMatrix(int inChannels) {
        double[] weights = new double[inChannels];
        Arrays.fill(weights, 1.0 / inChannels);
        return weights;
    }

    public int inputSampleRate() {
        return inRate;
    }

    public int inputChannels() {
        return inChannels;
    }

    /**
     * Resamples the next block of the stream.
     *
     * @return the output that is ready, possibly empty
     * @throws IllegalArgumentException if {@code block}'s rate or channel count is not this resampler's input format
     * @throws IllegalStateException    after {@link #drain()} or {@link #close()}
     */
    public AudioBlock process(AudioBlock block) {
        ensureAccepting();
        if (block.sampleRate() != inRate || block.channels() != inChannels) {
            throw new IllegalArgumentException("this resampler takes " + describeFormat(inRate, inChannels)
                    + " audio, got " + describeFormat(block.sampleRate(), block.channels()));
        }
        if (!started) {
            started = true;
            firstInputMicros = block.timestampMicros();
        }
        int frames = block.frameCount();
        input = ensureCapacity(input, (long) frames * inChannels);
        input.position(0).limit((long) frames * inChannels).asBuffer().put(block.interleaved());
        inputPlanes.put(0, input);
        return convert(inputPlanes, frames);
    }

    /**
     * Ends the stream and returns the samples the filter still held.
     *
     * @throws IllegalStateException after a previous drain or {@link #close()}
     */
    public AudioBlock drain() {
        ensureAccepting();
        drained = true;
        return convert(null, 0);
    }

    private AudioBlock convert(PointerPointer<FloatPointer> source, int frames) {
        int capacity = swr_get_out_samples(context, frames);
        if (capacity < 0) {
            throw new IllegalStateException("FFmpeg resampler failed: " + Ffmpeg.describe(capacity));
        }
        output = ensureCapacity(output, (long) capacity * outChannels);
        outputPlanes.put(0, output);
        int produced = swr_convert(context, outputPlanes, capacity, source, frames);
        if (produced < 0) {
            throw new IllegalStateException("FFmpeg resampler failed: " + Ffmpeg.describe(produced));
        }
        float[] samples = new float[produced * outChannels];
        output.position(0).get(samples);
        long timestamp = firstInputMicros + Math.round(framesProduced * 1_000_000.0 / outRate);
        framesProduced += produced;
        return AudioBlock.ofInterleaved(samples, outRate, outChannels, timestamp);
    }

    /** {@code buffer} if it holds {@code floats}, else a new native buffer that does (the old one is freed). */
    private static FloatPointer ensureCapacity(FloatPointer buffer, long floats) {
        long needed = Math.max(floats, 1);
        if (buffer != null && buffer.capacity() >= needed) {
            return buffer;
        }
        if (buffer != null) {
            buffer.close();
        }
        return new FloatPointer(needed);
    }

    private void ensureAccepting() {
        if (closed) {
            throw new IllegalStateException("audio resampler is closed");
        }
        if (drained) {
            throw new IllegalStateException("audio resampler was drained; start a new one for more audio");
        }
    }

    /** Frees the native resampler; idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        swr_free(context);
        for (FloatPointer buffer : new FloatPointer[] {input, output}) {
            if (buffer != null) {
                buffer.close();
            }
        }
        inputPlanes.close();
        outputPlanes.close();
    }

    private static void requirePositive(String what, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(what + " must be positive, got " + value);
        }
    }

    private static String describeFormat(int rate, int channels) {
        return rate + " Hz " + channels + "-channel";
    }
}
