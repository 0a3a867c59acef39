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
import io.fixate.codec.roi.CodedPicture;
import io.fixate.codec.roi.QpMapper;
import io.fixate.codec.roi.QpOffsets;
import io.fixate.codec.roi.RoiFormat;
import io.fixate.codec.roi.RoiSettings;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * How an encoder host spends bits where people look. It feeds the plugin its I420 pictures (with any handle of its
 * own, {@code P}: an {@code x264_picture_t}, an {@code NV_ENC_PIC_PARAMS}) and its PCM; the plugin hands each picture
 * back with its QP offsets, to be set before the picture is encoded (x264's {@code quant_offsets} from
 * {@link QpOffsets#toArray()}, NVENC's {@code qpDeltaMap} rounded to int8, FFmpeg side data from
 * {@link QpOffsets#regions()}). Pictures come back in order, {@link PredictionSession#lookAheadFrames()} pictures
 * after they went in (the model's look-ahead), and the rest at {@link #endOfStream()}: the encoder runs that many
 * pictures behind its input.
 *
 * @param <P> the host's handle of a picture
 */
public final class EncoderRoiFeed<P> implements AutoCloseable {

    /** A picture and the offsets to encode it with. */
    public record Ready<P>(P picture, QpOffsets offsets) {
    }

    private final PredictionSession session;
    private final AudioWindower audio;
    private final QpMapper mapper;
    private final Deque<P> waiting = new ArrayDeque<>();

    /**
     * @param predictor a shared predictor; the feed opens its own session on it (one per encoded stream)
     * @param format    the encoder's map format, which fixes block size, range and levels
     * @param picture   the picture the encoder codes (its stored size and display rotation)
     */
    public EncoderRoiFeed(FixationPredictor predictor, RoiFormat format, CodedPicture picture,
                          RoiSettings settings) {
        this.mapper = new QpMapper(format, picture, settings);
        this.session = predictor.openSession();
        this.audio = new AudioWindower(session.audioRequirement());
    }

    /** Audio from the host: interleaved signed 16-bit PCM in the buffer's byte order, any rate and channel count. */
    public void onAudio(ByteBuffer pcm, int channels, int sampleRate, long timestampMicros) {
        audio.push(HostAudio.interleaved(pcm, SampleFormat.S16, channels, sampleRate, timestampMicros));
    }

    /** A picture from the host as I420 (full-size luma, quarter-size U and V planes), as encoders take it. */
    public List<Ready<P>> onPicture(P picture, ByteBuffer y, ByteBuffer u, ByteBuffer v, int width, int height,
                                    long timestampMicros) {
        int chromaStride = (width + 1) / 2;
        VideoFrame frame = HostFrames.i420(new Plane(y, 0, width), new Plane(u, 0, chromaStride),
                new Plane(v, 0, chromaStride), width, height, YuvMatrix.BT709_LIMITED, timestampMicros);
        waiting.add(picture);
        return ready(session.push(audio.attach(frame)));
    }

    /** The offsets of the last pictures, once the host has no more to send. */
    public List<Ready<P>> endOfStream() {
        return ready(session.flush());
    }

    private List<Ready<P>> ready(List<FixationMap> maps) {
        List<Ready<P>> ready = new ArrayList<>(maps.size());
        for (FixationMap map : maps) {
            ready.add(new Ready<>(waiting.remove(), mapper.next(map)));
        }
        return ready;
    }

    @Override
    public void close() {
        session.close();
        audio.close();
    }
}
