package io.fixate.codec.output;

/** How map values in [0, 1] are coloured; 0 = no attention, 1 = most attention. */
public enum ColorMap {

    /** The classic MATLAB/OpenCV jet: dark blue, blue, cyan, yellow, red, dark red. */
    JET {
        @Override
        public int rgb(float value) {
            float v = clampUnit(value);
            // Each channel is a trapezoid of height 1 and slope 4, centred at 3/4 (red), 1/2 (green), 1/4 (blue).
            return pack(trapezoid(v, 0.75f), trapezoid(v, 0.5f), trapezoid(v, 0.25f));
        }
    },

    /**
     * Matplotlib's perceptually uniform inferno (black, purple, red, orange, pale yellow), linearly interpolated
     * between its colours at eleven equally spaced values; luminance rises monotonically.
     */
    INFERNO {
        private final int[] anchors = {
            0x000004, 0x160B39, 0x420A68, 0x6A176E, 0x932667, 0xBC3754,
            0xDD513A, 0xF37819, 0xFCA50A, 0xF6D746, 0xFCFFA4,
        };

        @Override
        public int rgb(float value) {
            float position = clampUnit(value) * (anchors.length - 1);
            int lower = Math.min((int) position, anchors.length - 2);
            float t = position - lower;
            int from = anchors[lower];
            int to = anchors[lower + 1];
            return pack(lerpChannel(from, to, 16, t), lerpChannel(from, to, 8, t), lerpChannel(from, to, 0, t));
        }
    },

    /** Black at 0 to white at 1. */
    GRAY {
        @Override
        public int rgb(float value) {
            float v = clampUnit(value);
            return pack(v, v, v);
        }
    };

    /**
     * The colour of a map value, packed as {@code 0xRRGGBB}. Values outside [0, 1] are clamped; NaN counts as 0.
     */
    public abstract int rgb(float value);

    private static float clampUnit(float value) {
        return value > 0 ? Math.min(value, 1f) : 0f;
    }

    private static float trapezoid(float v, float centre) {
        return Math.max(0f, Math.min(1f, 1.5f - 4f * Math.abs(v - centre)));
    }

    private static float lerpChannel(int from, int to, int shift, float t) {
        int a = (from >> shift) & 0xFF;
        int b = (to >> shift) & 0xFF;
        return (a + (b - a) * t) / 255f;
    }

    private static int pack(float r, float g, float b) {
        return toByte(r) << 16 | toByte(g) << 8 | toByte(b);
    }

    private static int toByte(float unit) {
        return Math.round(unit * 255f);
    }
}
