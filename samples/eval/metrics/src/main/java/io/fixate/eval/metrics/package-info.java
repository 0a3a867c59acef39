/**
 * The six frame-level saliency metrics video-saliency papers report (AUC-Judd, shuffled AUC, NSS, CC, SIM, KLD), in
 * pure Java and float64, with the conventions of the MIT saliency benchmark Matlab code that the STAViS evaluation
 * calls ({@link io.fixate.eval.metrics.Convention#MIT}), including Matlab's bicubic resize, its colon operator and
 * every NaN it returns, and the pysaliency variants where those differ
 * ({@link io.fixate.eval.metrics.Convention#PYSALIENCY}).
 *
 * <p>Each metric class scores one map pair; {@link io.fixate.eval.metrics.MetricSuite} scores all six for a frame
 * with one resize; {@link io.fixate.eval.metrics.Scoreboard} averages per video and per dataset, dropping NaN
 * frames as STAViS does; {@link io.fixate.eval.metrics.StavisPostprocess} reproduces STAViS's preparation of the
 * predicted maps.
 */
package io.fixate.eval.metrics;
