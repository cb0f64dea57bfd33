package io.github.charrnn.modelfile;

import io.github.charrnn.model.CharRnnConfig;
import io.github.charrnn.training.EarlyStopping;
import io.github.charrnn.training.LearningRateSchedule;
import io.github.charrnn.training.TrainingPosition;
import io.github.charrnn.vocabulary.Vocabulary;

/**
 * Our entry in a model zip ({@value ModelFile#METADATA_ENTRY}), as JSON: everything besides DL4J's own
 * entries that is needed to generate from and continue training a model.
 *
 * <p>Immutable.
 *
 * @param formatVersion  version of this entry's layout; readers reject newer versions than they know
 * @param vocabulary     the symbols, in id order
 * @param config         the hyperparameters
 * @param training       how far the model has been trained
 * @param provenance     who wrote the file, and when
 * @param position       where training stood when the file was written, for resuming it; null if never trained
 *                       (and in files of earlier versions)
 * @param schedule       the learning-rate schedule of the run that trained it last, which a resumed run continues;
 *                       null for the configured rate throughout (and in files of earlier versions)
 * @param earlyStopping  where early stopping stood, which a resumed run continues; null without early stopping
 */
public record ModelMetadata(int formatVersion, Vocabulary vocabulary, CharRnnConfig config, TrainingSummary training,
                            Provenance provenance, TrainingPosition position, LearningRateSchedule schedule,
                            EarlyStopping earlyStopping) {

    /** Metadata without a schedule or early stopping. */
    public ModelMetadata(int formatVersion, Vocabulary vocabulary, CharRnnConfig config, TrainingSummary training,
                         Provenance provenance, TrainingPosition position) {
        this(formatVersion, vocabulary, config, training, provenance, position, null, null);
    }
}
