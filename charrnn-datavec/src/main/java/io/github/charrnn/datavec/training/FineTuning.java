package io.github.charrnn.datavec.training;

import io.github.charrnn.CharRnn;
import io.github.charrnn.datavec.corpus.TextCorpus;
import io.github.charrnn.model.CharRnnConfig;
import io.github.charrnn.model.VocabularyGrowth;
import io.github.charrnn.vocabulary.Vocabulary;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The start of a fine-tuning run: a trained model's weights, a new text, the vocabulary of both. Give the result's
 * corpus and model to {@link TrainingRun#builder}.
 *
 * <pre>{@code
 * CharRnn pretrained = CharRnn.load(PretrainedModel.open());
 * FineTuning start = FineTuning.of(pretrained, vocabulary -> TextCorpus.read(Path.of("profiles.txt"), vocabulary),
 *         pretrained.config(), false);
 * System.out.println(start.added().size() + " characters added");
 * TrainingRun.builder(start.corpus(), start.model()).maxSteps(300).modelFile(Path.of("profiles.zip")).build().run();
 * }</pre>
 *
 * @param corpus  the new text, encoded with the vocabulary of both
 * @param model   the model to train: the trained weights, a fresh step counter
 * @param added   the characters of the text the trained model lacked, as code points in order
 */
public record FineTuning(TextCorpus corpus, CharRnn model, List<Integer> added) {

    /** Copies the list. */
    public FineTuning {
        added = List.copyOf(added);
    }

    /**
     * Reads the text and makes the model to fine-tune ({@link CharRnn#fineTuned}).
     *
     * @param trained             the model to start from
     * @param read                reads the text with a vocabulary (null: the text's own); called again with the
     *                            grown vocabulary where the text lacks some of the model's characters
     * @param config              the training hyperparameters; the architecture must be {@code trained}'s
     * @param keepOptimizerState  keep Adam's state (only for a text without new characters)
     * @throws IllegalArgumentException naming what does not fit, in one sentence
     */
    public static FineTuning of(CharRnn trained, Function<Vocabulary, TextCorpus> read, CharRnnConfig config,
                                boolean keepOptimizerState) {
        Objects.requireNonNull(trained, "trained");
        TextCorpus corpus = read.apply(null);
        Vocabulary both = VocabularyGrowth.union(trained.vocabulary(), corpus.vocabulary());
        if (!both.equals(corpus.vocabulary())) {
            corpus = read.apply(both);
        }
        CharRnn model = trained.fineTuned(corpus.vocabulary(), config, keepOptimizerState);
        return new FineTuning(corpus, model, new VocabularyGrowth(trained.vocabulary(), both).added());
    }

    /** One line for the output: how many characters the vocabulary gained, and which. */
    public String describe() {
        return added.isEmpty() ? "the text has no characters the model lacks"
                : added.size() + " character" + (added.size() == 1 ? "" : "s") + " added to the model's vocabulary ("
                + Vocabulary.describe(added) + "), now " + model.vocabulary().size();
    }
}
