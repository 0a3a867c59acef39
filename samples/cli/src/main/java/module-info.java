/** The {@code fixate} command line: lists providers and predicts fixations for video files. */
module io.fixate.cli {
    requires io.fixate.spi;
    requires io.fixate.codec;
    requires io.fixate.eval;
    requires info.picocli;

    exports io.fixate.cli;
    opens io.fixate.cli to info.picocli;
}
