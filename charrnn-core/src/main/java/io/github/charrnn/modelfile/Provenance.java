package io.github.charrnn.modelfile;

import io.github.charrnn.CharRnn;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Properties;

/**
 * Where a model file came from: the library versions that wrote it and when.
 *
 * <p>Immutable.
 *
 * @param charrnnVersion  version of charrnn-core
 * @param dl4jVersion     version of Deeplearning4j
 * @param javaVersion     version of the Java runtime
 * @param savedAt         when the file was written, ISO-8601 UTC
 */
public record Provenance(String charrnnVersion, String dl4jVersion, String javaVersion, String savedAt) {

    /** The provenance of a file written now by this library. */
    public static Provenance now() {
        Properties versions = new Properties();
        try (InputStream in = CharRnn.class.getResourceAsStream("versions.properties")) {
            if (in != null) {
                versions.load(in);
            }
        } catch (IOException e) {
            // versions stay "unknown"
        }
        return new Provenance(versions.getProperty("charrnn", "unknown"), versions.getProperty("dl4j", "unknown"),
                System.getProperty("java.version"), Instant.now().toString());
    }
}
