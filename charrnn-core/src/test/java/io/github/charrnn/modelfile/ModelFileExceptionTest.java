package io.github.charrnn.modelfile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link ModelFileException}: keeps its message and cause; ModelFile throws it naming the file. */
class ModelFileExceptionTest {

    @TempDir
    Path dir;

    @Test
    void keepsTheMessageAndTheCause() {
        IOException cause = new IOException("disk full");
        ModelFileException e = new ModelFileException("Could not write the model file m.zip: disk full", cause);
        assertEquals("Could not write the model file m.zip: disk full", e.getMessage());
        assertSame(cause, e.getCause());
        assertEquals("x", new ModelFileException("x").getMessage());
        assertTrue(e instanceof RuntimeException);
    }

    @Test
    void readingAMissingOrForeignFileNamesTheFile() throws IOException {
        Path missing = dir.resolve("missing.zip");
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFile.readMetadata(missing));
        assertTrue(e.getMessage().contains(missing.toString()) && e.getMessage().contains("does not exist"), e.getMessage());

        Path notAZip = Files.writeString(dir.resolve("text.zip"), "not a zip");
        ModelFileException bad = assertThrows(ModelFileException.class, () -> ModelFile.readMetadata(notAZip));
        assertTrue(bad.getMessage().contains(notAZip.toString()), bad.getMessage());
        assertNotNull(bad.getMessage());
    }
}
