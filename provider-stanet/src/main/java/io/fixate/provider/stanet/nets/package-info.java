/**
 * The STA net of STANet (Wang et al., "From Semantic Categories to Fixations", CVPR 2021, §3.7-3.8) as a DJL block:
 * {@link io.fixate.provider.stanet.nets.StaNet} fuses the self-attention, spatio-temporal and audio-visual branches of
 * the reference fusion pattern (shared with SCAM through {@link io.fixate.spi.djl.nn}) on the deepest encoder map and
 * decodes it with two skip connections to fixation logits at the frame size; {@link
 * io.fixate.provider.stanet.nets.StaLoss} is its BCE + KL training loss against pseudo-fixation maps. Internal to the
 * provider module.
 */
package io.fixate.provider.stanet.nets;
