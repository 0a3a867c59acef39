/**
 * Adapters from what media hosts hand a plug-in to Fixate's value types: picture buffers described by
 * {@link io.fixate.codec.host.Plane}s in packed RGB-family or 4:2:0 YUV layouts, {@link java.awt.image.BufferedImage}s,
 * and PCM audio buffers, interleaved or planar.
 */
package io.fixate.codec.host;
