package io.fixate.provider.scam.recipe;

import io.fixate.provider.scam.nets.TrainableNet;
import io.fixate.provider.scam.training.TrainingOptions;

import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * One net of a labeler's training run, as the run trains, saves and loads it.
 *
 * @param id          its name in progress reports and manifests
 * @param weights     its weights file
 * @param checkpoints the folder of its checkpoints while it trains
 * @param newNet      a fresh, uninitialised net
 * @param inputSize   the side of the square frames it takes
 * @param options     how it trains
 * @param emptyHint   what to tell a user whose data gives it no sample, or empty
 */
record NetStage(String id, Path weights, Path checkpoints, Supplier<TrainableNet> newNet, int inputSize,
                TrainingOptions options, String emptyHint) {
}
