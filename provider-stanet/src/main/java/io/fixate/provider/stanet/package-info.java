/**
 * The {@code stanet} predictor: {@link io.fixate.provider.stanet.StanetPredictorProvider} opens a folder of trained
 * STA weights ({@link io.fixate.provider.stanet.StanetWeights}, also the format the trainer writes) and streams frames
 * through the net, one frame of look-ahead, optionally on every k-th frame only.
 */
package io.fixate.provider.stanet;
