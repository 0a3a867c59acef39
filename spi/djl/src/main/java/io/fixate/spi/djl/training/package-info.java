/**
 * Training on DJL: {@link io.fixate.spi.djl.training.TrainingStep} is one leak-free optimisation step and {@link
 * io.fixate.spi.djl.training.EpochTrainer} the resumable epoch loop around it, with {@link
 * io.fixate.spi.djl.training.Checkpoint}s, {@link io.fixate.spi.djl.training.MomentumSgd}, a run folder that refuses
 * other settings ({@link io.fixate.spi.djl.training.TrainingRunFolder}) and a stop on a non-finite loss ({@link
 * io.fixate.api.TrainingDivergedException}).
 */
package io.fixate.spi.djl.training;
