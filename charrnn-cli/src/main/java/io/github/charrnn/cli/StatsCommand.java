package io.github.charrnn.cli;

import io.github.charrnn.datavec.corpus.TextCorpus;
import io.github.charrnn.novelty.CopySpan;
import io.github.charrnn.stats.CorpusStats;
import io.github.charrnn.stats.StopWords;
import io.github.charrnn.stats.WordCloudPainter;
import io.github.charrnn.stats.WordFilter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code charrnn stats}: what a corpus is made of before training on it — characters, lines, paragraphs, words, the
 * most common words, the rarest characters — and optionally a word-cloud picture of its most common words.
 */
@Command(name = "stats", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Counts a text's characters, lines, paragraphs and words; shows its most common words and rarest characters.")
final class StatsCommand implements Callable<Integer> {

    @Mixin
    TextOptions text;

    @Option(names = "--top", paramLabel = "N", description = "How many of the most common words to show (default: ${DEFAULT-VALUE}).")
    int top = 20;

    @Option(names = "--min-length", paramLabel = "L",
            description = "Leave words shorter than L characters out of the most common words and the cloud (default: ${DEFAULT-VALUE}).")
    int minLength = 1;

    @Option(names = "--stop-words", description = "Leave the built-in English stop words (the, and, of, ...) out of the most common words and the cloud.")
    boolean stopWords;

    @Option(names = "--stop-words-file", paramLabel = "FILE",
            description = "Leave the words of FILE out as well: UTF-8, words separated by white space, # starts a comment.")
    Path stopWordsFile;

    @Option(names = "--keep-case", description = "Count 'The' and 'the' as different words (default: case-folded to lower case).")
    boolean keepCase;

    @Option(names = "--words", paramLabel = "DEF",
            description = "What a word is: auto (default: bigrams if most letters are Chinese or Japanese, else spaces), "
                    + "spaces (runs of letters between spaces and punctuation), chars (single Han characters), bigrams (pairs of them).")
    String words = "auto";

    @Option(names = "--rare", paramLabel = "N", description = "How many of the rarest characters to show (default: ${DEFAULT-VALUE}).")
    int rare = 10;

    @Option(names = "--wordcloud", paramLabel = "PNG", description = "Also draw the most common words as a word-cloud PNG.")
    Path wordCloud;

    @Option(names = "--cloud-words", paramLabel = "N", description = "How many words the cloud draws at most (default: ${DEFAULT-VALUE}).")
    int cloudWords = 100;

    @Option(names = "--width", paramLabel = "PX", description = "Word-cloud width in pixels (default: ${DEFAULT-VALUE}).")
    int width = 1000;

    @Option(names = "--height", paramLabel = "PX", description = "Word-cloud height in pixels (default: ${DEFAULT-VALUE}).")
    int height = 700;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the word-cloud layout (default: ${DEFAULT-VALUE}).")
    long seed = 1;

    @Option(names = "--corpus", paramLabel = "CORPUS", description = {"Also report the longest stretch of the text found",
            "word for word in CORPUS (a file, a folder or a",
            "bundled text's name), e.g. how much of a sample",
            "copies its training text."})
    String corpus;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        atLeast("--top", top, 1);
        atLeast("--rare", rare, 0);
        atLeast("--cloud-words", cloudWords, 1);
        WordFilter filter = new WordFilter(minLength, stopWordList());
        String name = text.onBundled() ? text.bundledText().id() + " (bundled text)" : text.text.toString();
        String fullText = readText();
        CorpusStats stats = CorpusStats.of(name, fullText, words, !keepCase);
        WordCloudPainter.Result cloud = wordCloud == null ? null
                : WordCloudPainter.paint(stats.words().top(cloudWords, filter), width, height, seed, wordCloud);
        StatsReport report = new StatsReport(stats, filter, top, rare, cloud);
        CopySpan copy = corpus == null ? null : CopyCorpus.index(corpus).longestCopy(fullText);
        if (output.json) {
            System.out.println(copy == null ? report.json() : StatsReport.withLongestCopy(report.json(), copy));
        } else {
            report.lines().forEach(System.out::println);
            if (copy != null) {
                System.out.printf("longest copy of %s: %,d characters at character %,d: %s%n", corpus, copy.length(),
                        copy.start(), SampleCommand.show(copy.text()));
            }
        }
        return 0;
    }

    private String readText() {
        if (text.onBundled()) {
            return text.bundledText().text();
        }
        TextCorpus corpus = TextCorpus.read(text.text, text.readOptions());
        return corpus.vocabulary().decode(corpus.ids().toArray());
    }

    private Set<String> stopWordList() {
        Set<String> list = new HashSet<>();
        if (stopWords) {
            list.addAll(StopWords.english());
        }
        if (stopWordsFile != null) {
            list.addAll(StopWords.read(stopWordsFile));
        }
        return list;
    }

    private static void atLeast(String option, int value, int least) {
        if (value < least) {
            throw new IllegalArgumentException(option + " must be at least " + least + ", got " + value + ".");
        }
    }
}
