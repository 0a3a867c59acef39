package io.fixate.provider.stanet;

import io.fixate.api.AudioBlock;
import io.fixate.api.FixationMap;
import io.fixate.api.FrameWithAudio;
import io.fixate.api.VideoFrame;
import io.fixate.spi.djl.FrameFit;
import io.fixate.spi.djl.FrameFit.ContentRectangle;
import io.fixate.spi.djl.PlaneResize;

/**
 * What the STANet sessions do to a net's square probability map before a host sees it, in this order: the blur
 * ({@link MapBlur}) on the whole square, the crop to the frame's content rectangle when frames are padded (the whole
 * square when squashed) and a min-max normalisation; the running average over the stream; the bilinear resize to the
 * source frame, unless maps stay at the net's size. Also what the nets hear ({@link #heard}).
 */
final class NetMapOutput {

    private final SessionSettings settings;
    private final int inputSize;
    private final FrameFit frameFit;
    private final MapBlur blur;

    NetMapOutput(SessionSettings settings, int inputSize, FrameFit frameFit) {
        this.settings = settings;
        this.inputSize = inputSize;
        this.frameFit = frameFit;
        this.blur = new MapBlur(settings.blur() * inputSize);
    }

    /** {@code probabilities}, the net's square map of {@code frame}, blurred, cropped and normalised. */
    FixationMap atNetSize(float[] probabilities, VideoFrame frame) {
        // blurred on the whole square, so the frame's edge cells see the same kernel as with squashed frames
        ContentRectangle content = frameFit.content(frame.width(), frame.height(), inputSize);
        return FixationMap.ofScores(content.width(), content.height(),
                content.cropped(blur.apply(probabilities, inputSize), inputSize), frame.timestampMicros(),
                frame.width(), frame.height());
    }

    /**
     * (1 − s)·map + s·previous average, min-max normalised: a causal exponential average that steadies the map over
     * time without holding back another frame. With no previous average (a stream's first map) {@code map} as it is.
     */
    FixationMap averaged(FixationMap map, FixationMap previousAverage) {
        double smoothing = settings.smoothing();
        if (previousAverage == null || smoothing == 0) {
            return map;
        }
        float[] values = map.toArray();
        float[] previous = previousAverage.toArray();
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) ((1 - smoothing) * values[i] + smoothing * previous[i]);
        }
        return FixationMap.ofScores(map.width(), map.height(), values, map.timestampMicros(), map.frameWidth(),
                map.frameHeight());
    }

    /**
     * {@code map}, at the net's size, min-max normalised, and resized to the frame it describes if so set: either way
     * a map the host sees peaks at 1, an interpolated one too.
     */
    FixationMap delivered(FixationMap map) {
        if (!settings.atFrameSize()) {
            return FixationMap.ofScores(map.width(), map.height(), map.toArray(), map.timestampMicros(),
                    map.frameWidth(), map.frameHeight());
        }
        float[] scores = PlaneResize.bilinear(map.toArray(), map.width(), map.height(), map.frameWidth(),
                map.frameHeight());
        return FixationMap.ofScores(map.frameWidth(), map.frameHeight(), scores, map.timestampMicros(),
                map.frameWidth(), map.frameHeight());
    }

    /** The audio window the nets hear with {@code input}: its own, or silence of its length when hearing is off. */
    AudioBlock heard(FrameWithAudio input) {
        AudioBlock window = input.audio();
        return settings.hearing() ? window : AudioBlock.silence(window.frameCount(), window.sampleRate(),
                window.channels(), window.timestampMicros());
    }
}
