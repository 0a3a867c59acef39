package io.fixate.eval.synth;

import java.util.Locale;

/**
 * Which of an object's two colours covers each point of its silhouette, in object coordinates (see {@link Shape}),
 * so the pattern scales and turns with the object.
 */
enum Texture {
    SOLID {
        @Override
        boolean secondary(double u, double v) {
            return false;
        }
    },
    STRIPES {
        @Override
        boolean secondary(double u, double v) {
            return Math.floorMod((int) Math.floor((u + v) * 2.2), 2) == 1;
        }
    },
    BANDS {
        @Override
        boolean secondary(double u, double v) {
            return Math.floorMod((int) Math.floor(v * 2.5), 2) == 1;
        }
    },
    CHECKER {
        @Override
        boolean secondary(double u, double v) {
            return Math.floorMod((int) Math.floor(u * 2.2) + (int) Math.floor(v * 2.2), 2) == 1;
        }
    },
    DOTS {
        @Override
        boolean secondary(double u, double v) {
            double du = u * 2 - Math.rint(u * 2);
            double dv = v * 2 - Math.rint(v * 2);
            return du * du + dv * dv < 0.3 * 0.3;
        }
    },
    RINGS {
        @Override
        boolean secondary(double u, double v) {
            return (int) Math.floor(Math.sqrt(u * u + v * v) * 3.5) % 2 == 1;
        }
    },
    GRID {
        @Override
        boolean secondary(double u, double v) {
            double du = Math.abs(u * 2 - Math.rint(u * 2));
            double dv = Math.abs(v * 2 - Math.rint(v * 2));
            return du < 0.14 || dv < 0.14;
        }
    };

    /** Whether the point {@code (u, v)} takes the secondary colour rather than the primary one. */
    abstract boolean secondary(double u, double v);

    /** Lower-case name for documentation. */
    String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
