package io.fixate.eval.synth;

import java.util.Locale;

/**
 * The silhouette of an object, in object coordinates: {@code u} to the right and {@code v} down, both in [-1, 1], so
 * that the shape fits the square of side 2 centred on the object (its radius is 1). Areas are kept within a factor of
 * about two of each other, so that size alone does not tell shapes apart.
 */
enum Shape {
    CIRCLE {
        @Override
        boolean contains(double u, double v) {
            return u * u + v * v <= 1;
        }
    },
    SQUARE {
        @Override
        boolean contains(double u, double v) {
            return Math.abs(u) <= 0.85 && Math.abs(v) <= 0.85;
        }
    },
    TRIANGLE {
        private final Polygon outline = Polygon.regular(3, 1.0);

        @Override
        boolean contains(double u, double v) {
            return outline.contains(u, v);
        }
    },
    STAR {
        private final Polygon outline = Polygon.star(5, 1.0, 0.48);

        @Override
        boolean contains(double u, double v) {
            return outline.contains(u, v);
        }
    },
    RING {
        @Override
        boolean contains(double u, double v) {
            double r2 = u * u + v * v;
            return r2 <= 1 && r2 >= 0.55 * 0.55;
        }
    },
    CROSS {
        @Override
        boolean contains(double u, double v) {
            double a = Math.abs(u);
            double b = Math.abs(v);
            return (a <= 0.34 && b <= 0.95) || (b <= 0.34 && a <= 0.95);
        }
    },
    DIAMOND {
        @Override
        boolean contains(double u, double v) {
            return Math.abs(u) + Math.abs(v) <= 1;
        }
    },
    HEXAGON {
        private final Polygon outline = Polygon.regular(6, 0.95);

        @Override
        boolean contains(double u, double v) {
            return outline.contains(u, v);
        }
    },
    PENTAGON {
        private final Polygon outline = Polygon.regular(5, 0.97);

        @Override
        boolean contains(double u, double v) {
            return outline.contains(u, v);
        }
    },
    CRESCENT {
        @Override
        boolean contains(double u, double v) {
            double du = u - 0.42;
            double dv = v + 0.18;
            return u * u + v * v <= 1 && du * du + dv * dv > 0.75 * 0.75;
        }
    },
    ELLIPSE {
        @Override
        boolean contains(double u, double v) {
            double w = v / 0.58;
            return u * u + w * w <= 1;
        }
    },
    HOURGLASS {
        @Override
        boolean contains(double u, double v) {
            return Math.abs(v) <= 0.92 && Math.abs(u) <= 0.1 + Math.abs(v);
        }
    };

    /** Whether the object-coordinate point {@code (u, v)} lies inside the silhouette. */
    abstract boolean contains(double u, double v);

    /** Lower-case name for documentation. */
    String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
