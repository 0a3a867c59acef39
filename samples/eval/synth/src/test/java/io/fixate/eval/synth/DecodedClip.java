package io.fixate.eval.synth;

import io.fixate.api.AudioBlock;
import io.fixate.api.FrameWithAudio;
import io.fixate.codec.MediaInfo;
import io.fixate.codec.MediaReader;
import io.fixate.codec.ReadOptions;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A generated video read back through the codec bridge, as any tool would read it. */
record DecodedClip(MediaInfo info, List<Long> frameTimesMicros, float[] monoAudio, int audioSampleRate) {

    static DecodedClip read(Path video) {
        List<Long> times = new ArrayList<>();
        List<AudioBlock> audio = new ArrayList<>();
        try (MediaReader reader = MediaReader.open(video, ReadOptions.DEFAULT)) {
            reader.onSourceAudio(audio::add);
            FrameWithAudio frame;
            while ((frame = reader.read()) != null) {
                times.add(frame.frame().timestampMicros());
            }
            MediaInfo info = reader.info();
            int samples = audio.stream().mapToInt(AudioBlock::frameCount).sum();
            float[] mono = new float[samples];
            int next = 0;
            for (AudioBlock block : audio) {
                AudioBlock monoBlock = block.toMono();
                monoBlock.interleaved().get(mono, next, monoBlock.frameCount());
                next += monoBlock.frameCount();
            }
            return new DecodedClip(info, times, mono, info.audioSampleRate());
        }
    }

    int frameCount() {
        return frameTimesMicros.size();
    }

    /** Root mean square of the sound in the window {@code [centre - width / 2, centre + width / 2)} seconds. */
    double rms(double centreSeconds, double widthSeconds) {
        int from = Math.max(0, (int) Math.round((centreSeconds - widthSeconds / 2) * audioSampleRate));
        int to = Math.min(monoAudio.length, (int) Math.round((centreSeconds + widthSeconds / 2) * audioSampleRate));
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += (double) monoAudio[i] * monoAudio[i];
        }
        return to > from ? Math.sqrt(sum / (to - from)) : 0;
    }
}
