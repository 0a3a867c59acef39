package io.fixate.importer.tflite;

import io.fixate.importer.CorruptModelFileException;
import io.fixate.importer.EncoderImportException;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The first subgraph of a TensorFlow Lite model file: its tensors, its operators in execution order with their
 * builtin codes, and the constant data of its weights, dequantised to floats. Read from the FlatBuffer's field layout
 * as the public {@code schema.fbs} defines it (Model, SubGraph, Tensor, QuantizationParameters, Operator,
 * OperatorCode, Buffer); only what an importer of weights needs is read.
 */
public final class TfliteModel {

    /** Builtin operator codes of the schema that the importer looks for. */
    public static final int CONV_2D = 3;
    public static final int DEPTHWISE_CONV_2D = 4;
    public static final int DEQUANTIZE = 6;
    public static final int FULLY_CONNECTED = 9;

    private static final String IDENTIFIER = "TFL3";
    private static final int IDENTIFIER_OFFSET = 4;

    private final String name;
    private final List<TfliteTensor> tensors;
    private final List<TfliteOperator> operators;
    private final List<ByteBuffer> buffers;

    private TfliteModel(String name, List<TfliteTensor> tensors, List<TfliteOperator> operators,
                        List<ByteBuffer> buffers) {
        this.name = name;
        this.tensors = tensors;
        this.operators = operators;
        this.buffers = buffers;
    }

    /**
     * Reads a model held in {@code file}.
     *
     * @param name names the file in messages
     * @throws CorruptModelFileException when it is not a TensorFlow Lite FlatBuffer or is truncated or damaged
     */
    public static TfliteModel read(ByteBuffer file, String name) {
        if (!IDENTIFIER.equals(FlatTable.identifier(file, IDENTIFIER_OFFSET))) {
            throw new CorruptModelFileException(name + " is not a TensorFlow Lite model (no '" + IDENTIFIER
                    + "' identifier at byte " + IDENTIFIER_OFFSET + ")");
        }
        FlatTable model = FlatTable.root(file, name);
        List<Integer> codes = new ArrayList<>();
        for (FlatTable code : model.tables(1)) {
            // newer converters write the code in builtin_code and clamp the deprecated byte field to 127
            codes.add(Math.max(code.byteField(0, 0), code.intField(3, 0)));
        }
        List<FlatTable> subgraphs = model.tables(2);
        if (subgraphs.isEmpty()) {
            throw new CorruptModelFileException(name + " has no subgraph");
        }
        FlatTable graph = subgraphs.get(0);
        List<TfliteTensor> tensors = new ArrayList<>();
        for (FlatTable tensor : graph.tables(0)) {
            tensors.add(tensor(tensor));
        }
        List<TfliteOperator> operators = new ArrayList<>();
        for (FlatTable operator : graph.tables(3)) {
            int opcode = operator.intField(0, 0);
            if (opcode < 0 || opcode >= codes.size()) {
                throw new CorruptModelFileException(name + " has an operator with opcode index " + opcode + " of "
                        + codes.size());
            }
            operators.add(new TfliteOperator(codes.get(opcode), operator.ints(1), operator.ints(2)));
        }
        List<ByteBuffer> buffers = new ArrayList<>();
        for (FlatTable buffer : model.tables(4)) {
            if (buffer.intField(1, 0) != 0) {
                throw new EncoderImportException(name + " keeps its weights outside the FlatBuffer (a model over"
                        + " 2 GB), which the importer does not read");
            }
            buffers.add(buffer.bytes(0));
        }
        TfliteModel read = new TfliteModel(name, List.copyOf(tensors), List.copyOf(operators), List.copyOf(buffers));
        read.checkReferences();
        return read;
    }

    private static TfliteTensor tensor(FlatTable tensor) {
        FlatTable quantisation = tensor.table(4);
        TfliteQuantisation parameters = quantisation == null ? TfliteQuantisation.NONE
                : new TfliteQuantisation(quantisation.floats(2), quantisation.longs(3), quantisation.intField(6, 0));
        return new TfliteTensor(tensor.string(3), tensor.ints(0), TensorType.of(tensor.byteField(1, 0)),
                tensor.intField(2, 0), parameters);
    }

    /** Refuses operators that name tensors, and tensors that name buffers, the file does not have. */
    private void checkReferences() {
        for (TfliteTensor tensor : tensors) {
            if (tensor.buffer() < 0 || tensor.buffer() >= buffers.size()) {
                throw new CorruptModelFileException(name + ": tensor " + tensor.name() + " refers to buffer "
                        + tensor.buffer() + " of " + buffers.size());
            }
        }
        for (TfliteOperator operator : operators) {
            for (int[] indices : new int[][] {operator.inputs(), operator.outputs()}) {
                for (int index : indices) {
                    if (index < -1 || index >= tensors.size()) {
                        throw new CorruptModelFileException(name + ": an operator refers to tensor " + index + " of "
                                + tensors.size());
                    }
                }
            }
        }
    }

    /** The file's name, as given to {@link #read}. */
    public String name() {
        return name;
    }

    public List<TfliteTensor> tensors() {
        return tensors;
    }

    public List<TfliteOperator> operators() {
        return operators;
    }

    /**
     * The real values of constant tensor {@code index} in its own layout: float32 as stored, float16 widened, integers
     * dequantised with their per-tensor or per-channel scale and zero point. A tensor computed by a {@code DEQUANTIZE}
     * operator (how float16 models store their weights) yields the values of that operator's constant input.
     *
     * @throws CorruptModelFileException when the tensor has no data of its declared size or lacks the scales its
     *                                   integer type needs
     */
    public float[] values(int index) {
        TfliteTensor tensor = tensors.get(index);
        ByteBuffer data = buffers.get(tensor.buffer());
        if (!data.hasRemaining()) {
            for (TfliteOperator operator : operators) {
                if (operator.builtinCode() == DEQUANTIZE && operator.outputs().length > 0
                        && operator.outputs()[0] == index && operator.inputs().length > 0
                        && operator.inputs()[0] >= 0) {
                    // one step only: a dequantised tensor's source must hold data itself, so no loop can form
                    tensor = tensors.get(operator.inputs()[0]);
                    data = buffers.get(tensor.buffer());
                    break;
                }
            }
        }
        if (!data.hasRemaining()) {
            throw new CorruptModelFileException(name + ": tensor " + tensor.name() + " has no constant data");
        }
        if (tensor.type() == TensorType.OTHER || data.remaining() != tensor.elements() * tensor.type().bytes()) {
            throw new CorruptModelFileException(name + ": tensor " + tensor.name() + " of type " + tensor.type()
                    + " and shape " + Arrays.toString(tensor.shape()) + " holds " + data.remaining()
                    + " bytes");
        }
        return switch (tensor.type()) {
            case FLOAT32 -> floats(data);
            case FLOAT16 -> halfFloats(data);
            default -> dequantised(tensor, data);
        };
    }

    private static float[] floats(ByteBuffer data) {
        float[] values = new float[data.remaining() / Float.BYTES];
        data.duplicate().order(data.order()).asFloatBuffer().get(values);
        return values;
    }

    private static float[] halfFloats(ByteBuffer data) {
        float[] values = new float[data.remaining() / Short.BYTES];
        for (int i = 0; i < values.length; i++) {
            values[i] = HalfFloat.toFloat(data.getShort(data.position() + i * Short.BYTES));
        }
        return values;
    }

    private float[] dequantised(TfliteTensor tensor, ByteBuffer data) {
        TfliteQuantisation quantisation = tensor.quantisation();
        int[] shape = tensor.shape();
        int channels = quantisation.scale().length;
        int axis = quantisation.axis();
        boolean perChannel = channels > 1;
        if (!quantisation.isPresent() || perChannel && (axis < 0 || axis >= shape.length || shape[axis] != channels)
                || quantisation.zeroPoint().length > channels) {
            throw new CorruptModelFileException(name + ": tensor " + tensor.name() + " of type " + tensor.type()
                    + " has no usable quantisation (" + channels + " scales along axis " + axis + ")");
        }
        long inner = 1;
        for (int d = axis + 1; d < shape.length; d++) {
            inner *= shape[d];
        }
        float[] values = new float[(int) tensor.elements()];
        for (int i = 0; i < values.length; i++) {
            int channel = perChannel ? (int) (i / inner % channels) : 0;
            long zero = quantisation.zeroPoint().length == 0 ? 0
                    : quantisation.zeroPoint()[Math.min(channel, quantisation.zeroPoint().length - 1)];
            values[i] = quantisation.scale()[channel] * (integer(tensor.type(), data, i) - zero);
        }
        return values;
    }

    private long integer(TensorType type, ByteBuffer data, int i) {
        int at = data.position() + i * type.bytes();
        return switch (type) {
            case INT8 -> data.get(at);
            case UINT8 -> Byte.toUnsignedInt(data.get(at));
            case INT32 -> data.getInt(at);
            case INT64 -> data.getLong(at);
            default -> throw new CorruptModelFileException(name + ": cannot dequantise a " + type + " tensor");
        };
    }
}
