/**
 * Training of the SCAM classification nets, the audio classifier and the sound switch inside the provider module,
 * independent of where the samples come from: the shared {@link io.fixate.spi.djl.FramePreprocessor} turns frames
 * into normalised tensors (with the reference's crop and colour jitter for training), {@link
 * io.fixate.provider.scam.training.Batches} packs {@link io.fixate.provider.scam.training.TrainingSample}s into the
 * inputs of each net kind, and {@link io.fixate.provider.scam.training.NetTrainer} runs seeded epochs with a
 * checkpoint after each one, from which a new trainer resumes.
 */
package io.fixate.provider.scam.training;
