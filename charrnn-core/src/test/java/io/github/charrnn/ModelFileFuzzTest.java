package io.github.charrnn;

import io.github.charrnn.modelfile.ModelFileException;
import io.github.charrnn.vocabulary.Vocabulary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Whatever bytes a model file holds, loading either gives a model or throws the documented
 * {@link ModelFileException}: random, truncated and bit-flipped copies of a real model, for a bounded time, and
 * hand-made hostile zips (a zip bomb, oversized entries, a Java-serialized entry).
 */
class ModelFileFuzzTest {

    private static final long FUZZ_MILLIS = 6_000;
    /** Flips in the zip's compressed bytes mostly break the deflate stream; flips inside an array entry reach its parser. */
    private static final String[] KINDS = {"truncated", "bit flips", "random", "array bit flips"};

    @TempDir
    static Path directory;
    private static byte[] valid;

    @BeforeAll
    static void saveATinyModel() throws IOException {
        CharRnn model = CharRnn.builder().vocabulary(Vocabulary.of("abcde")).hiddenSize(4).layers(1).seed(2).build();
        Path path = directory.resolve("tiny.zip");
        model.save(path);
        valid = Files.readAllBytes(path);
    }

    @Test
    void randomTruncatedAndBitFlippedFilesGiveOnlyModelFileExceptions() throws IOException {
        SplittableRandom random = new SplittableRandom(Long.getLong("charrnn.fuzzSeed", 7));
        Path path = directory.resolve("fuzzed.zip");
        long deadline = System.currentTimeMillis() + FUZZ_MILLIS;
        int tries = 0;
        while (System.currentTimeMillis() < deadline) {
            String kind = KINDS[tries % KINDS.length];
            byte[] bytes = switch (kind) {
                case "truncated" -> java.util.Arrays.copyOf(valid, random.nextInt(valid.length));
                case "bit flips" -> flipBits(valid, random);
                case "array bit flips" -> withArrayBitsFlipped(random);
                default -> randomBytes(random);
            };
            Files.write(path, bytes);
            tryToLoad(path, "try " + tries + " (" + kind + ")");
            tries++;
        }
        assertTrue(tries > 30, "only " + tries + " tries in the time given");
    }

    @Test
    void aFileTruncatedAtAnyByteIsRejected() throws IOException {
        Path path = directory.resolve("truncated.zip");
        for (int length = 0; length < valid.length; length++) {
            Files.write(path, java.util.Arrays.copyOf(valid, length));
            assertThrows(ModelFileException.class, () -> CharRnn.load(path), "truncated to " + length + " bytes");
        }
    }

    /** The real weights, then zeros: the read stops at the first byte after the last value. */
    @Test
    void aZipBombEntryIsCutOffAtItsBound() throws IOException {
        byte[] weights;
        try (ZipFile zip = new ZipFile(directory.resolve("tiny.zip").toFile())) {
            weights = zip.getInputStream(zip.getEntry("coefficients.bin")).readAllBytes();
        }
        EntryWriter zeros = zeros(64L << 20);
        Path bomb = withEntry("bomb.zip", "coefficients.bin", out -> {
            out.write(weights);
            zeros.write(out);
        });
        ModelFileException thrown = assertThrows(ModelFileException.class, () -> CharRnn.load(bomb));
        assertTrue(thrown.getMessage().contains("goes on after its last value"), thrown.getMessage());
    }

    @Test
    void anOversizedMetadataEntryIsCutOffAtItsBound() throws IOException {
        EntryWriter spaces = out -> {
            out.write("{\"formatVersion\": 1,".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            byte[] block = new byte[1 << 20];
            java.util.Arrays.fill(block, (byte) ' ');
            for (int i = 0; i < 65; i++) {
                out.write(block);
            }
        };
        Path big = withEntry("big-metadata.zip", "charrnn.json", spaces);
        ModelFileException thrown = assertThrows(ModelFileException.class, () -> CharRnn.load(big));
        assertTrue(thrown.getMessage().contains("larger than"), thrown.getMessage());
    }

    @Test
    void aVocabularyThatDisagreesWithTheNetworkIsRejected() throws IOException {
        String json;
        try (ZipFile zip = new ZipFile(directory.resolve("tiny.zip").toFile())) {
            json = new String(zip.getInputStream(zip.getEntry("charrnn.json")).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        String fourSymbols = json.replaceFirst("\\[\\s*\"a\",", "[");
        Path mismatched = withEntry("mismatch.zip", "charrnn.json",
                out -> out.write(fourSymbols.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        ModelFileException thrown = assertThrows(ModelFileException.class, () -> CharRnn.load(mismatched));
        assertTrue(thrown.getMessage().contains("inconsistent: its vocabulary has 4 symbols but its network takes 5 inputs"),
                thrown.getMessage());
    }

    /** The limit of one array is this JVM's: set below a model's weights, loading refuses it before reading them. */
    @Test
    void theArrayLimitIsTheJvmsNotTheFiles() {
        Path path = directory.resolve("tiny.zip");
        String before = System.getProperty(io.github.charrnn.modelfile.ModelLimits.PROPERTY);
        try {
            System.setProperty(io.github.charrnn.modelfile.ModelLimits.PROPERTY, "100");
            ModelFileException thrown = assertThrows(ModelFileException.class, () -> CharRnn.load(path));
            assertTrue(thrown.getMessage().contains("more than the 1 KB one array may take here (raise -Dcharrnn.maxModelBytes"),
                    thrown.getMessage());
            System.setProperty(io.github.charrnn.modelfile.ModelLimits.PROPERTY, "lots");
            IllegalArgumentException malformed = assertThrows(IllegalArgumentException.class, () -> CharRnn.load(path));
            assertTrue(malformed.getMessage().startsWith("-Dcharrnn.maxModelBytes must be a positive number"), malformed.getMessage());
            System.setProperty(io.github.charrnn.modelfile.ModelLimits.PROPERTY, "1m");
            assertTrue(CharRnn.load(path).vocabulary().size() == 5);
        } finally {
            if (before == null) {
                System.clearProperty(io.github.charrnn.modelfile.ModelLimits.PROPERTY);
            } else {
                System.setProperty(io.github.charrnn.modelfile.ModelLimits.PROPERTY, before);
            }
        }
    }

    /** DL4J's own loader Java-deserializes a preprocessor.bin entry; ours never reads it. */
    @Test
    void aJavaSerializedEntryIsNeverRead() throws IOException {
        Path withObject = withEntry("object.zip", "preprocessor.bin", out -> {
            java.io.ObjectOutputStream objects = new java.io.ObjectOutputStream(out);
            objects.writeObject(new java.util.ArrayList<>(java.util.List.of("not a preprocessor")));
            objects.flush();   // not closed: that would close the zip
        });
        CharRnn loaded = CharRnn.load(withObject);
        assertTrue(loaded.vocabulary().size() == 5);
    }

    private static void tryToLoad(Path path, String what) {
        try {
            CharRnn loaded = CharRnn.load(path);
            // a model that loads must also generate
            String prime = loaded.vocabulary().decode(0);
            loaded.generate(prime, io.github.charrnn.generation.SamplingOptions.builder().length(5).build());
        } catch (ModelFileException expected) {
            // the documented outcome for a damaged file
        } catch (RuntimeException | Error e) {
            fail(what + ": " + e.getClass().getName() + ": " + e.getMessage(), e);
        }
    }

    private static byte[] flipBits(byte[] original, SplittableRandom random) {
        byte[] bytes = original.clone();
        int flips = 1 + random.nextInt(8);
        for (int i = 0; i < flips; i++) {
            int at = random.nextInt(bytes.length);
            bytes[at] ^= (byte) (1 << random.nextInt(8));
        }
        return bytes;
    }

    /** The valid model with bits flipped in the uncompressed bytes of coefficients.bin or updaterState.bin. */
    private static byte[] withArrayBitsFlipped(SplittableRandom random) throws IOException {
        String entry = random.nextBoolean() ? "coefficients.bin" : "updaterState.bin";
        byte[] original;
        try (ZipFile zip = new ZipFile(directory.resolve("tiny.zip").toFile())) {
            original = zip.getInputStream(zip.getEntry(entry)).readAllBytes();
        }
        byte[] flipped = flipBits(original, random);
        return Files.readAllBytes(withEntry("flipped.zip", entry, out -> out.write(flipped)));
    }

    private static byte[] randomBytes(SplittableRandom random) {
        byte[] bytes = new byte[random.nextInt(4096)];
        random.nextBytes(bytes);
        if (bytes.length > 4 && random.nextBoolean()) {
            bytes[0] = 'P';   // a zip's local header signature, so the zip reader gets further
            bytes[1] = 'K';
            bytes[2] = 3;
            bytes[3] = 4;
        }
        return bytes;
    }

    private interface EntryWriter {
        void write(OutputStream out) throws IOException;
    }

    private static EntryWriter zeros(long count) {
        return out -> {
            byte[] block = new byte[1 << 20];
            for (long written = 0; written < count; written += block.length) {
                out.write(block, 0, (int) Math.min(block.length, count - written));
            }
        };
    }

    /** The valid model with one entry replaced (or added). */
    private static Path withEntry(String fileName, String entryName, EntryWriter contents) throws IOException {
        Path source = directory.resolve("source-" + fileName);
        Files.write(source, valid);
        Path target = directory.resolve(fileName);
        try (ZipFile zip = new ZipFile(source.toFile());
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
            for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                if (!entry.getName().equals(entryName)) {
                    out.putNextEntry(new ZipEntry(entry.getName()));
                    try (InputStream in = zip.getInputStream(entry)) {
                        in.transferTo(out);
                    }
                    out.closeEntry();
                }
            }
            out.putNextEntry(new ZipEntry(entryName));
            contents.write(out);
            out.closeEntry();
        }
        return target;
    }
}
