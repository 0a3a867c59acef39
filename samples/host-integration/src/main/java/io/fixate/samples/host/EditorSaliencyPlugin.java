package io.fixate.samples.host;

import io.fixate.api.FixationMap;
import io.fixate.api.FixationPredictor;
import io.fixate.api.PredictionSession;
import io.fixate.api.VideoFrame;
import io.fixate.codec.AudioWindower;
import io.fixate.codec.host.HostAudio;
import io.fixate.codec.host.HostFrames;
import io.fixate.codec.host.Plane;
import io.fixate.codec.host.SampleFormat;
import io.fixate.codec.host.YuvMatrix;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * How a video editor's effect plugin uses Fixate. The host hands the plugin NV12 frames (as most hardware decoders
 * deliver them) and interleaved 16-bit PCM at its own rate; the plugin answers with an 8-bit saliency matte per frame
 * that the host can use as an alpha channel. Mattes come back in presentation order, {@link
 * PredictionSession#lookAheadFrames()} frames behind the input, and the rest at {@link #endOfClip()}.
 *
 * <p>Hosts with random access to the soundtrack (editors) push the audio around a frame before the frame itself, so
 * each frame's audio window is complete when the frame arrives.
 */
public final class EditorSaliencyPlugin implements AutoCloseable {

    /** An 8-bit matte (255 = most attention) at the frame's full size, row-major. */
    public record Matte(long timestampMicros, int width, int height, byte[] alpha) {
    }

    private final PredictionSession session;
    private final AudioWindower audio;

    /** @param predictor a shared predictor; the plugin opens its own session on it (one per render thread) */
    public EditorSaliencyPlugin(FixationPredictor predictor) {
        this.session = predictor.openSession();
        this.audio = new AudioWindower(session.audioRequirement());
    }

    /** Audio from the host: interleaved signed 16-bit PCM in the buffer's byte order, any rate and channel count. */
    public void onAudio(ByteBuffer pcm, int channels, int sampleRate, long timestampMicros) {
        audio.push(HostAudio.interleaved(pcm, SampleFormat.S16, channels, sampleRate, timestampMicros));
    }

    /** A frame from the host as NV12 (a full-size luma plane and a half-size interleaved UV plane). */
    public List<Matte> onFrame(ByteBuffer luma, int lumaStride, ByteBuffer chroma, int chromaStride, int width,
                               int height, long timestampMicros) {
        VideoFrame frame = HostFrames.nv12(new Plane(luma, 0, lumaStride), new Plane(chroma, 0, chromaStride),
                width, height, YuvMatrix.BT709_LIMITED, timestampMicros);
        return mattes(session.push(audio.attach(frame)));
    }

    /** The mattes of the last frames, once the host has no more frames to send (or before it seeks). */
    public List<Matte> endOfClip() {
        return mattes(session.flush());
    }

    private static List<Matte> mattes(List<FixationMap> maps) {
        List<Matte> mattes = new ArrayList<>(maps.size());
        for (FixationMap map : maps) {
            FixationMap full = map.resized(map.frameWidth(), map.frameHeight());
            byte[] alpha = new byte[full.width() * full.height()];
            for (int i = 0; i < alpha.length; i++) {
                alpha[i] = (byte) Math.round(full.values().get(i) * 255);
            }
            mattes.add(new Matte(map.timestampMicros(), full.width(), full.height(), alpha));
        }
        return mattes;
    }

    @Override
    public void close() {
        session.close();
        audio.close();
    }
}
