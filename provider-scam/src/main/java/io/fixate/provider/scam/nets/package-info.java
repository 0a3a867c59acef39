/**
 * The classification nets of SCAM (Wang et al., "From Semantic Categories to Fixations", CVPR 2021) as DJL blocks:
 * {@link io.fixate.provider.scam.nets.SNet} (one frame), {@link io.fixate.provider.scam.nets.StNet} (three frames)
 * and {@link io.fixate.provider.scam.nets.SaNet} (frame + audio). Each turns encoder features into per-class maps,
 * refines them with the reference fusion pattern and classifies by global average pooling, so a class's activation
 * map is read directly off the maps ({@link io.fixate.provider.scam.nets.ClassActivations}). Encoders are chosen by
 * name through {@link io.fixate.spi.djl.nn.Encoders}; the default "compact" encoders train from scratch on a
 * CPU, and the paper's large pretrained encoders can be registered there without touching the nets. Internal to the
 * provider module.
 */
package io.fixate.provider.scam.nets;
