package io.github.charrnn.datavec.corpus;

import org.datavec.api.split.FileSplit;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One file of a corpus as it was when listed.
 *
 * @param path     the file
 * @param name     its path relative to the corpus folder (its file name for a one-file corpus), with '/'
 * @param size     bytes
 * @param modified last modification time in nanoseconds since the epoch (as precise as the file system keeps it)
 */
record SourceFile(Path path, String name, long size, long modified) {

    /**
     * The files of a corpus: {@code fileOrFolder} itself, or every regular file below it (listed through DataVec's
     * {@link FileSplit}) in path order, skipping anything whose name or folder name starts with a dot.
     *
     * @throws CorpusException for a missing or unreadable path, or a folder without files
     */
    static List<SourceFile> list(Path fileOrFolder) {
        if (!Files.exists(fileOrFolder)) {
            throw new CorpusException("The text " + fileOrFolder + " does not exist; give a UTF-8 text file or a folder of them.");
        }
        if (Files.isRegularFile(fileOrFolder)) {
            if (!Files.isReadable(fileOrFolder)) {
                throw new CorpusException("The text file " + fileOrFolder + " is not readable.");
            }
            return List.of(of(fileOrFolder, String.valueOf(fileOrFolder.getFileName())));
        }
        URI[] locations = new FileSplit(fileOrFolder.toFile(), null, true).locations();
        Path root = fileOrFolder.toAbsolutePath().normalize();
        List<SourceFile> files = Arrays.stream(locations).map(Path::of)
                .map(p -> p.toAbsolutePath().normalize())
                .filter(p -> p.startsWith(root) && !hidden(root.relativize(p)))
                .filter(Files::isRegularFile)
                .sorted()
                .map(p -> of(p, root.relativize(p).toString().replace('\\', '/')))
                .toList();
        if (files.isEmpty()) {
            throw new CorpusException("The folder " + fileOrFolder + " holds no text files; give a UTF-8 text file or a folder of them.");
        }
        return files;
    }

    private static boolean hidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static SourceFile of(Path file, String name) {
        try {
            return new SourceFile(file, name, Files.size(file), Files.getLastModifiedTime(file).to(TimeUnit.NANOSECONDS));
        } catch (IOException e) {
            throw new CorpusException("The file " + file + " cannot be read: " + e.getMessage(), e);
        }
    }
}
