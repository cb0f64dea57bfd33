package io.github.charrnn.datavec.training;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Short random ids that tell training runs apart in the names of their files. */
final class RunIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private RunIds() {
    }

    /** A new id: 8 hex digits. */
    static String next() {
        byte[] bytes = new byte[4];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
