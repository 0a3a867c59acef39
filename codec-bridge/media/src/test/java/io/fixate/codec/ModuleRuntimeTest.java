package io.fixate.codec;

import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The tests run as the build ships the bridge: named modules, FFmpeg natives found from the platform jar. */
class ModuleRuntimeTest {

    @Test
    void runsOnTheModulePath() {
        assertEquals("io.fixate.codec", MediaReader.class.getModule().getName());
        assertEquals("org.bytedeco.javacv", FFmpegFrameGrabber.class.getModule().getName());
        assertEquals("org.bytedeco.ffmpeg", avutil.class.getModule().getName());
    }

    @Test
    void loadsTheFfmpegOfTheStackNotes() {
        // FFmpeg 7.1 ships libavutil 59.
        assertEquals(59, avutil.avutil_version() >>> 16);
    }
}
