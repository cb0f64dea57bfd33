package io.github.charrnn.cli;

import io.github.charrnn.CharRnn;
import io.github.charrnn.evaluation.ScoredText;
import io.github.charrnn.evaluation.TextScore;
import io.github.charrnn.novelty.CopySpan;
import io.github.charrnn.vocabulary.UnknownCharacters;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code charrnn score}: how likely a model finds a text, in total and character by character. */
@Command(name = "score", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"How likely a model finds a text: total and mean loss in nats and bits, and",
                "with --per-char each character's probability and surprisal. The text is read",
                "as one stream from a zero state; its first character is the prime and is not",
                "scored, unless --prime gives text to read first."})
final class ScoreCommand implements Callable<Integer> {

    private static final double LN_2 = Math.log(2);

    @Option(names = "--model", paramLabel = "ZIP", description = {"Model file (default: model.zip, if it is here;",
            "else the bundled pretrained model)."})
    Path model;

    @ArgGroup(multiplicity = "1")
    Source source;

    /** Where the text comes from: exactly one of the two. */
    static final class Source {
        @Option(names = "--text", paramLabel = "FILE", required = true, description = "UTF-8 text file to score.")
        Path file;

        @Option(names = "--string", paramLabel = "TEXT", required = true, description = "Text to score, given on the command line.")
        String string;
    }

    @Option(names = "--prime", paramLabel = "TEXT", description = {"Text the model reads first, not scored",
            "(default: the text's first character)."})
    String prime;

    @Option(names = "--per-char", description = "Each scored character's probability and surprisal.")
    boolean perChar;

    @Option(names = "--corpus", paramLabel = "CORPUS", description = {"Also report the longest stretch of the text found in",
            "this corpus (usually the training text): a UTF-8 file,",
            "a folder of them, or a bundled text's name."})
    String corpus;

    @Mixin
    UnknownOption unknown;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        UnknownCharacters policy = unknown.policy();
        String text = source.file != null ? read(source.file) : source.string;
        String name = source.file != null ? String.valueOf(source.file.getFileName()) : "--string";
        CharRnn rnn = ModelFiles.load(ModelFiles.chooseForGeneration(model));
        ScoredText scored = rnn.score(prime, text, policy);
        TextScore score = scored.score();
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        CopySpan copy = corpus == null ? null : CopyCorpus.index(corpus).longestCopy(text);
        if (output.json) {
            Map<String, Object> fields = fields(scored, policy, perChar);
            if (copy != null) {
                fields.put("longest_copy", copy.length());
                fields.put("longest_copy_text", copy.text());
            }
            out.println(Json.object(fields));
            return 0;
        }
        if (perChar) {
            out.println("position  char      probability  surprisal (bits)");
            int[] codePoints = scored.text().codePoints().toArray();
            for (int i = 0; i < codePoints.length; i++) {
                out.printf("%8d  %-8s  %11.6f  %8.3f%n", i + 1, show(codePoints[i]), score.probability(i), score.loss(i) / LN_2);
            }
        }
        out.printf("%s: mean loss %.4f nats/char (%.4f bits/char), total %.2f nats (%.2f bits) over %,d characters%s%n",
                name, score.meanLoss(), score.bitsPerCharacter(), score.totalLoss(), score.totalLoss() / LN_2,
                score.characters(), scored.unknownCharacters() == 0 && policy.action() == UnknownCharacters.Action.ERROR ? ""
                        : String.format(" (%,d unknown character%s %s)", scored.unknownCharacters(),
                        scored.unknownCharacters() == 1 ? "" : "s",
                        policy.action() == UnknownCharacters.Action.SKIP ? "skipped" : "replaced"));
        if (copy != null) {
            out.printf("longest copy of the corpus: %,d characters%s%n", copy.length(),
                    copy.length() == 0 ? "" : ", " + SampleCommand.show(copy.text()));
        }
        return 0;
    }

    /**
     * The fields of {@code --json} (and of {@code serve}'s {@code POST /score}): mean_loss, total_loss, chars,
     * bits_per_char, total_bits, unknown, unknown_chars, and with {@code perChar} per_char; a map to add to.
     */
    static Map<String, Object> fields(ScoredText scored, UnknownCharacters policy, boolean perChar) {
        TextScore score = scored.score();
        Map<String, Object> fields = Json.fields("mean_loss", score.meanLoss(), "total_loss", score.totalLoss(),
                "chars", score.characters(), "bits_per_char", score.bitsPerCharacter(),
                "total_bits", score.totalLoss() / LN_2, "unknown", policy.toString(),
                "unknown_chars", scored.unknownCharacters());
        if (perChar) {
            fields.put("per_char", perCharacter(scored));
        }
        return fields;
    }

    private static List<Map<String, Object>> perCharacter(ScoredText scored) {
        TextScore score = scored.score();
        int[] codePoints = scored.text().codePoints().toArray();
        List<Map<String, Object>> rows = new ArrayList<>(codePoints.length);
        for (int i = 0; i < codePoints.length; i++) {
            rows.add(Json.fields("char", Character.toString(codePoints[i]), "probability", score.probability(i),
                    "loss", score.loss(i), "bits", score.loss(i) / LN_2));
        }
        return rows;
    }

    /** A character for the table: printable as itself, others as U+XXXX. */
    private static String show(int codePoint) {
        return Character.isISOControl(codePoint) || Character.isWhitespace(codePoint) ? String.format("U+%04X", codePoint)
                : Character.toString(codePoint);
    }

    private static String read(Path file) {
        try {
            // a strict decoder: a malformed byte is an error, not a silent U+FFFD
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("There is no file " + file + " to score; give a UTF-8 text file with --text or a string with --string.");
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("The file " + file + " is not valid UTF-8; save it as UTF-8 to score it.");
        } catch (IOException e) {
            throw new IllegalArgumentException("The file " + file + " cannot be read: " + e.getMessage() + ".");
        }
    }
}
