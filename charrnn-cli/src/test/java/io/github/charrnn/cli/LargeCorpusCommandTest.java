package io.github.charrnn.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static io.github.charrnn.cli.CommandLineTest.assertOneLineError;
import static io.github.charrnn.cli.CommandLineTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code train} on a folder of files: the separator, the cache file and validation by whole files. */
class LargeCorpusCommandTest {

    @TempDir
    Path dir;

    private Path profiles() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("profiles"));
        for (int i = 0; i < 8; i++) {
            Files.writeString(folder.resolve("profile-" + i + ".txt"), ("I like hiking, dogs and film number " + i + ".").repeat(10));
        }
        return folder;
    }

    @Test
    void aFolderTrainsFromItsCacheFileWithWholeFilesForValidation() throws Exception {
        String[] train = {"train", "--text", profiles().toString(), "--separator", "\\n\\n", "--cache", "on",
                "--cache-dir", dir.resolve("cache").toString(), "--val-by-file", "--val-frac", "0.25", "--model",
                dir.resolve("m.zip").toString(), "--hidden", "8", "--layers", "1", "--batch", "2", "--seq", "20", "--steps", "2"};
        CommandLineTest.Run first = run(train);
        assertEquals(0, first.exitCode(), first.err());
        // 8 files of 380 characters and a blank line each: the last 2 are 25% of 3,056 characters
        assertTrue(first.out().contains("validation: the last files, 764 of 3,056 characters"), first.out());
        assertTrue(first.out().contains("cache: " + dir.resolve("cache")) && first.out().contains("built in"), first.out());
        CommandLineTest.Run second = run(train);
        assertEquals(0, second.exitCode(), second.err());
        assertTrue(second.out().contains("(reused, opened in"), second.out());
    }

    @Test
    void badCacheAndSplitFlagsGetOneSentence() throws Exception {
        Path folder = profiles();
        Path one = Files.writeString(dir.resolve("one.txt"), "a single text file ".repeat(50));
        assertOneLineError(run("train", "--text", folder.toString(), "--cache", "maybe"),
                "charrnn: Unknown --cache 'maybe'; allowed: auto, on, off.");
        assertOneLineError(run("train", "--text", one.toString(), "--val-by-file"),
                "charrnn: Splitting off whole files for validation needs a folder of at least two files; the text one.txt is one file.");
        assertOneLineError(run("train", "--text", folder.toString(), "--val-by-file", "--val-frac", "0"),
                "it needs --text and a --val-frac above 0.");
        assertOneLineError(run("train", "--text", folder.toString(), "--separator", ""), "--separator needs at least one character.");
        Path occupied = Files.writeString(dir.resolve("occupied"), "a file, not a folder");
        assertOneLineError(run("train", "--text", folder.toString(), "--cache", "on", "--cache-dir", occupied.toString()),
                "charrnn: The corpus cache " + occupied);
    }
}
