package io.fixate.provider.stanet;

/**
 * How a {@code stanet} session makes its maps from the net's: which frames the net runs on, the blur, the running
 * average over time and the size of the maps it returns.
 *
 * @param stride      the net runs on every {@code stride}-th frame, the maps between are interpolated (1: every frame)
 * @param blur        σ of the Gaussian blur of the net's map as a fraction of its side (0 for none)
 * @param smoothing   weight of the previous map in the running average over the stream (0 for none)
 * @param atFrameSize whether maps are resized to the source frame; otherwise they stay at the net's square size, still
 *                    describing the whole frame, for hosts that only read blocks, peaks or a coarse grid of them
 * @param hearing     whether the net hears the frames' audio; otherwise it is given silence, as for a clip without
 *                    sound, so a host can keep music or noise out of the maps
 */
record SessionSettings(int stride, double blur, double smoothing, boolean atFrameSize, boolean hearing) {
}
