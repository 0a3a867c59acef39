package io.fixate.codec;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_FFV1;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_MP3;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_MPEG2VIDEO;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_MPEG4;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P10LE;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fixate.api.FrameWithAudio;
import io.fixate.api.TruncatedMediaException;
import io.fixate.api.UnsupportedMediaException;
import io.fixate.api.VideoFrame;
import io.fixate.fixtures.MovingSquareClip;
import io.fixate.fixtures.SharedMedia;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What real files do to a reader, one generated file for each: timestamps to repair, pictures to turn upright, other
 * bit depths and scan types, size changes, damage, and things that are not videos at all.
 */
class RealWorldMediaTest {

    private static final ReadOptions OPTIONS = ReadOptions.DEFAULT;

    @TempDir
    Path dir;

    private record Decoded(MediaInfo info, List<VideoFrame> frames, List<String> warnings) {
    }

    private static Decoded readAll(Path file) {
        try (MediaReader reader = MediaReader.open(file, OPTIONS)) {
            List<VideoFrame> frames = new ArrayList<>();
            for (FrameWithAudio frame = reader.read(); frame != null; frame = reader.read()) {
                frames.add(frame.frame());
            }
            return new Decoded(reader.info(), frames, reader.warnings());
        }
    }

    private static void assertStrictlyIncreasing(List<VideoFrame> frames) {
        for (int i = 1; i < frames.size(); i++) {
            assertTrue(frames.get(i).timestampMicros() > frames.get(i - 1).timestampMicros(),
                    "frame " + i + " at " + frames.get(i).timestampMicros() + " us");
        }
    }

    private static int[] pixel(VideoFrame frame, int x, int y) {
        int at = 3 * (y * frame.width() + x);
        return new int[]{frame.rgb().get(at) & 0xff, frame.rgb().get(at + 1) & 0xff, frame.rgb().get(at + 2) & 0xff};
    }

    private static void assertColour(int[] expected, int[] actual, int tolerance) {
        for (int c = 0; c < 3; c++) {
            assertEquals(expected[c], actual[c], tolerance, "channel " + c);
        }
    }

    @Test
    void aPhoneClipStoredSidewaysIsDeliveredUpright() {
        // A phone held upright stores its picture sideways with a -90 degree display matrix (ffprobe: rotation=-90).
        Decoded decoded = readAll(MovingSquareClip.clip().displayRotation(-90).write(dir, "phone.mov"));
        VideoFrame first = decoded.frames().get(0);
        assertAll(
                () -> assertEquals(48, decoded.info().width()),
                () -> assertEquals(64, decoded.info().height()),
                () -> assertEquals(90, decoded.info().rotation()),
                () -> assertEquals(48, first.width()),
                () -> assertEquals(64, first.height()),
                // Stored, the square starts at the left edge, vertically centred; a quarter turn clockwise puts it
                // at the top, horizontally centred.
                () -> assertColour(MovingSquareClip.SQUARE, pixel(first, 24, 3), 40),
                () -> assertColour(MovingSquareClip.BACKGROUND, pixel(first, 24, 60), 40),
                () -> assertColour(MovingSquareClip.BACKGROUND, pixel(first, 3, 24), 40));
    }

    @Test
    void nonSquarePixelsAreReported() {
        MediaInfo info = readAll(MovingSquareClip.clip().pixelAspect(4 / 3.0).write(dir, "anamorphic.mov")).info();
        assertEquals(4 / 3.0, info.pixelAspect(), 1e-3);
        assertEquals(0, info.rotation());
    }

    @Test
    void tenBitVideoDecodesToTheColoursOfEightBit() {
        List<VideoFrame> eight = readAll(MovingSquareClip.clip().silent().container("matroska")
                .videoCodec(AV_CODEC_ID_FFV1, AV_PIX_FMT_YUV420P).write(dir, "eight.mkv")).frames();
        List<VideoFrame> ten = readAll(MovingSquareClip.clip().silent().container("matroska")
                .videoCodec(AV_CODEC_ID_FFV1, AV_PIX_FMT_YUV420P10LE).write(dir, "ten.mkv")).frames();
        assertEquals(50, ten.size());
        for (int i = 0; i < ten.size(); i += 7) {
            // Inside the square and in the background; their edges differ by the 4:2:0 chroma rounding of each depth.
            int squareCentre = MovingSquareClip.clip().squareX(i) + MovingSquareClip.SQUARE_SIZE / 2;
            for (int[] at : new int[][]{{squareCentre, 24}, {60, 5}}) {
                assertColour(pixel(eight.get(i), at[0], at[1]), pixel(ten.get(i), at[0], at[1]), 2);
            }
            assertColour(MovingSquareClip.SQUARE, pixel(ten.get(i), squareCentre, 24), 8);
        }
    }

    @Test
    void interlacedVideoDecodesEveryFrameInItsColours() {
        Decoded decoded = readAll(MovingSquareClip.clip().mpegTs().videoOption("flags", "+ildct+ilme")
                .write(dir, "interlaced.ts"));
        assertEquals(50, decoded.frames().size());
        assertStrictlyIncreasing(decoded.frames());
        assertColour(MovingSquareClip.BACKGROUND, pixel(decoded.frames().get(10), 60, 5), 12);
    }

    @Test
    void aSizeChangeMidStreamIsScaledToTheFirstSizeWithOneWarning() throws IOException {
        Path first = MovingSquareClip.clip().mpegTs().write(dir, "first.ts");
        Path second = MovingSquareClip.clip().mpegTs().size(96, 64).formatOption("output_ts_offset", "12")
                .write(dir, "second.ts");
        Path joined = dir.resolve("joined.ts");
        Files.write(joined, Files.readAllBytes(first));
        Files.write(joined, Files.readAllBytes(second), java.nio.file.StandardOpenOption.APPEND);
        Decoded decoded = readAll(joined);
        // MPEG-2's decoder drops the last picture before the new sequence, as FFmpeg's command line counts too.
        assertEquals(99, decoded.frames().size());
        assertTrue(decoded.frames().stream().allMatch(f -> f.width() == 64 && f.height() == 48));
        assertStrictlyIncreasing(decoded.frames());
        List<String> sizeWarnings = decoded.warnings().stream().filter(w -> w.contains("picture size")).toList();
        assertEquals(1, sizeWarnings.size(), decoded.warnings().toString());
        assertTrue(sizeWarnings.get(0).contains("64x48 to 96x64"), sizeWarnings.get(0));
    }

    @Test
    void fragmentedMp4DecodesEveryFrame() {
        Decoded decoded = readAll(MovingSquareClip.clip().container("mp4").audioCodec(AV_CODEC_ID_MP3)
                .formatOption("movflags", "frag_keyframe+empty_moov").write(dir, "fragmented.mp4"));
        assertEquals(50, decoded.frames().size());
        assertEquals(0, decoded.frames().get(0).timestampMicros());
        assertStrictlyIncreasing(decoded.frames());
    }

    @Test
    void matroskaNamedMp4IsReadForWhatItIs() {
        Decoded decoded = readAll(MovingSquareClip.clip().silent().container("matroska").write(dir, "misnamed.mp4"));
        assertEquals(50, decoded.frames().size());
        assertTrue(decoded.warnings().isEmpty(), decoded.warnings().toString());
    }

    @Test
    void aRepeatedFrameTimeIsPlacedOneFrameLater() {
        Path clip = MovingSquareClip.clip().silent().write(dir, "clip.mov");
        assertFramesEvery40MillisWithOneRepair(Remux.withVideoTimes(clip, dir.resolve("repeated.mkv"), "matroska",
                i -> (i == 10 ? 9 : i) * 40_000L));
    }

    @Test
    void aFrameTimeThatGoesBackIsPlacedOneFrameLater() {
        // As FFmpeg's best-effort time falling back to the decoding time after a damaged H.264 packet.
        Path clip = MovingSquareClip.clip().silent().write(dir, "clip.mov");
        assertFramesEvery40MillisWithOneRepair(Remux.withVideoTimes(clip, dir.resolve("backwards.mkv"), "matroska",
                i -> (i == 10 ? 8 : i) * 40_000L));
    }

    private static void assertFramesEvery40MillisWithOneRepair(Path file) {
        Decoded decoded = readAll(file);
        assertEquals(50, decoded.frames().size());
        for (int i = 0; i < 50; i++) {
            assertEquals(i * 40_000L, decoded.frames().get(i).timestampMicros(), 1_000, "frame " + i);
        }
        assertEquals(1, decoded.warnings().size(), decoded.warnings().toString());
        assertTrue(decoded.warnings().get(0).contains("1 frame time was missing or out of order"),
                decoded.warnings().get(0));
    }

    @Test
    void bFramesInMp4StartAtZeroInOrder() {
        Decoded decoded = readAll(MovingSquareClip.clip().container("mp4").audioCodec(AV_CODEC_ID_MP3)
                .videoOption("bf", "2").write(dir, "bframes.mp4"));
        assertEquals(50, decoded.frames().size());
        assertEquals(0, decoded.frames().get(0).timestampMicros());
        assertStrictlyIncreasing(decoded.frames());
    }

    @Test
    void bFramesInAviDecodeEveryFrameInOrder() {
        Decoded decoded = readAll(MovingSquareClip.clip().container("avi").silent().videoCodec(AV_CODEC_ID_MPEG4,
                AV_PIX_FMT_YUV420P).videoOption("bf", "2").write(dir, "bframes.avi"));
        assertEquals(50, decoded.frames().size());
        assertStrictlyIncreasing(decoded.frames());
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.3, 0.5, 0.7, 0.9})
    void aFileCutShortFailsAfterItsFramesNamingTheTimes(double kept) {
        Path cut = MovingSquareClip.truncated(MovingSquareClip.clip().write(dir, "whole.mov"), dir.resolve("cut.mov"),
                kept);
        List<FrameWithAudio> frames = new ArrayList<>();
        TruncatedMediaException error;
        try (MediaReader reader = MediaReader.open(cut, OPTIONS)) {
            error = assertThrows(TruncatedMediaException.class, () -> {
                for (FrameWithAudio frame = reader.read(); frame != null; frame = reader.read()) {
                    frames.add(frame);
                }
            });
        }
        assertEquals(frames.size(), error.framesDecoded());
        assertTrue(frames.size() < 50, frames.size() + " frames");
        assertEquals(frames.get(frames.size() - 1).frame().timestampMicros() + 40_000, error.lastGoodMicros());
        assertEquals(2_000_000, error.declaredEndMicros());
        assertTrue(error.getMessage().contains("cut.mov"), error.getMessage());
    }

    @Test
    void aPngRenamedMp4IsAStillImage() throws IOException {
        Path photo = Files.write(dir.resolve("photo.mp4"), Remux.png(64, 48));
        UnsupportedMediaException error = assertThrows(UnsupportedMediaException.class,
                () -> MediaReader.open(photo, OPTIONS));
        assertTrue(error.getMessage().contains("photo.mp4") && error.getMessage().contains("still image"),
                error.getMessage());
    }

    @Test
    void anMp3WithCoverArtIsAudioNotVideo() {
        Path song = MovingSquareClip.clip().withoutVideo().container("mp3").audioCodec(AV_CODEC_ID_MP3)
                .write(dir, "plain.mp3");
        Path covered = Remux.withCoverArt(song, dir.resolve("song.mp3"), "mp3", 300, 300);
        UnsupportedMediaException error = assertThrows(UnsupportedMediaException.class,
                () -> MediaReader.open(covered, OPTIONS));
        assertTrue(error.getMessage().contains("song.mp3") && error.getMessage().contains("cover art"),
                error.getMessage());
    }

    @Test
    void coverArtBesideAVideoIsNotTakenForIt() {
        Path clip = MovingSquareClip.clip().write(dir, "clip.mov");
        Decoded decoded = readAll(Remux.withCoverArt(clip, dir.resolve("covered.mkv"), "matroska", 320, 240));
        assertEquals(50, decoded.frames().size());
        assertEquals(64, decoded.info().width());
        assertColour(MovingSquareClip.BACKGROUND, pixel(decoded.frames().get(0), 60, 5), 12);
    }

    @Test
    void aNamedPipeIsRefusedWithoutBlocking() throws Exception {
        Path fifo = dir.resolve("stream.mp4");
        assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo is not available");
        UncheckedIOException error = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(UncheckedIOException.class, () -> MediaReader.open(fifo, OPTIONS)));
        assertInstanceOf(FileSystemException.class, error.getCause());
        assertTrue(error.getCause().getMessage().contains("not a regular file"), error.getCause().getMessage());
    }

    @Test
    void aSymbolicLinkLoopIsAFileSystemError() throws IOException {
        Path a = dir.resolve("a.mp4");
        Path b = dir.resolve("b.mp4");
        Files.createSymbolicLink(a, b);
        Files.createSymbolicLink(b, a);
        UncheckedIOException error = assertThrows(UncheckedIOException.class, () -> MediaReader.open(a, OPTIONS));
        assertTrue(error.getMessage().contains("a.mp4"), error.getMessage());
    }

    @Test
    void anUnknownCodecIsNamed() throws IOException {
        Path avi = MovingSquareClip.clip().container("avi").silent().write(dir, "known.avi");
        byte[] bytes = Files.readAllBytes(avi);
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        Path unknown = Files.write(dir.resolve("unknown.avi"), text.replace("FMP4", "ZQX9")
                .getBytes(StandardCharsets.ISO_8859_1));
        assumeTrue(text.contains("FMP4"), "the muxer tagged MPEG-4 otherwise");
        UnsupportedMediaException error = assertThrows(UnsupportedMediaException.class,
                () -> MediaReader.open(unknown, OPTIONS));
        assertTrue(error.getMessage().contains("unsupported codec 'ZQX9'"), error.getMessage());
    }

    @Test
    void framesTooLargeForTheMemoryBoundAreRefusedBeforeDecoding() throws IOException {
        Path huge = Files.write(dir.resolve("huge.y4m"), "YUV4MPEG2 W9000 H9000 F25:1 C420jpeg\nFRAME\n0123"
                .getBytes(StandardCharsets.US_ASCII));
        UnsupportedMediaException error = assertThrows(UnsupportedMediaException.class,
                () -> MediaReader.open(huge, OPTIONS));
        assertTrue(error.getMessage().contains("9000x9000"), error.getMessage());
    }

    /** Every shared real clip decodes with strictly increasing times and about the frames it declares. */
    @TestFactory
    Stream<DynamicTest> everySharedRealClipDecodes() throws IOException {
        Path real = SharedMedia.realDirectory().orElse(null);
        assumeTrue(real != null, "../shared/media/real is not present");
        try (Stream<Path> files = Files.list(real)) {
            return files.filter(f -> !f.getFileName().toString().endsWith(".md")).sorted().toList().stream()
                    .map(clip -> DynamicTest.dynamicTest(clip.getFileName().toString(), () -> {
                        Decoded decoded = readAll(clip);
                        assertStrictlyIncreasing(decoded.frames());
                        long expected = decoded.info().estimatedFrames();
                        assertEquals(expected, decoded.frames().size(), 0.03 * expected + 2);
                    }));
        }
    }
}
