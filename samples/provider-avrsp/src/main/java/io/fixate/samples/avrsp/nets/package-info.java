/**
 * The compact AVRSP net ({@link io.fixate.samples.avrsp.nets.AvrspNet}) and its blocks: relevance-guided fusion
 * (RAVF), multi-scale synergy (MS), regulator gates (MRG), the naive fusions of the paper's ablation, and the loss.
 */
package io.fixate.samples.avrsp.nets;
