/**
 * A seeded procedural audio-visual benchmark with known ground-truth attention, written as real files in an AVE-like
 * layout: {@link io.fixate.eval.synth.BenchmarkGenerator} writes what a {@link io.fixate.eval.synth.BenchmarkSpec}
 * describes; {@link io.fixate.eval.synth.DocumentationFigures} draws the figures of
 * {@code docs/synthetic-benchmark.md}.
 */
package io.fixate.eval.synth;
