/**
 * A toolkit for providers built on DJL with the PyTorch engine: {@link io.fixate.spi.djl.Devices} turns a {@link
 * io.fixate.api.DeviceChoice} into a DJL device and checks the thread request, {@link io.fixate.spi.djl.WeightsFile}
 * saves and loads block parameters with a checksum manifest and {@link io.fixate.spi.djl.ManifestFile} reads a
 * trained folder's JSON manifest, {@link io.fixate.spi.djl.AudioSpectrogram} is the audio front end of the STANet
 * family and {@link io.fixate.spi.djl.FramePreprocessor} its visual one (resize into the square with {@link
 * io.fixate.spi.djl.PlaneResize}, squashed or padded as {@link io.fixate.spi.djl.FrameFit} says, ImageNet
 * normalisation, training augmentation). {@code io.fixate.spi.djl.training}
 * holds the resumable training loop and {@code io.fixate.spi.djl.nn} the network parts the providers share.
 */
package io.fixate.spi.djl;
