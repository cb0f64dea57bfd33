package io.github.charrnn.examples;

import io.github.charrnn.datavec.corpus.CorpusException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link QuickStart} is the README's code, which trains the articles' 2 × 512 network for an epoch: too long for a
 * test, so this one checks what it does with texts it cannot train on, before any training starts.
 */
class QuickStartTest {

    @TempDir
    Path dir;

    @Test
    void aMissingTextIsRefusedInOneSentenceNamingIt() {
        Path missing = dir.resolve("anna.txt");
        CorpusException refused = assertThrows(CorpusException.class, () -> QuickStart.main(new String[]{missing.toString()}));
        assertTrue(refused.getMessage().contains(missing.toString()) && refused.getMessage().contains("does not exist"),
                refused.getMessage());
    }

    @Test
    void aTextTooShortForOneMiniBatchOfTheArticlesSizeIsRefusedBeforeTraining() throws IOException {
        Path shortText = Files.writeString(dir.resolve("short.txt"), "Happy families are all alike. ".repeat(20));
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> QuickStart.main(new String[]{shortText.toString(), "Happy"}));
        assertTrue(refused.getMessage().endsWith("."), refused.getMessage());
        assertTrue(!Files.exists(Path.of("anna.zip")), "nothing saved");
    }
}
