/**
 * Pure-Java map operations of SCAM (selective class activation mapping, Wang et al., "From Semantic Categories to
 * Fixations", CVPR 2021) that turn class activation maps into pseudo-fixation maps: min-max normalisation, the soft
 * filter and selective fusion (paper Eq. 2, 3), the coarse-to-fine box, crop and paste-back, bilinear resizing and the
 * recursive temporal smoothing of the reference post-processing. Internal to the provider module; nothing here
 * depends on a neural-network library.
 *
 * <p>Order of use, as in the reference pipeline: coarse CAMs → {@link SelectiveFusion} → {@link SalientRegion} →
 * {@link FrameCrop} → fine CAMs on the crop → {@link FineCamPaste} → fusion → {@link TemporalSmoother}.
 */
package io.fixate.provider.scam.maps;
