package io.fixate.eval.synth;

import io.fixate.api.AudioBlock;

import java.util.SplittableRandom;

/**
 * A clip's mono sound: a faint room tone everywhere, plus either the event's signature gated by its voice envelope
 * (in most clips the envelope that also drives the event's size) or, in irrelevant-audio clips, background chords or
 * noise. Distractors, twins and decoys are silent. Levels: signature {@value #EVENT_RMS} RMS while sounding (about
 * -14 dBFS), background {@value #BACKGROUND_RMS} RMS, room tone {@value #ROOM_TONE_RMS} RMS; the mix never peaks above
 * {@value #MAX_PEAK}.
 */
final class Soundtrack {

    static final double EVENT_RMS = 0.2;
    static final double BACKGROUND_RMS = 0.1;
    static final double ROOM_TONE_RMS = 0.005;
    static final double MAX_PEAK = 0.9;
    /** Peak limits of the parts before mixing, so that the mix rarely needs the final guard. */
    private static final double EVENT_MAX_PEAK = 0.8;
    private static final double BACKGROUND_MAX_PEAK = 0.6;
    /** How close the room tone's random walk stays to zero: a leaky integrator gives a soft, low-pitched rumble. */
    private static final double ROOM_TONE_LEAK = 0.98;

    private Soundtrack() {
    }

    /** The whole sound of {@code scene}, starting at time 0. */
    static AudioBlock render(ClipScene scene) {
        int sampleRate = scene.spec().audioSampleRate();
        int samples = scene.spec().clipSeconds() * sampleRate;
        SplittableRandom random = new SplittableRandom(scene.audioSeed());
        double[] mix = scaled(roomTone(samples, random), ROOM_TONE_RMS, MAX_PEAK);
        if (scene.irrelevantAudio() != null) {
            double[] background = scene.irrelevantAudio().render(samples, sampleRate, random);
            add(mix, scaled(background, BACKGROUND_RMS, BACKGROUND_MAX_PEAK));
        } else if (scene.event().sounding()) {
            SceneObject event = scene.event();
            double[] sound = scaled(event.category().sound().render(samples, sampleRate, random), EVENT_RMS,
                    EVENT_MAX_PEAK);
            for (int i = 0; i < samples; i++) {
                sound[i] *= event.voice().at((double) i / sampleRate);
            }
            add(mix, sound);
        }
        double peak = peak(mix);
        double gain = peak > MAX_PEAK ? MAX_PEAK / peak : 1;
        float[] out = new float[samples];
        for (int i = 0; i < samples; i++) {
            out[i] = (float) (mix[i] * gain);
        }
        return AudioBlock.ofMono(out, sampleRate, 0);
    }

    private static double[] roomTone(int samples, SplittableRandom random) {
        double[] out = new double[samples];
        double level = 0;
        for (int i = 0; i < samples; i++) {
            level = ROOM_TONE_LEAK * level + SoundSignature.gaussian(random);
            out[i] = level;
        }
        return out;
    }

    /** {@code signal} scaled to {@code rms}, or less where that would peak above {@code maxPeak}. */
    private static double[] scaled(double[] signal, double rms, double maxPeak) {
        double sum = 0;
        for (double s : signal) {
            sum += s * s;
        }
        double actualRms = Math.sqrt(sum / signal.length);
        double peak = peak(signal);
        double gain = actualRms > 0 ? Math.min(rms / actualRms, maxPeak / peak) : 0;
        for (int i = 0; i < signal.length; i++) {
            signal[i] *= gain;
        }
        return signal;
    }

    private static double peak(double[] signal) {
        double peak = 0;
        for (double s : signal) {
            peak = Math.max(peak, Math.abs(s));
        }
        return peak;
    }

    private static void add(double[] mix, double[] signal) {
        for (int i = 0; i < mix.length; i++) {
            mix[i] += signal[i];
        }
    }
}
