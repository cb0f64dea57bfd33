package io.github.charrnn.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How a run cuts its text into mini-batches: what must stay the same for a saved run to resume exactly (the
 * mini-batches it has not seen yet are then the ones it would have seen). Recorded in every
 * {@link TrainingPosition}.
 *
 * @param batchSize          rows per mini-batch
 * @param sequenceLength     characters per step
 * @param validationFraction the share of the text kept for validation
 * @param validationByFile   whether validation takes whole files
 * @param order              {@code consecutive} or {@code random} (how windows are dealt out)
 * @param corpus             a description of the text (its name, size and vocabulary)
 */
public record BatchingKey(int batchSize, int sequenceLength, double validationFraction, boolean validationByFile,
                          String order, String corpus) {

    /**
     * The key as one line of text: the form model files of earlier versions recorded (and still record, beside the
     * key itself, so that they read it), and the form messages show.
     */
    public String describe() {
        return String.format(Locale.ROOT, "batch %d, sequence %d, validation fraction %s%s, %s batches, %s", batchSize,
                sequenceLength, validationFraction, validationByFile ? " by file" : "", order, corpus);
    }

    /**
     * Throws, in one sentence saying what differs, if a run cut as this key says cannot resume {@code saved} (a
     * position of a run cut otherwise). A position from an earlier version records only the described form, which
     * is compared as it is; a position that records neither resumes.
     *
     * @param source names the saved run in the message (e.g. its file)
     */
    public void checkResumes(TrainingPosition saved, String source) {
        if (saved.key() != null) {
            List<String> differences = differencesFrom(saved.key());
            if (!differences.isEmpty()) {
                throw new IllegalArgumentException("The run in " + source + " cannot resume with other batching: "
                        + String.join(", ", differences) + ". Give the same text, batch size, validation fraction and"
                        + " order as that run.");
            }
        } else if (saved.batching() != null && !saved.batching().equals(describe())) {
            throw new IllegalArgumentException("The run in " + source + " was trained on " + saved.batching()
                    + "; this one would be " + describe() + ". Give the same text, batch size, validation fraction and"
                    + " order to resume it.");
        }
    }

    private List<String> differencesFrom(BatchingKey saved) {
        List<String> differences = new ArrayList<>();
        if (batchSize != saved.batchSize) {
            differences.add("batch " + saved.batchSize + " there, " + batchSize + " here");
        }
        if (sequenceLength != saved.sequenceLength) {
            differences.add("sequence " + saved.sequenceLength + " there, " + sequenceLength + " here");
        }
        if (Double.compare(validationFraction, saved.validationFraction) != 0 || validationByFile != saved.validationByFile) {
            differences.add("validation fraction " + saved.validationFraction + (saved.validationByFile ? " by file" : "")
                    + " there, " + validationFraction + (validationByFile ? " by file" : "") + " here");
        }
        if (!order.equals(saved.order)) {
            differences.add(saved.order + " batches there, " + order + " batches here");
        }
        if (!corpus.equals(saved.corpus)) {
            differences.add("the text " + saved.corpus + " there, " + corpus + " here");
        }
        return differences;
    }
}
