package io.fixate.provider.scam.maps;

/**
 * The paste-back of the fine stage (reference {@code RecoverCAM}, fact sheet §4): a CAM computed on the crop is
 * resized to the box and placed into an otherwise zero map of the coarse grid, so the fine responses land where the
 * crop came from. The reference resizes bicubically; this uses {@link BilinearResize}, which cannot overshoot the
 * CAM's range.
 */
public final class FineCamPaste {

    private FineCamPaste() {
    }

    /**
     * A {@code box.gridWidth()} × {@code box.gridHeight()} map that is {@code fine}, resized bilinearly to
     * {@code box.width()} × {@code box.height()}, inside the box and 0 elsewhere.
     *
     * @param fine the fine CAM, of any size
     * @param box  the coarse box the crop was taken at, on the coarse map grid
     */
    public static CamMap intoBox(CamMap fine, GridBox box) {
        float[] resized = BilinearResize.resize(fine, box.width(), box.height()).toArray();
        float[] result = new float[box.gridWidth() * box.gridHeight()];
        for (int y = 0; y < box.height(); y++) {
            System.arraycopy(resized, y * box.width(), result,
                    (box.top() + y) * box.gridWidth() + box.left(), box.width());
        }
        return CamMap.wrap(box.gridWidth(), box.gridHeight(), result);
    }
}
