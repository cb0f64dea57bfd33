package io.github.charrnn.cli;

import io.github.charrnn.novelty.CopyGuard;
import picocli.CommandLine.Option;

/** {@code --max-copy N --corpus CORPUS}: keeps samples from repeating more than N consecutive corpus characters. */
final class CopyGuardOptions {

    @Option(names = "--max-copy", paramLabel = "N", description = {"Reject a text holding more than N consecutive",
            "characters of --corpus and draw it again (see",
            "--max-copy-action); a copy may start in the prime,",
            "the prime alone never counts."})
    Integer maxCopy;

    @Option(names = "--corpus", paramLabel = "CORPUS", description = {"The text --max-copy compares against, usually the",
            "training text: a UTF-8 file, a folder of them, or a",
            "bundled text's name (e.g. profiles-en)."})
    String corpus;

    @Option(names = "--max-copy-action", paramLabel = "ACTION", description = {"reject (default): draw a copying text again, up to",
            "--max-copy-tries times, and fail if it still copies;",
            "report: keep every text and report its longest copy."})
    String action = "reject";

    @Option(names = "--max-copy-tries", paramLabel = "N", description = "Draws per text at most with --max-copy-action reject (default: ${DEFAULT-VALUE}).")
    int tries = 10;

    /** Whether the guard is on. */
    boolean enabled() {
        if (maxCopy == null && corpus == null) {
            return false;
        }
        if (maxCopy == null || corpus == null) {
            throw new IllegalArgumentException("--max-copy and --corpus go together: --max-copy N --corpus CORPUS.");
        }
        if (!action.equals("reject") && !action.equals("report")) {
            throw new IllegalArgumentException("--max-copy-action must be reject or report, got " + action + ".");
        }
        if (maxCopy < 1) {
            throw new IllegalArgumentException("--max-copy must be at least 1, got " + maxCopy + ".");
        }
        if (tries < 1) {
            throw new IllegalArgumentException("--max-copy-tries must be at least 1, got " + tries + ".");
        }
        return true;
    }

    /** Whether copying texts are kept and reported rather than drawn again. */
    boolean reportOnly() {
        return action.equals("report");
    }

    /** The guard: the corpus's index built once, with one draw per text when only reporting. */
    CopyGuard guard() {
        return new CopyGuard(CopyCorpus.index(corpus), maxCopy, reportOnly() ? 1 : tries);
    }
}
