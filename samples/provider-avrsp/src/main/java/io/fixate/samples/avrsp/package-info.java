/**
 * The {@code avrsp} predictor: its provider (a {@link io.fixate.spi.TrainablePredictorProvider}), the weights folder,
 * and the streaming session, which runs each frame through the encoders once and predicts causally.
 */
package io.fixate.samples.avrsp;
