/**
 * The codec bridge between Fixate and media files or host buffers. {@code io.fixate.codec.output} turns predictions
 * back into what hosts use: heatmap overlay videos, per-frame map images and fixation JSON, each written atomically.
 */
module io.fixate.codec {
    requires transitive io.fixate.api;
    requires org.bytedeco.javacv;
    requires org.bytedeco.ffmpeg;
    requires com.google.gson;
    requires java.desktop;

    exports io.fixate.codec.output;
}
