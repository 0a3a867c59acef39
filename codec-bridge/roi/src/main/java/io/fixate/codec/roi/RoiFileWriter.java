package io.fixate.codec.roi;

import io.fixate.api.files.AtomicFile;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The file handling every format shares: staged files committed together on close, dropped on any failure. */
abstract class RoiFileWriter implements RoiWriter {

    final QpMapper mapper;
    private final List<AtomicFile> files = new ArrayList<>();
    private final List<OutputStream> streams = new ArrayList<>();
    private boolean done;

    RoiFileWriter(QpMapper mapper) {
        this.mapper = mapper;
    }

    /** A staged file for {@code target}, committed when the writer closes. */
    final OutputStream stage(Path target) throws IOException {
        try {
            AtomicFile file = AtomicFile.open(target);
            files.add(file);
            OutputStream stream = new BufferedOutputStream(Files.newOutputStream(file.temporary()));
            streams.add(stream);
            return stream;
        } catch (IOException e) {
            throw failed(e);
        }
    }

    /** Writes one frame's content. */
    abstract void writeFrame(QpOffsets frame) throws IOException;

    /** Writes what completes the files, e.g. closing brackets. */
    abstract void writeEnd() throws IOException;

    @Override
    public final void write(QpOffsets frame) throws IOException {
        if (done) {
            throw new IllegalStateException("the " + mapper.format().id() + " writer is already closed");
        }
        if (frame.blockSize() != mapper.blockSize() || frame.columns() != mapper.columns()
                || frame.rows() != mapper.rows()) {
            throw new IllegalArgumentException("a frame of " + frame.columns() + "x" + frame.rows() + " blocks of "
                    + frame.blockSize() + " px does not belong to this writer's " + mapper.columns() + "x"
                    + mapper.rows() + " grid of " + mapper.blockSize() + " px");
        }
        try {
            writeFrame(frame);
        } catch (IOException e) {
            throw failed(e);
        }
    }

    @Override
    public final void close() throws IOException {
        if (done) {
            return;
        }
        try {
            writeEnd();
            for (OutputStream stream : streams) {
                stream.close();
            }
        } catch (IOException e) {
            throw failed(e);
        }
        done = true;
        for (AtomicFile file : files) {
            file.commit();
        }
    }

    @Override
    public final void abort() throws IOException {
        if (done) {
            return;
        }
        done = true;
        IOException first = null;
        for (OutputStream stream : streams) {
            try {
                stream.close();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        for (AtomicFile file : files) {
            file.abort();
        }
        if (first != null) {
            throw first;
        }
    }

    private IOException failed(IOException cause) {
        IOException failure = new IOException("cannot write the " + mapper.format().id() + " ROI map: "
                + cause.getMessage(), cause);
        try {
            abort();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
        return failure;
    }

    /** The JSON members every JSON this module writes starts with, ending in a comma. */
    final String headerMembers(String units) {
        CodedPicture picture = mapper.picture();
        return "{\"format\":\"" + mapper.format().id() + "\",\"picture\":{\"width\":" + picture.width()
                + ",\"height\":" + picture.height() + ",\"rotation\":" + picture.rotation() + ",\"mirrored\":"
                + picture.mirrored() + "},\"blockSize\":" + mapper.blockSize() + ",\"columns\":" + mapper.columns()
                + ",\"rows\":" + mapper.rows() + ",\"units\":\"" + units + "\",";
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
