/**
 * The audio switch of SCAM / STANet (paper: "audio switch" φ): an audio-only classifier that labels fragments as
 * audio-relevant when it recognises the clip's tag ({@link io.fixate.provider.scam.audio.SwitchLabels}), the switch
 * net that learns those labels from a frame and its audio ({@link io.fixate.provider.scam.audio.SoundSwitch}). Both
 * train with {@link io.fixate.provider.scam.training.NetTrainer}, like the SCAM nets. Internal to the provider.
 */
package io.fixate.provider.scam.audio;
