/**
 * The SCAM labelling pipeline: runs already-trained classification nets S, ST and SA over a tagged clip and turns
 * their class activation maps into one pseudo-fixation map per frame, coarse or coarse-to-fine, with single-source
 * CAM, average or selective fusion (the paper's ablations) and optional temporal smoothing. Streaming and bounded in
 * memory; per-frame native memory lives in a sub-manager closed after each frame. Internal to the provider module.
 */
package io.fixate.provider.scam.labeling;
