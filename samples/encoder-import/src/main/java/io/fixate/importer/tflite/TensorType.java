package io.fixate.importer.tflite;

/** The element types of TensorFlow Lite tensors that the importer reads, with their schema codes. */
public enum TensorType {
    FLOAT32(0, 4),
    FLOAT16(1, 2),
    INT32(2, 4),
    UINT8(3, 1),
    INT64(4, 8),
    INT8(9, 1),
    /** Any type the importer does not read (strings, booleans, complex numbers, ...). */
    OTHER(-1, 0);

    private final int code;
    private final int bytes;

    TensorType(int code, int bytes) {
        this.code = code;
        this.bytes = bytes;
    }

    /** Bytes per element; 0 for {@link #OTHER}. */
    public int bytes() {
        return bytes;
    }

    static TensorType of(int code) {
        for (TensorType type : values()) {
            if (type.code == code) {
                return type;
            }
        }
        return OTHER;
    }
}
