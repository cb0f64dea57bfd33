package io.github.charrnn.cli;

import io.github.charrnn.CharRnn;
import io.github.charrnn.generation.SamplingOptions;
import io.github.charrnn.novelty.CopyGuard;

import java.io.PrintStream;
import java.util.List;

/** {@code sample --max-copy}: the texts drawn under a {@link CopyGuard}, printed with what the guard did. */
final class GuardedSamples {

    private GuardedSamples() {
    }

    /**
     * Generates and prints {@code count} texts (stdout: as {@code sample} prints them; stderr: one line per text
     * drawn again or, when reporting, per text over the limit).
     *
     * @param stopAt --stop-at as given (\n and \t not yet replaced), or null
     * @throws IllegalArgumentException if a text still copies too much after the last draw (reject mode), or for
     *                                  --stream (a text is checked before it is printed)
     */
    static void print(CharRnn rnn, String prime, int count, SamplingOptions options, boolean stream, String stopAt,
                      CopyGuardOptions guardOptions, boolean json, PrintStream out) {
        if (stream) {
            throw new IllegalArgumentException("--max-copy checks a text before it is printed; it cannot be combined with --stream.");
        }
        OutOfMemory.requireTextsFit(count, options.length(), "--length or --count");
        CopyGuard guard = guardOptions.guard();
        String stop = stopAt == null ? null : stopAt.replace("\\n", "\n").replace("\\t", "\t");
        List<CopyGuard.Sample> samples = guard.generate(rnn, prime, count, options, text -> Samples.cut(text, stop));
        for (int i = 0; i < samples.size(); i++) {
            CopyGuard.Sample s = samples.get(i);
            String which = count == 1 ? "the text" : "text " + (i + 1);
            if (!s.accepted() && !guardOptions.reportOnly()) {
                throw new IllegalArgumentException(String.format("After %d draws %s still copies %d consecutive characters of"
                                + " the corpus (%s); raise --max-copy or --max-copy-tries, or sample more freely (a higher"
                                + " --temperature or --top-k).", s.tries(), which, s.longestCopy().length(),
                        SampleCommand.show(s.longestCopy().text())));
            }
            if (s.tries() > 1) {
                System.err.printf("charrnn: %s drawn %d times (kept: seed %d) to copy at most %d corpus characters;"
                        + " it copies %d.%n", which, s.tries(), s.seed(), guard.maxCopy(), s.longestCopy().length());
            } else if (!s.accepted()) {
                System.err.printf("charrnn: %s copies %d consecutive characters of the corpus, more than --max-copy %d: %s%n",
                        which, s.longestCopy().length(), guard.maxCopy(), SampleCommand.show(s.longestCopy().text()));
            }
        }
        List<String> texts = samples.stream().map(s -> prime + s.generated()).toList();
        if (json) {
            List<Integer> copies = samples.stream().map(s -> s.longestCopy().length()).toList();
            List<Integer> tries = samples.stream().map(CopyGuard.Sample::tries).toList();
            out.println(count == 1
                    ? Json.object("text", texts.get(0), "longest_copy", copies.get(0), "copy_tries", tries.get(0))
                    : Json.object("texts", texts, "longest_copy", copies, "copy_tries", tries));
            return;
        }
        for (int i = 0; i < texts.size(); i++) {
            if (count > 1) {
                out.println("--- text " + (i + 1) + " (seed " + samples.get(i).seed() + ")");
            }
            out.println(texts.get(i));
        }
    }
}
