package io.fixate.codec;

import io.fixate.api.AudioBlock;
import io.fixate.api.AudioRequirement;
import io.fixate.api.FrameWithAudio;
import io.fixate.api.VideoFrame;
import io.fixate.codec.internal.SampleTimeline;

import java.util.Arrays;
import java.util.Objects;

/**
 * Builds the audio window of each frame from audio that arrives separately, for hosts that receive sound and
 * pictures through different callbacks (and for {@link MediaReader}).
 *
 * <p>Push audio blocks in presentation order with {@link #push}, in any sample rate and channel count: they are
 * resampled and mixed to mono at the requirement's rate with {@link AudioResampler}. The input format may change
 * mid-stream; the audio before the change is finished and the new format continues from its block's timestamp. A
 * timestamp more than two milliseconds away from where the previous block ended is a discontinuity: a jump forward
 * leaves silence, a jump back is trimmed so the earlier audio stands. Smaller differences are taken as timestamp
 * rounding (containers with millisecond clocks) and the audio stays continuous.
 *
 * <p>Ask for windows with {@link #windowFor} or {@link #attach} once {@link #covers} says the audio around the frame
 * is complete (or {@link #end} was called). Each window is {@code requirement.windowSamples()} long, centred on the
 * frame's time, Hann-weighted unless the requirement wants raw samples, and silent where there is no audio.
 *
 * <p>Memory stays bounded: frame times are expected to increase, so asking for a window forgets all audio before
 * its start, and at most {@link #MAX_BUFFERED_MICROS} of audio is kept in any case (the oldest goes first), which
 * only matters when audio runs far ahead of the frames asked for. Not thread-safe.
 */
public final class AudioWindower implements AutoCloseable {

    /** The most audio kept, in microseconds. */
    public static final long MAX_BUFFERED_MICROS = 30_000_000L;
    /**
     * How far a block's timestamp may differ from the end of the previous one and still count as continuous: two
     * timestamps rounded to whole milliseconds can together be off by one.
     */
    private static final double JUMP_TOLERANCE_MICROS = 2_000;

    private final AudioRequirement requirement;
    /** Per-sample weights of every window: Hann or ones. */
    private final float[] weights;
    private final SampleTimeline timeline;
    private AudioResampler resampler;
    private double expectedNextMicros;
    private boolean ended;
    private boolean closed;

    public AudioWindower(AudioRequirement requirement) {
        this.requirement = Objects.requireNonNull(requirement, "requirement");
        this.weights = requirement.hannWeighted() ? hannWindow(requirement.windowSamples())
                : unweighted(requirement.windowSamples());
        long maxSamples = MAX_BUFFERED_MICROS * requirement.sampleRate() / 1_000_000;
        this.timeline = new SampleTimeline((int) Math.min(Integer.MAX_VALUE - 8,
                Math.max(maxSamples, 2L * requirement.windowSamples())));
    }

    /** The window this windower builds. */
    public AudioRequirement requirement() {
        return requirement;
    }

    /**
     * Adds the next block of audio.
     *
     * @throws IllegalStateException after {@link #end()} or {@link #close()}
     */
    public void push(AudioBlock block) {
        ensureOpen();
        if (ended) {
            throw new IllegalStateException("audio was already ended; no more blocks can be pushed");
        }
        if (block.frameCount() == 0) {
            return;
        }
        if (startsNewSegment(block)) {
            finishResampler();
            resampler = new AudioResampler(block.sampleRate(), block.channels(), requirement.sampleRate(), 1);
        }
        store(resampler.process(block));
        expectedNextMicros = block.timestampMicros() + block.frameCount() * 1_000_000.0 / block.sampleRate();
    }

    /** Whether {@code block} cannot continue the current resampler's stream: first block, new format or a jump. */
    private boolean startsNewSegment(AudioBlock block) {
        return resampler == null || resampler.inputSampleRate() != block.sampleRate()
                || resampler.inputChannels() != block.channels()
                || Math.abs(block.timestampMicros() - expectedNextMicros) > JUMP_TOLERANCE_MICROS;
    }

    /** Marks the end of the audio: every window is complete from now on, silent past the last sample. */
    public void end() {
        ensureOpen();
        if (!ended) {
            finishResampler();
            ended = true;
        }
    }

    /** Whether {@link #end()} was called. */
    public boolean isEnded() {
        return ended;
    }

    /** Whether the window around {@code frameMicros} is complete: its audio has arrived, or the audio has ended. */
    public boolean covers(long frameMicros) {
        ensureOpen();
        return ended || timeline.end() >= windowStart(frameMicros) + weights.length;
    }

    /**
     * The mono window (Hann-weighted unless the requirement wants raw samples) centred on {@code frameMicros},
     * silent where no audio arrived. Forgets the audio before the window's start.
     */
    public AudioBlock windowFor(long frameMicros) {
        return window(frameMicros).audio();
    }

    /**
     * {@code frame} with its window; {@link FrameWithAudio#audioPresent()} is false when no audio at all lies within
     * the window (none pushed yet, or the audio ended before it).
     */
    public FrameWithAudio attach(VideoFrame frame) {
        Window window = window(frame.timestampMicros());
        return new FrameWithAudio(frame, window.audio(), window.audioPresent());
    }

    private record Window(AudioBlock audio, boolean audioPresent) {
    }

    private Window window(long frameMicros) {
        ensureOpen();
        long start = windowStart(frameMicros);
        timeline.dropBefore(start);
        float[] samples = new float[weights.length];
        boolean present = timeline.read(start, samples) > 0;
        for (int i = 0; i < samples.length; i++) {
            samples[i] *= weights[i];
        }
        long startMicros = Math.round(start * 1_000_000.0 / requirement.sampleRate());
        return new Window(AudioBlock.ofMono(samples, requirement.sampleRate(), startMicros), present);
    }

    private long windowStart(long frameMicros) {
        return Math.round(frameMicros * (double) requirement.sampleRate() / 1_000_000) - weights.length / 2;
    }

    private void store(AudioBlock mono) {
        if (mono.frameCount() > 0) {
            long index = Math.round(mono.timestampMicros() * (double) requirement.sampleRate() / 1_000_000);
            timeline.write(index, mono.interleaved());
        }
    }

    private void finishResampler() {
        if (resampler != null) {
            store(resampler.drain());
            resampler.close();
            resampler = null;
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("audio windower is closed");
        }
    }

    private static float[] unweighted(int length) {
        float[] window = new float[length];
        Arrays.fill(window, 1);
        return window;
    }

    /** Symmetric Hann window: zero at both ends, one in the middle. */
    private static float[] hannWindow(int length) {
        float[] window = new float[length];
        if (length == 1) {
            window[0] = 1;
            return window;
        }
        for (int i = 0; i < length; i++) {
            window[i] = (float) (0.5 - 0.5 * Math.cos(2 * Math.PI * i / (length - 1)));
        }
        return window;
    }

    /** Frees the resampler; idempotent. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            if (resampler != null) {
                resampler.close();
                resampler = null;
            }
        }
    }
}
