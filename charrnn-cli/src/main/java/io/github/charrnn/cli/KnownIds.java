package io.github.charrnn.cli;

import io.github.charrnn.datavec.corpus.EncodedText;
import io.github.charrnn.datavec.corpus.TextCorpus;
import io.github.charrnn.vocabulary.UnknownCharacters;
import io.github.charrnn.vocabulary.Vocabulary;

/**
 * A corpus read with its own vocabulary, re-encoded with a model's: characters the model does not know left out or
 * replaced as an {@link UnknownCharacters} setting says. The new ids are held in memory.
 *
 * @param ids     the corpus in the model's ids
 * @param unknown how many characters the model did not know
 */
record KnownIds(EncodedText ids, long unknown) {

    /**
     * Re-encodes {@code corpus} for a model of {@code vocabulary}.
     *
     * @throws IllegalArgumentException if a replacement is not in the vocabulary, or nothing is left
     */
    static KnownIds of(TextCorpus corpus, Vocabulary vocabulary, UnknownCharacters policy) {
        Vocabulary own = corpus.vocabulary();
        int[] toModel = new int[own.size()];          // the corpus's id -> the model's id, -1 to leave out
        boolean[] known = new boolean[own.size()];
        for (int id = 0; id < own.size(); id++) {
            int modelId = vocabulary.idOrNegative(own.codePoint(id));
            known[id] = modelId >= 0;
            toModel[id] = known[id] ? modelId : policy.action() == UnknownCharacters.Action.SKIP ? -1
                    : replacementId(vocabulary, policy);
        }
        EncodedText source = corpus.ids();
        int kept = 0;
        long unknown = 0;
        int[] ids = new int[source.length()];
        for (int i = 0; i < source.length(); i++) {
            int ownId = source.id(i);
            if (!known[ownId]) {
                unknown++;
            }
            if (toModel[ownId] >= 0) {
                ids[kept++] = toModel[ownId];
            }
        }
        return new KnownIds(EncodedText.of(java.util.Arrays.copyOf(ids, kept), vocabulary.size()), unknown);
    }

    private static int replacementId(Vocabulary vocabulary, UnknownCharacters policy) {
        if (policy.action() != UnknownCharacters.Action.REPLACE) {
            throw new IllegalArgumentException("With --unknown error the text must be read with the model's vocabulary.");
        }
        int id = vocabulary.idOrNegative(policy.replacement());
        if (id < 0) {
            throw new IllegalArgumentException("The replacement for unknown characters, " + Vocabulary.describe(policy.replacement())
                    + ", is not in the model's vocabulary either; choose a character the model knows.");
        }
        return id;
    }
}
