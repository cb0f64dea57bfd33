package io.github.charrnn.novelty;

import io.github.charrnn.CharRnn;
import io.github.charrnn.generation.SamplingOptions;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Generation that keeps a model from handing out its training text word for word: a sample holding more than
 * {@code maxCopy} consecutive characters of the corpus is drawn again, up to {@code maxTries} draws in all. A copy
 * counts whole if it runs from the prime into the generated text (a prime "I'm looking for" completed by " my
 * partner in crime." copies 36 characters), but a prime that is itself a long copy is not held against the model:
 * only stretches holding at least one generated character count.
 *
 * <p>Immutable and thread-safe (the index is read-only).
 */
public final class CopyGuard {

    private final CopyIndex index;
    private final int maxCopy;
    private final int maxTries;

    /**
     * @param index    the corpus (usually the training text)
     * @param maxCopy  the most consecutive corpus characters a sample may hold, at least 1
     * @param maxTries the most draws per sample, at least 1
     * @throws IllegalArgumentException for a maxCopy or maxTries below 1
     */
    public CopyGuard(CopyIndex index, int maxCopy, int maxTries) {
        if (maxCopy < 1) {
            throw new IllegalArgumentException("max copy must be at least 1 character, got " + maxCopy + ".");
        }
        if (maxTries < 1) {
            throw new IllegalArgumentException("max copy tries must be at least 1, got " + maxTries + ".");
        }
        this.index = index;
        this.maxCopy = maxCopy;
        this.maxTries = maxTries;
    }

    /**
     * One sample after the guard.
     *
     * @param generated   the generated characters (after the prime, cut as asked)
     * @param seed        the seed that drew it ({@code options.seed()} + its index on the first draw)
     * @param tries       how many draws it took (1: the first was kept)
     * @param longestCopy its longest stretch found in the corpus, a span of the prime followed by the generated
     *                    characters (start 0 is the prime's first character)
     * @param accepted    whether that stretch is at most maxCopy characters; false after maxTries draws all copied
     */
    public record Sample(String generated, long seed, int tries, CopySpan longestCopy, boolean accepted) {
    }

    /** The most consecutive corpus characters a sample may hold. */
    public int maxCopy() {
        return maxCopy;
    }

    /** The longest stretch of {@code prime + generated} holding a generated character that appears in the corpus. */
    public CopySpan longestCopy(String prime, String generated) {
        return index.longestCopy(prime + generated, prime.codePointCount(0, prime.length()));
    }

    /**
     * {@code count} samples after {@code prime}, drawn in one batch (text i with seed {@code options.seed() + i}),
     * then those copying more than maxCopy characters drawn again in one batch per round, round r with seeds from
     * {@code options.seed() + r * count}, until all pass or each has had maxTries draws.
     *
     * @param cut applied to each generated text before it is checked (for example, up to a stop text); identity
     *            for none
     */
    public List<Sample> generate(CharRnn rnn, String prime, int count, SamplingOptions options, UnaryOperator<String> cut) {
        List<Sample> samples = new ArrayList<>(count);
        List<Integer> pending = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            samples.add(null);
            pending.add(i);
        }
        for (int round = 0; round < maxTries && !pending.isEmpty(); round++) {
            long base = options.seed() + (long) round * count;
            SamplingOptions draw = options.toBuilder().seed(base).build();
            List<String> texts = pending.size() == 1 ? List.of(rnn.generate(prime, draw))
                    : rnn.generate(prime, pending.size(), draw);
            List<Integer> stillCopying = new ArrayList<>();
            for (int j = 0; j < pending.size(); j++) {
                String generated = cut.apply(texts.get(j));
                CopySpan copy = longestCopy(prime, generated);
                boolean accepted = copy.length() <= maxCopy;
                samples.set(pending.get(j), new Sample(generated, base + j, round + 1, copy, accepted));
                if (!accepted) {
                    stillCopying.add(pending.get(j));
                }
            }
            pending = stillCopying;
        }
        return samples;
    }
}
