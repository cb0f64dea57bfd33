package io.github.charrnn.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CliReferenceTest {

    /** Maven runs tests in the module's folder; the docs live one level up. */
    private static final Path REFERENCE = Path.of("..", "docs", "cli-reference.md");

    @Test
    void docsCliReferenceIsTheCommandsOwnHelp() throws IOException {
        String rendered = CliReference.render();
        assertTrue(rendered.contains("## charrnn train") && rendered.contains("--hidden"), rendered);
        String written = Files.readString(REFERENCE, StandardCharsets.UTF_8);
        assertEquals(rendered, written, "docs/cli-reference.md differs from the commands' help; regenerate it:"
                + " java -cp charrnn-cli/target/charrnn.jar io.github.charrnn.cli.CliReference > docs/cli-reference.md");
    }
}
