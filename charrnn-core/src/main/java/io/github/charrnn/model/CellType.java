package io.github.charrnn.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The recurrent cell of every layer. */
public enum CellType {
    /** Long short-term memory (DL4J's {@code LSTM} layer); the articles' model. */
    LSTM,
    /** A plain tanh recurrent layer (DL4J's {@code SimpleRnn}); the Chinese lyrics article's first model. */
    RNN;

    /** Parses "lstm" or "rnn" (any case); the message of the exception lists the allowed names. */
    public static CellType parse(String name) {
        for (CellType t : values()) {
            if (t.name().equalsIgnoreCase(name == null ? "" : name.trim())) {
                return t;
            }
        }
        throw new IllegalArgumentException("Unknown cell type '" + name + "'; allowed: "
                + Arrays.stream(values()).map(t -> t.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")) + ".");
    }
}
