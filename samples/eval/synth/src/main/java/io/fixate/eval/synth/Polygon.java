package io.fixate.eval.synth;

/** A closed polygon in object coordinates with an even-odd inside test, for the polygonal {@link Shape}s. */
final class Polygon {

    private final double[] xs;
    private final double[] ys;

    private Polygon(double[] xs, double[] ys) {
        this.xs = xs;
        this.ys = ys;
    }

    /** A regular polygon with a vertex pointing up and its vertices at distance {@code radius} from the centre. */
    static Polygon regular(int corners, double radius) {
        double[] xs = new double[corners];
        double[] ys = new double[corners];
        for (int i = 0; i < corners; i++) {
            double angle = -Math.PI / 2 + 2 * Math.PI * i / corners;
            xs[i] = radius * Math.cos(angle);
            ys[i] = radius * Math.sin(angle);
        }
        return new Polygon(xs, ys);
    }

    /** A star with {@code points} tips at {@code outer} and notches at {@code inner}, a tip pointing up. */
    static Polygon star(int points, double outer, double inner) {
        int corners = 2 * points;
        double[] xs = new double[corners];
        double[] ys = new double[corners];
        for (int i = 0; i < corners; i++) {
            double angle = -Math.PI / 2 + Math.PI * i / points;
            double radius = i % 2 == 0 ? outer : inner;
            xs[i] = radius * Math.cos(angle);
            ys[i] = radius * Math.sin(angle);
        }
        return new Polygon(xs, ys);
    }

    boolean contains(double x, double y) {
        boolean inside = false;
        for (int i = 0, j = xs.length - 1; i < xs.length; j = i++) {
            if ((ys[i] > y) != (ys[j] > y) && x < (xs[j] - xs[i]) * (y - ys[i]) / (ys[j] - ys[i]) + xs[i]) {
                inside = !inside;
            }
        }
        return inside;
    }
}
