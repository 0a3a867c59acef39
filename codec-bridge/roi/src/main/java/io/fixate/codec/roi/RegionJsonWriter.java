package io.fixate.codec.roi;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * Per-frame rectangles as JSON, most bits first (see {@link QpOffsets#regions()}):
 * <ul>
 *   <li>{@code ffmpeg-roi}: FFmpeg {@code AVRegionOfInterest} fields, {@code top}, {@code bottom}, {@code left},
 *       {@code right} and {@code qoffset} as a rational of the encoder's QP range ({@value #QP_RANGE} for 8-bit
 *       H.264/HEVC), to be attached as {@code AV_FRAME_DATA_REGIONS_OF_INTEREST} side data;</li>
 *   <li>{@code gstreamer-roi}: {@code GstVideoRegionOfInterestMeta} fields with a {@code roi/vaapi} parameter
 *       structure holding an integer {@code delta-qp}, as GStreamer's VA-API encoders read it.</li>
 * </ul>
 */
final class RegionJsonWriter extends RoiFileWriter {

    static final int QP_RANGE = 51;
    /** qoffset denominators: hundredths of a QP step over the range. */
    private static final int QOFFSET_DENOMINATOR = QP_RANGE * 100;

    private final OutputStream out;
    private final boolean gstreamer;
    private boolean first = true;

    RegionJsonWriter(QpMapper mapper, Path target) throws IOException {
        super(mapper);
        this.gstreamer = mapper.format() == RoiFormat.GSTREAMER_ROI;
        this.out = stage(target);
        out.write(ascii(headerMembers(gstreamer ? "delta-qp" : "qoffset") + (gstreamer ? "" : "\"qpRange\":"
                + QP_RANGE + ",") + "\"frames\":["));
    }

    @Override
    void writeFrame(QpOffsets frame) throws IOException {
        StringBuilder json = new StringBuilder(first ? "\n" : ",\n").append("{\"frame\":").append(frame.frameIndex())
                .append(",\"timestampMicros\":").append(frame.timestampMicros()).append(",\"regions\":[");
        first = false;
        int id = 0;
        for (RoiRegion region : frame.regions()) {
            json.append(id == 0 ? "" : ",");
            if (gstreamer) {
                json.append("{\"roi_type\":\"saliency\",\"id\":").append(id).append(",\"parent_id\":-1,\"x\":")
                        .append(region.left()).append(",\"y\":").append(region.top()).append(",\"w\":")
                        .append(region.width()).append(",\"h\":").append(region.height())
                        .append(",\"params\":[{\"name\":\"roi/vaapi\",\"delta-qp\":")
                        .append(mapper.format().integerValue(region.qp())).append("}]}");
            } else {
                long numerator = Math.round(region.qoffset(QP_RANGE) * QOFFSET_DENOMINATOR);
                json.append("{\"top\":").append(region.top()).append(",\"bottom\":").append(region.bottom())
                        .append(",\"left\":").append(region.left()).append(",\"right\":").append(region.right())
                        .append(",\"qoffset\":{\"num\":").append(numerator).append(",\"den\":")
                        .append(QOFFSET_DENOMINATOR).append("}}");
            }
            id++;
        }
        out.write(ascii(json.append("]}").toString()));
    }

    @Override
    void writeEnd() throws IOException {
        out.write(ascii("\n]}\n"));
    }
}
