package io.fixate.codec.roi;

import static io.fixate.codec.roi.QpMapperTest.spot;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.fixate.api.FixationMap;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each exporter's bytes read back by the format's own rules and compared with the offsets that were written. */
class RoiWriterTest {

    private static final CodedPicture PICTURE = CodedPicture.upright(640, 360);
    private static final RoiSettings SETTINGS = RoiSettings.defaults().withSmoothingMillis(0).withStrength(10);

    @TempDir
    Path folder;

    /** Four frames: a spot that moves twice, then stays. */
    private static List<FixationMap> maps() {
        return List.of(spot(2, 2, 8, 8, 0), spot(12, 4, 20, 12, 40_000), spot(24, 8, 30, 16, 80_000),
                spot(24, 8, 30, 16, 120_000));
    }

    /** Maps and writes the four frames; returns the offsets written. */
    private List<QpOffsets> export(RoiFormat format, RoiSettings settings, Path target) throws IOException {
        QpMapper mapper = new QpMapper(format, PICTURE, settings);
        List<QpOffsets> frames = new ArrayList<>();
        try (RoiWriter writer = RoiWriter.open(mapper, target)) {
            for (FixationMap map : maps()) {
                QpOffsets offsets = mapper.next(map);
                writer.write(offsets);
                frames.add(offsets);
            }
        }
        return frames;
    }

    @Test
    void svtAv1WritesOneQindexEventPerChangeOver64PixelBlocks() throws IOException {
        Path target = folder.resolve("roi.txt");
        List<QpOffsets> frames = export(RoiFormat.SVT_AV1, SETTINGS, target);
        List<String> lines = Files.readAllLines(target, StandardCharsets.US_ASCII);
        assertEquals(3, lines.size(), "the fourth frame repeats the third: no new event");
        for (int event = 0; event < 3; event++) {
            String[] fields = lines.get(event).split(" ");
            assertEquals(String.valueOf(event), fields[0], "picture number");
            assertEquals(1 + 10 * 6, fields.length, "ceil(640/64) x ceil(360/64) offsets");
            QpOffsets offsets = frames.get(event);
            for (int block = 0; block < 60; block++) {
                int qindex = Integer.parseInt(fields[1 + block]);
                assertTrue(qindex >= -255 && qindex <= 255);
                assertEquals(Math.round(4 * offsets.value(block % 10, block / 10)), qindex, "block " + block);
            }
        }
        assertTrue(lines.get(0).split(" ")[1 + 2 * 10 + 1].startsWith("-"), "the attended block gets bits");
    }

    @Test
    void x264WritesLittleEndianFloatsPerMacroblockWithAnIndex() throws IOException {
        Path target = folder.resolve("offsets.f32");
        List<QpOffsets> frames = export(RoiFormat.X264, SETTINGS, target);
        ByteBuffer raw = ByteBuffer.wrap(Files.readAllBytes(target)).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(4 * 40 * 23 * 4, raw.capacity(), "frames x 40x23 macroblocks x 4 bytes");
        JsonObject index = json(folder.resolve("offsets.f32.json"));
        assertEquals("x264", index.get("format").getAsString());
        assertEquals("float32le", index.get("valueType").getAsString());
        assertEquals(40, index.get("columns").getAsInt());
        assertEquals(23, index.get("rows").getAsInt());
        assertEquals("offsets.f32", index.get("data").getAsString());
        JsonArray entries = index.getAsJsonArray("frames");
        assertEquals(4, entries.size());
        for (int frame = 0; frame < 4; frame++) {
            JsonObject entry = entries.get(frame).getAsJsonObject();
            assertEquals(frame, entry.get("frame").getAsInt());
            assertEquals(frame * 40_000L, entry.get("timestampMicros").getAsLong());
            raw.position(entry.get("byteOffset").getAsInt());
            float[] read = new float[40 * 23];
            raw.asFloatBuffer().get(read);
            assertArrayEquals(frames.get(frame).toArray(), read, 0f, "frame " + frame);
        }
    }

    @Test
    void x265TakesEightPixelQuantisationGroups() throws IOException {
        Path target = folder.resolve("x265.f32");
        export(RoiFormat.X265, SETTINGS.withBlockSize(8), target);
        assertEquals(4 * 80 * 45 * 4, Files.size(target));
        assertEquals(8, json(folder.resolve("x265.f32.json")).get("blockSize").getAsInt());
    }

    @Test
    void nvencWritesRoundedInt8DeltaQpPerBlock() throws IOException {
        Path target = folder.resolve("nvenc.bin");
        List<QpOffsets> frames = export(RoiFormat.NVENC, SETTINGS.withBlockSize(32), target);
        byte[] raw = Files.readAllBytes(target);
        assertEquals(4 * 20 * 12, raw.length, "one byte per 32x32 HEVC CTB");
        assertEquals("int8", json(folder.resolve("nvenc.bin.json")).get("valueType").getAsString());
        for (int i = 0; i < 20 * 12; i++) {
            assertEquals(Math.round(frames.get(1).value(i % 20, i / 20)), raw[20 * 12 + i], "block " + i);
        }
    }

    @Test
    void kvazaarTextAndBinaryHoldTheSameRoiFrames() throws IOException {
        RoiSettings settings = SETTINGS.withStrength(30); // beyond Kvazaar's -26..25 before clamping
        Path text = folder.resolve("roi.txt");
        Path binary = folder.resolve("roi.bin");
        List<QpOffsets> frames = export(RoiFormat.KVAZAAR, settings, text);
        export(RoiFormat.KVAZAAR_BINARY, settings, binary);
        String[] tokens = Files.readString(text).trim().split("\\s+");
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(binary)).order(ByteOrder.LITTLE_ENDIAN);
        int token = 0;
        for (QpOffsets frame : frames) {
            assertEquals(10, Integer.parseInt(tokens[token++]));
            assertEquals(6, Integer.parseInt(tokens[token++]));
            assertEquals(10, bytes.getInt());
            assertEquals(6, bytes.getInt());
            for (int block = 0; block < 60; block++) {
                int expected = Math.max(-26, Math.min(25, Math.round(frame.value(block % 10, block / 10))));
                assertEquals(expected, Integer.parseInt(tokens[token++]));
                assertEquals(expected, bytes.get());
            }
        }
        assertEquals(tokens.length, token);
        assertFalse(bytes.hasRemaining());
    }

    /** Painting the rectangles back onto the block grid gives the offsets, and the most important come first. */
    @Test
    void ffmpegRegionsRebuildTheOffsetsMostImportantFirst() throws IOException {
        Path target = folder.resolve("roi.json");
        List<QpOffsets> frames = export(RoiFormat.FFMPEG_ROI, SETTINGS, target);
        JsonObject document = json(target);
        int range = document.get("qpRange").getAsInt();
        JsonArray entries = document.getAsJsonArray("frames");
        for (int frame = 0; frame < 4; frame++) {
            QpOffsets offsets = frames.get(frame);
            float[] painted = new float[offsets.columns() * offsets.rows()];
            double previous = -1;
            for (JsonElement element : entries.get(frame).getAsJsonObject().getAsJsonArray("regions")) {
                JsonObject region = element.getAsJsonObject();
                JsonObject qoffset = region.getAsJsonObject("qoffset");
                double value = qoffset.get("num").getAsDouble() / qoffset.get("den").getAsDouble();
                assertTrue(value >= -1 && value <= 1 && value != 0);
                assertTrue(value >= previous, "regions are ordered from the most negative qoffset");
                previous = value;
                int right = region.get("right").getAsInt();
                int bottom = region.get("bottom").getAsInt();
                assertTrue(right <= 640 && bottom <= 360, "inside the picture");
                for (int y = region.get("top").getAsInt(); y < bottom; y += 16) {
                    for (int x = region.get("left").getAsInt(); x < right; x += 16) {
                        assertEquals(0, painted[y / 16 * offsets.columns() + x / 16], "regions do not overlap");
                        painted[y / 16 * offsets.columns() + x / 16] = (float) (value * range);
                    }
                }
            }
            assertArrayEquals(offsets.toArray(), painted, 0.01f, "frame " + frame);
            assertTrue(entries.get(frame).getAsJsonObject().getAsJsonArray("regions").size() < 60,
                    "8 levels merge into few rectangles");
        }
    }

    @Test
    void gstreamerMetasCarryAnIntegerVaapiDeltaQp() throws IOException {
        Path target = folder.resolve("gst.json");
        List<QpOffsets> frames = export(RoiFormat.GSTREAMER_ROI, SETTINGS, target);
        JsonArray metas = json(target).getAsJsonArray("frames").get(0).getAsJsonObject().getAsJsonArray("regions");
        assertEquals(frames.get(0).regions().size(), metas.size());
        JsonObject first = metas.get(0).getAsJsonObject();
        RoiRegion region = frames.get(0).regions().get(0);
        assertEquals(region.left(), first.get("x").getAsInt());
        assertEquals(region.height(), first.get("h").getAsInt());
        JsonObject params = first.getAsJsonArray("params").get(0).getAsJsonObject();
        assertEquals("roi/vaapi", params.get("name").getAsString());
        assertEquals(Math.round(region.qp()), params.get("delta-qp").getAsInt());
        assertTrue(params.get("delta-qp").getAsInt() < 0);
    }

    @Test
    void jsonHoldsEveryFramesGrid() throws IOException {
        Path target = folder.resolve("offsets.json");
        List<QpOffsets> frames = export(RoiFormat.JSON, SETTINGS, target);
        JsonObject document = json(target);
        assertEquals(640, document.getAsJsonObject("picture").get("width").getAsInt());
        JsonArray offsets = document.getAsJsonArray("frames").get(2).getAsJsonObject().getAsJsonArray("offsets");
        float[] read = new float[offsets.size()];
        for (int i = 0; i < read.length; i++) {
            read[i] = offsets.get(i).getAsFloat();
        }
        assertArrayEquals(frames.get(2).toArray(), read, 1e-4f);
    }

    @Test
    void anAbortedExportLeavesTheOldFileAndNoTemporary() throws IOException {
        Path target = folder.resolve("offsets.f32");
        Files.writeString(target, "previous");
        QpMapper mapper = new QpMapper(RoiFormat.X264, PICTURE, SETTINGS);
        RoiWriter writer = RoiWriter.open(mapper, target);
        writer.write(mapper.next(maps().get(0)));
        writer.abort();
        assertEquals("previous", Files.readString(target));
        try (var listing = Files.list(folder)) {
            assertEquals(List.of(target), listing.toList(), "no index, no temporary file");
        }
    }

    @Test
    void aFrameOfAnotherGridIsRefused() throws IOException {
        QpMapper mapper = new QpMapper(RoiFormat.JSON, PICTURE, SETTINGS);
        QpMapper other = new QpMapper(RoiFormat.JSON, PICTURE, SETTINGS.withBlockSize(32));
        try (RoiWriter writer = RoiWriter.open(mapper, folder.resolve("a.json"))) {
            IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class,
                    () -> writer.write(other.next(maps().get(0))));
            assertTrue(wrong.getMessage().contains("does not belong"), wrong.getMessage());
        }
    }

    private static JsonObject json(Path file) throws IOException {
        return JsonParser.parseString(Files.readString(file)).getAsJsonObject();
    }
}
