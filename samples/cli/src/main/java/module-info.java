/**
 * The {@code fixate} command line: providers, prediction, evaluation, the synthetic benchmark, training and running
 * pseudo-labelers, and benchmarks.
 */
module io.fixate.cli {
    requires io.fixate.spi;
    requires io.fixate.codec;
    requires io.fixate.codec.roi;
    requires io.fixate.eval;
    requires io.fixate.eval.synth;
    requires io.fixate.importer;
    requires info.picocli;
    requires java.management;

    exports io.fixate.cli;
    // picocli builds the commands and their option mixins by reflection and sets their annotated fields.
    opens io.fixate.cli to info.picocli;
    opens io.fixate.cli.command to info.picocli;
    opens io.fixate.cli.option to info.picocli;
}
