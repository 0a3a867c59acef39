/**
 * Encoder region-of-interest maps from fixation maps. {@link io.fixate.codec.roi.QpMapper} turns the
 * {@link io.fixate.api.FixationMap}s of a video, one frame after another, into per-block QP offsets for the picture an
 * encoder codes; {@link io.fixate.codec.roi.RoiFormat} writes them in the files and arrays encoders read (SVT-AV1,
 * x264/x265, NVENC, Kvazaar, FFmpeg and GStreamer ROI). It depends on the api alone, so an encoder host loads neither
 * FFmpeg nor a model to use it.
 */
module io.fixate.codec.roi {
    requires transitive io.fixate.api;

    exports io.fixate.codec.roi;
}
