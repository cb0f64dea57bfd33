package io.github.charrnn.cli;

import io.github.charrnn.runtime.BlasKernel;
import org.nd4j.linalg.factory.Nd4j;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;

/** The {@code charrnn} command: its subcommands train, sample, evaluate, score, describe, plot, serve and benchmark models and summarise texts. */
@Command(name = "charrnn", mixinStandardHelpOptions = true, version = "charrnn 0.1.0",
        description = "Character-level recurrent networks (stacked LSTMs) on Deeplearning4j: train on any text, generate new text.",
        footer = {"", "First steps:",
                "  charrnn sample --prime \"The \"   text from the bundled pretrained model",
                "  charrnn train                    a small model on a bundled text, in a minute",
                "  charrnn COMMAND --help           every flag of a command, with its default",
                "Guides: docs/getting-started.md; every command: docs/cli-reference.md"},
        subcommands = {TrainCommand.class, SampleCommand.class, EvalCommand.class, ScoreCommand.class, InfoCommand.class, StatsCommand.class, PlotCommand.class,
                ServeCommand.class, BenchCommand.class,
                CommandLine.HelpCommand.class})
public final class CharRnnCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        quietLibraryLogging(args);
        chooseBlasKernel();
        startLoadingNativeCode(args);
        System.exit(execute(args));
    }

    /**
     * Chooses OpenBLAS's kernel from the CPU's flags before anything loads ND4J (see BlasKernel); a setting that
     * names a kernel this CPU cannot run is reported in one line, exit code 2.
     */
    private static void chooseBlasKernel() {
        try {
            BlasKernel.choose();
        } catch (IllegalArgumentException e) {
            System.err.println("charrnn: " + e.getMessage());
            System.exit(2);
        }
    }

    /**
     * Loads ND4J's native code (over half a second) on a second thread while this one parses the command line and
     * reads the model's metadata; the first ND4J call then finds it loaded or waits for it. Not for help and
     * version requests, nor for {@code stats} and {@code plot}, which need no ND4J. A failure here is left for the command itself to meet and report.
     */
    private static void startLoadingNativeCode(String[] args) {
        List<String> words = Arrays.asList(args);
        if (args.length == 0 || words.contains("--help") || words.contains("-h") || words.contains("--version")
                || words.contains("-V") || "help".equals(args[0]) || "stats".equals(args[0]) || "plot".equals(args[0])) {
            return;
        }
        Thread loader = new Thread(() -> {
            try {
                Nd4j.getBackend();
            } catch (RuntimeException | LinkageError ignored) {
                // reported when the command needs ND4J
            }
        }, "charrnn-nd4j-loader");
        loader.setDaemon(true);
        loader.start();
    }

    /** Quiets ND4J/DL4J start-up logging unless --verbose; the library itself never configures logging. */
    private static void quietLibraryLogging(String[] args) {
        if (!Arrays.asList(args).contains("--verbose")) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
            // Hadoop (under --spark) warns that it uses its Java code instead of native libraries: nothing to act on
            System.setProperty("org.slf4j.simpleLogger.log.org.apache.hadoop.util.NativeCodeLoader", "error");
            System.setProperty("log4j.configuration", "io/github/charrnn/cli/spark-log4j.properties");   // Spark's log4j
        }
    }

    /** Runs the command line; returns the exit code (0 ok, 1 bad input or failure, 2 bad usage). */
    public static int execute(String... args) {
        boolean verbose = Arrays.asList(args).contains("--verbose");
        quietLibraryLogging(args);
        System.setProperty("java.awt.headless", "true");   // charts and images are drawn off-screen
        CommandLine commandLine = new CommandLine(new CharRnnCommand());
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            PrintWriter err = cmd.getErr();
            err.println("charrnn: " + ErrorMessages.describe(cmd.getCommandName(), e));
            if (verbose) {
                e.printStackTrace(err);
            }
            err.flush();
            return 1;
        });
        commandLine.setParameterExceptionHandler(CharRnnCommand::oneLineUsageError);
        try {
            return commandLine.execute(args);
        } catch (OutOfMemoryError e) {
            // picocli hands Errors on instead of to the handler above
            PrintWriter err = commandLine.getErr();
            err.println("charrnn: " + OutOfMemory.describe(subcommand(commandLine, args), e));
            if (verbose) {
                e.printStackTrace(err);
            }
            err.flush();
            return 1;
        }
    }

    /** The subcommand named on the command line, or null. */
    private static String subcommand(CommandLine commandLine, String[] args) {
        for (String arg : args) {
            if (commandLine.getSubcommands().containsKey(arg)) {
                return arg;
            }
        }
        return null;
    }

    /** A malformed command line: one line saying what was wrong and where the allowed usage is, exit code 2. */
    private static int oneLineUsageError(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        String message = e.getMessage();
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getSuggestions().isEmpty()) {
            message += "; did you mean " + String.join(" or ", unmatched.getSuggestions()) + "?";
        }
        cmd.getErr().println("charrnn: " + message + " (usage: " + cmd.getCommandSpec().qualifiedName() + " --help)");
        cmd.getErr().flush();
        return cmd.getCommandSpec().exitCodeOnInvalidInput();
    }
}
