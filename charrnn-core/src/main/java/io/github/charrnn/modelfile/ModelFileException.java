package io.github.charrnn.modelfile;

/** A model file could not be written or read; the message says which file and why. */
public class ModelFileException extends RuntimeException {

    /** @param message one sentence naming the file and the problem */
    public ModelFileException(String message) {
        super(message);
    }

    /** @param message one sentence naming the file and the problem */
    public ModelFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
