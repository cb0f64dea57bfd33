package io.github.charrnn.texts;

import java.io.InputStream;

/**
 * The small model shipped inside charrnn-texts: a 2 × 256 LSTM trained on {@link BundledText#FORTUNES_EN}, saved
 * for generation (docs/pretrained-model.md says how it was made). It is a charrnn model zip;
 * {@code CharRnn.load(PretrainedModel.open())} reads it.
 */
public final class PretrainedModel {

    /** Where the model lives on the class path. */
    public static final String RESOURCE = "/io/github/charrnn/models/fortunes-en.zip";

    private PretrainedModel() {
    }

    /** The model zip's bytes from the class path; the caller closes the stream. */
    public static InputStream open() {
        InputStream in = PretrainedModel.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("the bundled model " + RESOURCE + " is missing from the class path");
        }
        return in;
    }
}
