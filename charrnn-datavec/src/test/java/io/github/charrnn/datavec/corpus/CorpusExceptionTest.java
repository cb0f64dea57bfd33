package io.github.charrnn.datavec.corpus;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link CorpusException}: keeps message and cause; reading a bad text throws it naming the file and the problem. */
class CorpusExceptionTest {

    @TempDir
    Path dir;

    @Test
    void keepsTheMessageAndTheCause() {
        IOException cause = new IOException("denied");
        CorpusException e = new CorpusException("The file a.txt cannot be read: denied", cause);
        assertEquals("The file a.txt cannot be read: denied", e.getMessage());
        assertSame(cause, e.getCause());
        assertEquals("x", new CorpusException("x").getMessage());
        assertTrue(e instanceof IllegalArgumentException);
    }

    @Test
    void readingAMissingEmptyOrInvalidTextNamesTheFile() throws IOException {
        Path missing = dir.resolve("missing.txt");
        CorpusException e = assertThrows(CorpusException.class, () -> TextCorpus.read(missing));
        assertTrue(e.getMessage().contains(missing.toString()) && e.getMessage().contains("does not exist"), e.getMessage());

        Path empty = Files.writeString(dir.resolve("empty.txt"), "");
        CorpusException emptyError = assertThrows(CorpusException.class, () -> TextCorpus.read(empty));
        assertTrue(emptyError.getMessage().contains("is empty"), emptyError.getMessage());

        Path invalid = Files.write(dir.resolve("invalid.txt"), new byte[]{'a', 'b', (byte) 0xFF, 'c'});
        CorpusException invalidError = assertThrows(CorpusException.class, () -> TextCorpus.read(invalid));
        assertTrue(invalidError.getMessage().contains(invalid.toString())
                && invalidError.getMessage().contains("not valid UTF-8"), invalidError.getMessage());

        assertThrows(CorpusException.class, () -> TextCorpus.of("nothing", ""));
    }
}
