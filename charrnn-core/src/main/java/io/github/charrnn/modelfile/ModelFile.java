package io.github.charrnn.modelfile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The model file: ONE zip that DL4J's {@code ModelSerializer.restoreMultiLayerNetwork} opens as it is (its
 * entries: configuration.json, coefficients.bin, updaterState.bin), plus our entry {@value #METADATA_ENTRY}
 * with the vocabulary, hyperparameters, training progress and provenance as JSON. No Java serialization.
 */
public final class ModelFile {

    /** Name of our JSON entry in the zip. */
    public static final String METADATA_ENTRY = "charrnn.json";
    /** The layout version this library writes and the newest it reads. */
    public static final int FORMAT_VERSION = 1;
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
        Path target = path.toAbsolutePath();
        Path directory = target.getParent();
        Path dl4jZip = null;
        Path temporary = null;
        try {
            Files.createDirectories(directory);
            dl4jZip = Files.createTempFile(directory, ".charrnn-dl4j-", ".zip");
            temporary = Files.createTempFile(directory, ".charrnn-", ".zip.tmp");
            ModelSerializer.writeModel(network, dl4jZip.toFile(), true);
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
            moveIntoPlace(temporary, target);
            temporary = null;
        } catch (IOException e) {
            throw new ModelFileException("Could not write the model file " + path + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(dl4jZip);
            deleteQuietly(temporary);
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
        ModelMetadata metadata = readMetadata(path);
        MultiLayerNetwork network;
        try {
            network = withUpdater ? ModelSerializer.restoreMultiLayerNetwork(path.toFile(), true) : readNetworkOnly(path);
        } catch (IOException | RuntimeException e) {
            throw new ModelFileException("The model file " + path + " holds no readable DL4J network: " + e.getMessage(), e);
        }
        checkConsistent(path, network, metadata);
        return new Contents(network, metadata);
    }

    /**
     * The network from DL4J's configuration and coefficients entries alone. ModelSerializer inflates every entry
     * of the zip, the optimizer state (twice the size of the weights) included, even when asked not to restore
     * it; reading only the two entries it needs makes loading for generation about twice as fast.
     */
    private static MultiLayerNetwork readNetworkOnly(Path path) throws IOException {
        try (ZipFile zip = new ZipFile(path.toFile())) {
            ZipEntry configuration = zip.getEntry(ModelSerializer.CONFIGURATION_JSON);
            ZipEntry coefficients = zip.getEntry(ModelSerializer.COEFFICIENTS_BIN);
            if (configuration == null || coefficients == null) {
                throw new IOException("it lacks DL4J's " + ModelSerializer.CONFIGURATION_JSON + " or "
                        + ModelSerializer.COEFFICIENTS_BIN + " entry");
            }
            String json;
            try (InputStream in = zip.getInputStream(configuration)) {
                json = new String(in.readNBytes((int) MAX_METADATA_BYTES), java.nio.charset.StandardCharsets.UTF_8);
            }
            // Parsing DL4J's configuration (a third of a second, mostly class loading) needs no ND4J, so it runs
            // on a second thread while this one loads ND4J's native code and reads the weights.
            CompletableFuture<MultiLayerConfiguration> parsed = CompletableFuture.supplyAsync(
                    () -> MultiLayerConfiguration.fromJson(json));
            INDArray parameters;
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(zip.getInputStream(coefficients)))) {
                parameters = Nd4j.read(in);
            }
            MultiLayerConfiguration conf = joinUnwrapped(parsed);
            conf.setDataType(parameters.dataType());
            MultiLayerNetwork network = new MultiLayerNetwork(conf);
            network.init(parameters, false);
            return network;
        }
    }

    private static <T> T joinUnwrapped(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
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

    private static ModelMetadata readMetadata(Path path) {
        try (ZipFile zip = new ZipFile(path.toFile())) {
            ZipEntry entry = zip.getEntry(METADATA_ENTRY);
            if (entry == null) {
                throw new ModelFileException("The file " + path + " is not a charrnn model: it has no " + METADATA_ENTRY
                        + " entry (a plain DL4J zip has no vocabulary).");
            }
            byte[] json;
            try (InputStream in = zip.getInputStream(entry)) {
                json = in.readNBytes((int) MAX_METADATA_BYTES + 1);
            }
            if (json.length > MAX_METADATA_BYTES) {
                throw new ModelFileException("The " + METADATA_ENTRY + " entry of " + path + " is larger than "
                        + (MAX_METADATA_BYTES >> 20) + " MB; it is not a charrnn model file.");
            }
            int version = JSON.readTree(json).path("formatVersion").asInt(-1);
            if (version < 1 || version > FORMAT_VERSION) {
                throw new ModelFileException("The model file " + path + " has format version " + version
                        + "; this version of charrnn reads versions 1 to " + FORMAT_VERSION + ".");
            }
            return JSON.readValue(json, ModelMetadata.class);
        } catch (IOException e) {
            throw new ModelFileException("The file " + path + " is not a readable model zip: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new ModelFileException("The " + METADATA_ENTRY + " entry of " + path + " is invalid: " + e.getMessage(), e);
        }
    }

    private static void checkConsistent(Path path, MultiLayerNetwork network, ModelMetadata metadata) {
        long inputs = network.layerInputSize(0);
        long outputs = network.layerSize(network.getnLayers() - 1);
        int vocabulary = metadata.vocabulary().size();
        if (inputs != vocabulary || outputs != vocabulary) {
            throw new ModelFileException("The model file " + path + " is inconsistent: its vocabulary has " + vocabulary
                    + " symbols but its network takes " + inputs + " inputs and gives " + outputs + " outputs.");
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
