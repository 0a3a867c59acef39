/**
 * Training of the AVRSP net in the paper's two phases, visual then audio-visual, from recorded gaze and any teacher's
 * maps, on the spi toolkit's resumable epoch loop.
 */
package io.fixate.samples.avrsp.training;
