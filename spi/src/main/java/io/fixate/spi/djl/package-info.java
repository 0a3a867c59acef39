/**
 * A toolkit for providers built on DJL with the PyTorch engine: {@link io.fixate.spi.djl.Devices} turns a {@link
 * io.fixate.api.DeviceChoice} into a DJL device and checks the thread request, {@link io.fixate.spi.djl.WeightsFile}
 * saves and loads block parameters with a checksum manifest and {@link io.fixate.spi.djl.ManifestFile} reads a
 * trained folder's JSON manifest, {@link io.fixate.spi.djl.AudioSpectrogram} is the audio front end of the STANet
 * family and {@link io.fixate.spi.djl.FramePreprocessor} its visual one (square resize with {@link
 * io.fixate.spi.djl.PlaneResize}, ImageNet normalisation, training augmentation), {@link
 * io.fixate.spi.djl.TrainingStep} is one leak-free optimisation step and {@link io.fixate.spi.djl.EpochTrainer} the
 * resumable epoch loop around it (with {@link io.fixate.spi.djl.Checkpoint} and {@link
 * io.fixate.spi.djl.MomentumSgd}), and {@code io.fixate.spi.djl.nn} holds the network parts the providers share. The classes of this package load only when DJL ({@code ai.djl.api}) is on the
 * path, and {@code ManifestFile} only with Gson; the rest of the spi module never touches them.
 */
package io.fixate.spi.djl;
