package io.fixate.codec.output;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_RGB24;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_FLT;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;

/** A video file decoded completely with JavaCV, for checking what a writer produced. */
final class DecodedVideo {

    /** One decoded picture in packed RGB without row padding. */
    record Picture(long timestampMicros, int width, byte[] rgb) {
        int channel(int x, int y, int c) {
            return rgb[(y * width + x) * 3 + c] & 0xFF;
        }
    }

    final String videoCodec;
    final int width;
    final int height;
    final long durationMicros;
    final boolean hasAudio;
    final int sampleRate;
    final int audioChannels;
    final List<Picture> pictures = new ArrayList<>();
    /** Interleaved decoded samples from time 0 on. */
    final FloatBuffer audio;

    private DecodedVideo(FFmpegFrameGrabber grabber, List<float[]> audioBlocks) {
        videoCodec = grabber.getVideoCodecName();
        width = grabber.getImageWidth();
        height = grabber.getImageHeight();
        durationMicros = grabber.getLengthInTime();
        hasAudio = grabber.hasAudio();
        sampleRate = grabber.getSampleRate();
        audioChannels = grabber.getAudioChannels();
        audio = FloatBuffer.allocate(audioBlocks.stream().mapToInt(b -> b.length).sum());
        audioBlocks.forEach(audio::put);
        audio.flip();
    }

    static DecodedVideo read(Path file) throws Exception {
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile())) {
            grabber.setPixelFormat(AV_PIX_FMT_RGB24);
            grabber.setSampleFormat(AV_SAMPLE_FMT_FLT);
            grabber.start();
            List<Picture> pictures = new ArrayList<>();
            List<float[]> audioBlocks = new ArrayList<>();
            for (Frame frame = grabber.grab(); frame != null; frame = grabber.grab()) {
                if (frame.image != null) {
                    pictures.add(copyPicture(frame));
                }
                if (frame.samples != null) {
                    FloatBuffer samples = (FloatBuffer) frame.samples[0];
                    float[] block = new float[samples.remaining()];
                    samples.get(block);
                    audioBlocks.add(block);
                }
            }
            DecodedVideo video = new DecodedVideo(grabber, audioBlocks);
            video.pictures.addAll(pictures);
            return video;
        }
    }

    private static Picture copyPicture(Frame frame) {
        ByteBuffer source = (ByteBuffer) frame.image[0];
        int rowBytes = frame.imageWidth * 3;
        byte[] rgb = new byte[rowBytes * frame.imageHeight];
        for (int y = 0; y < frame.imageHeight; y++) {
            source.position(y * frame.imageStride).get(rgb, y * rowBytes, rowBytes);
        }
        return new Picture(frame.timestamp, frame.imageWidth, rgb);
    }

    /** Root mean square of the decoded audio between two times. */
    double audioRms(double fromSeconds, double toSeconds) {
        int from = (int) (fromSeconds * sampleRate) * audioChannels;
        int to = Math.min(audio.limit(), (int) (toSeconds * sampleRate) * audioChannels);
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += audio.get(i) * audio.get(i);
        }
        return Math.sqrt(sum / Math.max(1, to - from));
    }

    /** The loudness envelope: RMS over consecutive windows of {@code windowSeconds}. */
    double[] loudness(double windowSeconds) {
        double duration = (double) audio.limit() / audioChannels / sampleRate;
        double[] envelope = new double[(int) (duration / windowSeconds)];
        for (int i = 0; i < envelope.length; i++) {
            envelope[i] = audioRms(i * windowSeconds, (i + 1) * windowSeconds);
        }
        return envelope;
    }
}
