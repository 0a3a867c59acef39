package io.fixate.tests;

import io.fixate.api.VideoFrame;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.global.opencv_objdetect;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.RectVector;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_objdetect.CascadeClassifier;

import java.io.IOException;
import java.util.Optional;

/**
 * Finds the largest frontal face in a frame with OpenCV's Haar cascade {@code haarcascade_frontalface_alt} (Lienhart
 * et al.), which JavaCV's OpenCV platform jar ships. A test-only detector: the SDK itself has no face detector.
 */
final class FaceFinder implements AutoCloseable {

    private static final String CASCADE = "haarcascade_frontalface_alt.xml";
    /** A face smaller than this share of the frame's height is not the speaker's. */
    private static final double MIN_FACE_SHARE = 0.15;

    /** A face box in pixels. */
    record Box(int x, int y, int width, int height) {

        boolean contains(int px, int py) {
            return px >= x && px < x + width && py >= y && py < y + height;
        }
    }

    private final CascadeClassifier cascade;

    FaceFinder() throws IOException {
        Loader.load(opencv_objdetect.class);
        String resource = "/org/bytedeco/opencv/" + Loader.getPlatform() + "/share/opencv4/haarcascades/" + CASCADE;
        cascade = new CascadeClassifier(Loader.cacheResource(opencv_objdetect.class, resource).getAbsolutePath());
        if (cascade.empty()) {
            throw new IOException("OpenCV could not read its cascade " + resource);
        }
    }

    /** The largest face in {@code frame}, if the cascade finds one. */
    Optional<Box> largestFace(VideoFrame frame) {
        try (BytePointer pixels = new BytePointer(frame.copyRgb());
             Mat rgb = new Mat(frame.height(), frame.width(), opencv_core.CV_8UC3, pixels);
             Mat grey = new Mat(); RectVector faces = new RectVector()) {
            opencv_imgproc.cvtColor(rgb, grey, opencv_imgproc.COLOR_RGB2GRAY);
            opencv_imgproc.equalizeHist(grey, grey);
            int minSide = (int) Math.round(MIN_FACE_SHARE * frame.height());
            try (Size min = new Size(minSide, minSide); Size max = new Size()) {
                cascade.detectMultiScale(grey, faces, 1.1, 3, 0, min, max);
            }
            Box largest = null;
            for (long i = 0; i < faces.size(); i++) {
                Rect face = faces.get(i);
                if (largest == null || face.area() > largest.width() * largest.height()) {
                    largest = new Box(face.x(), face.y(), face.width(), face.height());
                }
            }
            return Optional.ofNullable(largest);
        }
    }

    @Override
    public void close() {
        cascade.close();
    }
}
