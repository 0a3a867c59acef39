/**
 * Read-only access to the datasets predictions are evaluated on and models are trained on.
 * {@link io.fixate.eval.dataset.Datasets} opens a folder as an {@link io.fixate.eval.dataset.EvalDataset}: its label
 * set, its videos and its splits. Each {@link io.fixate.eval.dataset.VideoEntry} gives its tags and event segments,
 * its frames with their audio windows for predictors ({@link io.fixate.eval.dataset.VideoMedia}), and per-frame
 * ground truth ({@link io.fixate.eval.dataset.VideoGroundTruth}: a density and a binary fixation map as
 * {@link io.fixate.eval.metrics.Grid}s, what {@link io.fixate.eval.metrics.MetricSuite} scores against).
 *
 * <p>These layouts are read ({@link io.fixate.eval.dataset.DatasetLayout}):
 * <ul>
 *   <li>the Fixate procedural benchmark, format {@code fixate-benchmark/1} (mp4 clips, 16-bit density PNGs,
 *       fixation points in JSON, scenarios per clip);</li>
 *   <li>AVE ({@code Annotations.txt} of {@code Category&VideoID&Quality&StartTime&EndTime} lines, split files, mp4
 *       videos): tags and event segments, no eye-tracking ground truth;</li>
 *   <li>the audio-visual eye-tracking databases as distributed for STAViS (AVAD, DIEM, Coutrot_db1, Coutrot_db2,
 *       ETMD_av, SumMe): JPEG frame folders, WAV sound, JPEG density maps and MATLAB fixation maps, fold lists;</li>
 *   <li>OSIE: 700 still images with their viewers' fixations in a MATLAB file, each image a silent one-frame clip,
 *       split 500/100/100 by file name;</li>
 *   <li>DHF1K: density and fixation map pictures per frame, frames in folders or video files;</li>
 *   <li>a plain folder of video files: untagged, without ground truth, all to train on with a teacher.</li>
 * </ul>
 *
 * <p>Frame indices are 0-based everywhere; STAViS's 1-based file numbers are translated (frame 0 is
 * {@code img_00001.jpg}). Only indexes are held in memory: media and maps stream from disk a frame at a time.
 */
package io.fixate.eval.dataset;
