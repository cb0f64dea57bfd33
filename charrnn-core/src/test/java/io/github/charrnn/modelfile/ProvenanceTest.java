package io.github.charrnn.modelfile;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProvenanceTest {

    @Test
    void nowNamesTheVersionsThatWriteTheFileAndTheTime() {
        Instant before = Instant.now();
        Provenance provenance = Provenance.now();
        // versions.properties is filled in by the build from the POM
        assertTrue(provenance.charrnnVersion().matches("\\d+\\.\\d+\\.\\d+.*"), provenance.charrnnVersion());
        assertEquals("1.0.0-M2.1", provenance.dl4jVersion());
        assertEquals(System.getProperty("java.version"), provenance.javaVersion());
        Instant savedAt = Instant.parse(provenance.savedAt());
        assertTrue(!savedAt.isBefore(before) && Duration.between(before, savedAt).toSeconds() < 60, provenance.savedAt());
    }
}
