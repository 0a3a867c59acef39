/**
 * The codec bridge between media and Fixate's value types. {@code io.fixate.codec} decodes files into
 * {@link io.fixate.api.FrameWithAudio} (frames with their audio windows) with FFmpeg, through the JavaCPP presets that
 * come with JavaCV; {@code io.fixate.codec.host} converts the buffers that media hosts hand a plug-in (packed RGB,
 * planar YUV, PCM) into {@link io.fixate.api.VideoFrame} and {@link io.fixate.api.AudioBlock};
 * {@code io.fixate.codec.output} turns predictions back into what hosts use: heatmap overlay videos, per-frame map
 * images and fixation JSON, each written atomically, and re-encodings that spend bits by regions of interest.
 */
module io.fixate.codec {
    requires transitive io.fixate.api;
    // Transitive because VideoFileWriter takes the regions of interest the roi module computes.
    requires transitive io.fixate.codec.roi;
    requires org.bytedeco.javacv;
    requires org.bytedeco.ffmpeg;
    requires com.google.gson;
    // Transitive because HostFrames.fromImage takes a java.awt.image.BufferedImage.
    requires transitive java.desktop;

    exports io.fixate.codec;
    exports io.fixate.codec.host;
    exports io.fixate.codec.output;
}
