package io.github.charrnn.cli;

import picocli.CommandLine;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Renders docs/cli-reference.md from the command line's own help, so the reference cannot say what the
 * commands do not do (a test compares the file with this output). Regenerate it after changing a command:
 * {@code java -cp charrnn-cli/target/charrnn.jar io.github.charrnn.cli.CliReference > docs/cli-reference.md}.
 */
public final class CliReference {

    private CliReference() {
    }

    /** Prints the reference to standard output. */
    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        out.print(render());
    }

    /** The Markdown reference: the top-level help, then each subcommand's help. */
    public static String render() {
        CommandLine root = new CommandLine(new CharRnnCommand());
        StringBuilder markdown = new StringBuilder();
        markdown.append("# Command-line reference\n\n")
                .append("Generated from the commands' own `--help` by `io.github.charrnn.cli.CliReference`; a test fails when\n")
                .append("this file and the help disagree. Regenerate it after changing a command:\n\n")
                .append("```\nmvn -q -DskipTests install\n")
                .append("java -cp charrnn-cli/target/charrnn.jar io.github.charrnn.cli.CliReference > docs/cli-reference.md\n```\n\n")
                .append("Every command prints a bad input as one line on stderr (`charrnn: ...`) and exits with 1; a malformed\n")
                .append("command line exits with 2. `--verbose` adds the stack trace.\n\n")
                .append("## charrnn\n\n");
        appendUsage(markdown, root);
        root.getSubcommands().forEach((name, sub) -> {
            if (!name.equals("help")) {
                markdown.append("\n## charrnn ").append(name).append("\n\n");
                appendUsage(markdown, sub);
            }
        });
        return markdown.toString();
    }

    private static void appendUsage(StringBuilder markdown, CommandLine command) {
        String usage = command.getUsageMessage(CommandLine.Help.Ansi.OFF).stripTrailing();
        markdown.append("```\n").append(usage).append("\n```\n");
    }
}
