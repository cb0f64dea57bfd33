package io.github.charrnn.modelfile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The model file: ONE zip that DL4J's {@code ModelSerializer.restoreMultiLayerNetwork} opens as it is (its
 * entries: configuration.json, coefficients.bin, updaterState.bin), plus our entry {@value #METADATA_ENTRY}
 * with the vocabulary, hyperparameters, training progress and provenance as JSON. No Java serialization.
 *
 * <p>Reading never trusts the file: only our entry and DL4J's three are read, each bounded (see
 * {@link NetworkEntries}), and anything malformed ends in a {@link ModelFileException} naming the file.
 * Writing goes to a temporary file beside the target, flushed to disk, then renamed over the target.
 *
 * <p>Thread-safe: the methods share no state; two threads saving to the same path leave one of the two complete files.
 */
public final class ModelFile {

    /** Name of our JSON entry in the zip. */
    public static final String METADATA_ENTRY = "charrnn.json";
    /** The layout version this library writes and the newest it reads. */
    public static final int FORMAT_VERSION = 1;

    private static final SecureRandom TEMPORARY_NAMES = new SecureRandom();
    /** Our JSON entry is read only up to this size. */
    private static final long MAX_METADATA_BYTES = 64L << 20;

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private ModelFile() {
    }

    /** A model read from a file: its network (with updater state) and our metadata. */
    public record Contents(MultiLayerNetwork network, ModelMetadata metadata) {
    }

    /**
     * Writes the network (with its updater state, so training can continue) and the metadata to {@code path}.
     * The file is written beside the target and moved into place, so an existing model at {@code path} is
     * replaced only by a complete new one.
     */
    public static void write(Path path, MultiLayerNetwork network, ModelMetadata metadata) {
        write(path, network, metadata, true);
    }

    /**
     * Writes the network and the metadata to {@code path}, with the optimizer's (updater's) state only if
     * {@code withOptimizerState}: without it the file is a third of the size and serves generation; training
     * from it starts the optimizer afresh. Replaces an existing file only by a complete new one, like
     * {@link #write(Path, MultiLayerNetwork, ModelMetadata)}.
     */
    public static void write(Path path, MultiLayerNetwork network, ModelMetadata metadata, boolean withOptimizerState) {
        Path target = path.toAbsolutePath();
        Path directory = target.getParent();
        Path dl4jZip = null;
        Path temporary = null;
        try {
            Files.createDirectories(directory);
            dl4jZip = newFileBeside(directory, ".charrnn-dl4j-", ".zip");
            temporary = newFileBeside(directory, ".charrnn-", ".zip.tmp");
            ModelSerializer.writeModel(network, dl4jZip.toFile(), withOptimizerState);
            byte[] json = JSON.writeValueAsBytes(metadata);
            try (OutputStream out = Files.newOutputStream(temporary); ZipOutputStream zip = new ZipOutputStream(out);
                 ZipInputStream dl4j = new ZipInputStream(Files.newInputStream(dl4jZip))) {
                for (ZipEntry entry = dl4j.getNextEntry(); entry != null; entry = dl4j.getNextEntry()) {
                    zip.putNextEntry(new ZipEntry(entry.getName()));
                    dl4j.transferTo(zip);
                    zip.closeEntry();
                }
                zip.putNextEntry(new ZipEntry(METADATA_ENTRY));
                zip.write(json);
                zip.closeEntry();
            }
            forceToDisk(temporary);
            moveIntoPlace(temporary, target);
            temporary = null;
            forceToDisk(directory);
        } catch (IOException e) {
            throw new ModelFileException("Could not write the model file " + path + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(dl4jZip);
            deleteQuietly(temporary);
        }
    }

    /**
     * A new empty file with a random name in {@code directory}. Unlike {@code Files.createTempFile} (owner-only
     * permissions) it gets the usual permissions of a new file, which the model file then keeps.
     */
    private static Path newFileBeside(Path directory, String prefix, String suffix) throws IOException {
        while (true) {
            Path candidate = directory.resolve(prefix + Long.toUnsignedString(TEMPORARY_NAMES.nextLong(), 36) + suffix);
            try {
                return Files.createFile(candidate);
            } catch (FileAlreadyExistsException taken) {
                // try another name
            }
        }
    }

    /** Reads a model file written by {@link #write}, with the updater state. */
    public static Contents read(Path path) {
        return read(path, true);
    }

    /**
     * Reads a model file written by {@link #write}; without the updater state ({@code withUpdater} false) it loads
     * faster, and further training starts Adam afresh.
     */
    public static Contents read(Path path, boolean withUpdater) {
        if (!Files.isRegularFile(path)) {
            throw new ModelFileException("The model file " + path + " does not exist or is not a file.");
        }
        ModelLimits.maxArrayBytes();   // a malformed -Dcharrnn.maxModelBytes is reported as such, not as a damaged file
        ModelMetadata metadata = metadataOf(path);
        MultiLayerNetwork network;
        try (ZipFile zip = new ZipFile(path.toFile())) {
            network = NetworkEntries.read(zip, metadata, withUpdater);
        } catch (ConfigurationCheck.Inconsistent e) {
            throw inconsistent(path, e.getMessage());
        } catch (IOException | RuntimeException e) {
            throw new ModelFileException("The model file " + path + " holds no readable DL4J network: " + sentenceEnd(e.getMessage()), e);
        }
        return new Contents(network, metadata);
    }

    /** Reads a model from a stream (for example a classpath resource) by way of a temporary file. */
    public static Contents read(InputStream in, String name) {
        Path temporary = null;
        try {
            temporary = Files.createTempFile("charrnn-model-", ".zip");
            Files.copy(in, temporary, StandardCopyOption.REPLACE_EXISTING);
            return read(temporary);
        } catch (IOException e) {
            throw new ModelFileException("Could not read the model " + name + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(temporary);
        }
    }

    /** The JSON of {@code metadata}, as stored in the zip. */
    public static String toJson(ModelMetadata metadata) {
        try {
            return JSON.writeValueAsString(metadata);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Model metadata could not be written as JSON", e);
        }
    }

    /**
     * Only our metadata entry of a model file (vocabulary, hyperparameters, training summary, provenance,
     * position): quick, no network is built.
     *
     * @throws ModelFileException if the file is missing, not a charrnn model or its entry is unreadable
     */
    public static ModelMetadata readMetadata(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new ModelFileException("The model file " + path + " does not exist or is not a file.");
        }
        return metadataOf(path);
    }

    private static ModelMetadata metadataOf(Path path) {
        try (ZipFile zip = new ZipFile(path.toFile())) {
            ZipEntry entry = zip.getEntry(METADATA_ENTRY);
            if (entry == null) {
                throw new ModelFileException("The file " + path + " is not a charrnn model: it has no " + METADATA_ENTRY
                        + " entry (a plain DL4J zip has no vocabulary).");
            }
            JsonNode json;
            try (InputStream in = new BoundedInput(zip.getInputStream(entry), MAX_METADATA_BYTES, METADATA_ENTRY)) {
                json = JSON.readTree(in);
            } catch (BoundedInput.TooLarge e) {
                throw new ModelFileException("The " + METADATA_ENTRY + " entry of " + path + " is larger than "
                        + (MAX_METADATA_BYTES >> 20) + " MB; it is not a charrnn model file.");
            }
            int version = json == null ? -1 : json.path("formatVersion").asInt(-1);
            if (version < 1 || version > FORMAT_VERSION) {
                throw new ModelFileException("The model file " + path + " has format version " + version
                        + "; this version of charrnn reads versions 1 to " + FORMAT_VERSION + ".");
            }
            ModelMetadata metadata = JSON.treeToValue(json, ModelMetadata.class);
            if (metadata.vocabulary() == null || metadata.config() == null || metadata.training() == null) {
                throw new ModelFileException("The " + METADATA_ENTRY + " entry of " + path
                        + " lacks its vocabulary, hyperparameters or training summary.");
            }
            return metadata;
        } catch (IOException e) {
            throw new ModelFileException("The file " + path + " is not a readable model zip: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new ModelFileException("The " + METADATA_ENTRY + " entry of " + path + " is invalid: " + e.getMessage(), e);
        }
    }

    private static String sentenceEnd(String message) {
        return message == null ? "no reason given." : message.endsWith(".") ? message : message + ".";
    }

    private static ModelFileException inconsistent(Path path, String what) {
        return new ModelFileException("The model file " + path + " is inconsistent: " + what + ".");
    }

    /**
     * Flushes a file's (or a directory's) contents to the disk, so that after the rename a crash or power loss
     * finds either the old model or the complete new one. Directories cannot be opened for this on every
     * platform; there the rename's own ordering is all there is.
     */
    private static void forceToDisk(Path path) {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // not possible for directories on some platforms
        }
    }

    private static void moveIntoPlace(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path path) {
        if (path != null) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException ignored) {
                // a leftover temporary file is harmless
            }
        }
    }
}
