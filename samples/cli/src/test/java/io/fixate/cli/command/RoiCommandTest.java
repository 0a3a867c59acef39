package io.fixate.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fixate.api.InvalidOptionsException;
import io.fixate.codec.MediaInfo;
import io.fixate.codec.roi.CodedPicture;
import org.junit.jupiter.api.Test;

class RoiCommandTest {

    /** A phone clip stored 1920x1080 and shown turned 90° clockwise: the reader reports it upright, 1080x1920. */
    private static final MediaInfo SIDEWAYS = new MediaInfo(1080, 1920, 30, 0, true, 48_000, 2, "h264", "aac", 90,
            false, 1);

    @Test
    void theStoredPictureIsTheFilesSidewaysOneWithItsRotation() {
        assertEquals(new CodedPicture(1920, 1080, 90, false), RoiCommand.codedPicture(SIDEWAYS, "stored"));
    }

    @Test
    void theDisplayedPictureIsUpright() {
        assertEquals(CodedPicture.upright(1080, 1920), RoiCommand.codedPicture(SIDEWAYS, "displayed"));
    }

    @Test
    void anotherPictureIsAUsageError() {
        assertThrows(InvalidOptionsException.class, () -> RoiCommand.codedPicture(SIDEWAYS, "coded"));
    }
}
