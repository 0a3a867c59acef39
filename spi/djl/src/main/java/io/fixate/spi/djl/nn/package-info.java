/**
 * Network parts shared by the DJL providers of the STANet family, which may not depend on each other: encoders chosen
 * by name ({@link io.fixate.spi.djl.nn.Encoders}; the default "compact" pair trains from scratch on a CPU, and the
 * paper's pretrained encoders are added there as further entries) and the blocks of the reference fusion pattern
 * ({@link io.fixate.spi.djl.nn.SelfAttentionGate}, {@link io.fixate.spi.djl.nn.AudioVisualMask}, {@link
 * io.fixate.spi.djl.nn.SpatioTemporalMask}, {@link io.fixate.spi.djl.nn.BranchFusion}), which SCAM's classification
 * nets and STANet's STA fusion both use; and the graph reasoning blocks of SCAM+ and STANet+ ({@link
 * io.fixate.spi.djl.nn.InterAttentionMessage}, {@link io.fixate.spi.djl.nn.ConservativeGcn} with its optional {@link
 * io.fixate.spi.djl.nn.ConvGru}, {@link io.fixate.spi.djl.nn.FixationRefineLayer}). Like the rest of {@code
 * io.fixate.spi.djl}, it loads only with DJL present.
 */
package io.fixate.spi.djl.nn;
