package io.github.charrnn.cli;

import picocli.CommandLine.Option;

/** The output flags every subcommand shares. */
final class OutputOptions {

    @Option(names = "--json", description = "Print the result as one JSON object on the last line.")
    boolean json;

    @Option(names = "--verbose", description = "Show library logging and stack traces.")
    boolean verbose;
}
