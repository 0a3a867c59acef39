package io.fixate.codec;

/**
 * What a media file holds, as its headers and its first decoded frame describe it. Sizes are those of the picture as
 * displayed: a phone clip stored sideways with a 90° display rotation is described, and delivered, upright.
 *
 * @param width           displayed picture width in pixels (frames are delivered at this size)
 * @param height          displayed picture height in pixels
 * @param frameRate       nominal frames per second; frame timestamps are authoritative for variable frame rate
 * @param durationMicros  declared duration in microseconds; 0 when the container does not say
 * @param hasAudio        whether the file has an audio stream
 * @param audioSampleRate native sample rate of the audio stream; 0 without audio
 * @param audioChannels   native channel count of the audio stream; 0 without audio
 * @param videoCodec      FFmpeg's name of the video codec, e.g. {@code "h264"}
 * @param audioCodec      FFmpeg's name of the audio codec; empty without audio
 * @param rotation        degrees the stored picture was turned clockwise to be shown upright: 0, 90, 180 or 270
 * @param mirrored        whether the stored picture was also mirrored left to right (before turning)
 * @param pixelAspect     width of a displayed pixel over its height (sample aspect ratio); 1 for square pixels
 */
public record MediaInfo(int width, int height, double frameRate, long durationMicros, boolean hasAudio,
                        int audioSampleRate, int audioChannels, String videoCodec, String audioCodec,
                        int rotation, boolean mirrored, double pixelAspect) {

    /** A file shown as stored, with square pixels. */
    public MediaInfo(int width, int height, double frameRate, long durationMicros, boolean hasAudio,
                     int audioSampleRate, int audioChannels, String videoCodec, String audioCodec) {
        this(width, height, frameRate, durationMicros, hasAudio, audioSampleRate, audioChannels, videoCodec,
                audioCodec, 0, false, 1);
    }

    /** The same description without the sound, for an output that leaves it out. */
    public MediaInfo withoutAudio() {
        return new MediaInfo(width, height, frameRate, durationMicros, false, 0, 0, videoCodec, "", rotation, mirrored,
                pixelAspect);
    }

    /**
     * The number of frames the declared duration and frame rate suggest, for progress reporting only: variable frame
     * rate and damaged files make the real count differ. 0 when either is unknown.
     */
    public long estimatedFrames() {
        if (durationMicros <= 0 || !(frameRate > 0)) {
            return 0;
        }
        return Math.round(durationMicros * frameRate / 1_000_000);
    }
}
