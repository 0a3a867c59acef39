package io.fixate.codec;

/**
 * What a media file holds, as its container and stream headers declare it.
 *
 * @param width           picture width in pixels
 * @param height          picture height in pixels
 * @param frameRate       nominal frames per second; frame timestamps are authoritative for variable frame rate
 * @param durationMicros  declared duration in microseconds; 0 when the container does not say
 * @param hasAudio        whether the file has an audio stream
 * @param audioSampleRate native sample rate of the audio stream; 0 without audio
 * @param audioChannels   native channel count of the audio stream; 0 without audio
 * @param videoCodec      FFmpeg's name of the video codec, e.g. {@code "h264"}
 * @param audioCodec      FFmpeg's name of the audio codec; empty without audio
 */
public record MediaInfo(int width, int height, double frameRate, long durationMicros, boolean hasAudio,
                        int audioSampleRate, int audioChannels, String videoCodec, String audioCodec) {

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
