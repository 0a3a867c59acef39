package io.fixate.spi.djl.training;

import io.fixate.api.FrameWithAudio;

import java.util.List;

/**
 * A training clip decoded for a student: its frames, each with the audio window the student asked for, and their
 * target maps at the training size, row-major values in [0, 1], null where a frame has none ({@link TargetDecoder}).
 */
public record ClipTargets(List<FrameWithAudio> frames, List<float[]> maps) {
}
