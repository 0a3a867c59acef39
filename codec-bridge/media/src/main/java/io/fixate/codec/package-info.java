/**
 * Media files in, Fixate value types out: {@link io.fixate.codec.MediaReader} and {@link io.fixate.codec.MediaClip}
 * decode a file into frames with their audio windows, {@link io.fixate.codec.IsolatedMediaReader} does it in a child
 * process for untrusted files (both are a {@link io.fixate.codec.FrameSource}); {@link io.fixate.codec.AudioWindower}
 * builds those windows for hosts that receive audio separately; {@link io.fixate.codec.AudioResampler} wraps FFmpeg's
 * resampler.
 */
package io.fixate.codec;
