/**
 * Distillation of the STA net from a pseudo-labeler's maps ({@link io.fixate.provider.stanet.training.Distillation}):
 * teacher samples, batches, the resumable trainer and the run's settings. Internal to the provider.
 */
package io.fixate.provider.stanet.training;
