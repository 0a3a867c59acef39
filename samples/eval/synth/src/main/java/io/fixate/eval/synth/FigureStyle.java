package io.fixate.eval.synth;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/** The common look of the documentation figures: fonts, ink, spacing, and drawing surfaces. */
final class FigureStyle {

    static final int GAP = 8;
    static final int TEXT_LINE = 16;
    /** How far above a text line's bottom its baseline sits. */
    static final int DESCENT = 4;
    static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 13);
    static final Color INK = new Color(20, 20, 20);

    private FigureStyle() {
    }

    /** An anti-aliased graphics context on {@code image}. */
    static Graphics2D canvas(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        return g;
    }

    /** A white image of the given size and a {@link #canvas} on it that draws in {@link #INK}. */
    static Graphics2D paper(BufferedImage image) {
        Graphics2D g = canvas(image);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(INK);
        g.setFont(FONT);
        return g;
    }
}
