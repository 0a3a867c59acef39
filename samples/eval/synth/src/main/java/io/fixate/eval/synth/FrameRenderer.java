package io.fixate.eval.synth;

import io.fixate.api.VideoFrame;

import java.util.SplittableRandom;

/** Draws a clip's frames: its backdrop, the visible objects composited over it in drawing order, then its screens. */
final class FrameRenderer {

    private final ClipScene scene;
    private final float[] background;

    FrameRenderer(ClipScene scene) {
        this.scene = scene;
        this.background = Background.render(scene.spec().width(), scene.spec().height(),
                new SplittableRandom(scene.backgroundSeed()));
    }

    /** The picture of the frame {@code snapshot} describes, at frame {@code index}'s presentation time. */
    VideoFrame render(int index, ClipScene.Snapshot snapshot) {
        int width = scene.spec().width();
        float[] pixels = background.clone();
        for (ClipScene.Snapshot.Placed placed : snapshot.visible()) {
            placed.sprite().paintOver(pixels, width);
        }
        for (Screen screen : scene.screens()) {
            screen.paintOver(pixels, width);
        }
        return VideoFrame.create(width, scene.spec().height(), scene.spec().frameTimeMicros(index), rgb -> {
            for (float value : pixels) {
                rgb.put((byte) Math.round(value));
            }
        });
    }
}
