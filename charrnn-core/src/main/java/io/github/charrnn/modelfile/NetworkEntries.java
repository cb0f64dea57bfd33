package io.github.charrnn.modelfile;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Reads DL4J's entries of a model zip — configuration.json, coefficients.bin and, if wanted, updaterState.bin —
 * and nothing else. No limit comes from the file's own claims:
 * <ol>
 *   <li>the configuration is read to at most {@value #MAX_CONFIGURATION_BYTES} bytes and checked against our
 *   metadata ({@link ConfigurationCheck}) before any array is touched, so the parameter count is the one the
 *   vocabulary and hyperparameters give;</li>
 *   <li>that count must fit {@link ModelLimits#maxArrayBytes()} (a property of this JVM, not of the file), and the
 *   entry's compressed bytes, which the file's real size bounds, must be able to hold it (deflate expands at most
 *   {@value #MAX_DEFLATE_RATIO} times);</li>
 *   <li>each array entry is streamed ({@link ArrayEntry}): its headers are checked against that count, the array
 *   is filled a block at a time, and the entry must end there (a zip bomb stops at the first byte past it).</li>
 * </ol>
 * Arrays are parsed in Java, so nothing of the file's shape information reaches ND4J's native code. DL4J's own
 * {@code ModelSerializer} instead inflates every entry whole and Java-deserializes a {@code preprocessor.bin} if
 * there is one; this reader never does either.
 */
final class NetworkEntries {

    static final int MAX_CONFIGURATION_BYTES = 16 << 20;
    /** Deflate's largest expansion: 258 bytes from about two bits, rounded up. */
    static final int MAX_DEFLATE_RATIO = 1032;
    private static final int ARRAY_HEADER_SLACK = 4096;

    private NetworkEntries() {
    }

    /** {@link #read(ZipFile, ModelMetadata, boolean)} without metadata to check the configuration against. */
    static MultiLayerNetwork read(ZipFile zip, boolean withUpdater) throws IOException {
        return read(zip, null, withUpdater);
    }

    /**
     * The network of the zip, with its updater state if {@code withUpdater} and the zip has one.
     *
     * @param metadata our metadata of the same file, which DL4J's configuration must agree with (null: not checked)
     * @throws ConfigurationCheck.Inconsistent if the configuration is not the network the metadata describes
     * @throws IOException (with a message saying what is wrong) for anything but a well-formed network
     */
    static MultiLayerNetwork read(ZipFile zip, ModelMetadata metadata, boolean withUpdater) throws IOException {
        String json;
        try (InputStream in = open(zip, ModelSerializer.CONFIGURATION_JSON, MAX_CONFIGURATION_BYTES)) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        // Parsing DL4J's configuration (a third of a second, mostly class loading) needs no ND4J, so it runs on a
        // second thread while this one makes sure ND4J's native code is loaded (over half a second the first time).
        CompletableFuture<MultiLayerConfiguration> parsed = CompletableFuture.supplyAsync(
                () -> MultiLayerConfiguration.fromJson(json));
        Nd4j.getBackend();
        MultiLayerConfiguration conf;
        try {
            conf = parsed.join();
        } catch (CompletionException e) {
            throw new IOException("its DL4J configuration is not a valid network: " + rootMessage(e.getCause()), e);
        }
        if (metadata != null) {
            ConfigurationCheck.check(conf, metadata);
        }
        long parameters = parameterCount(conf);
        INDArray params = readArray(zip, ModelSerializer.COEFFICIENTS_BIN, parameters, "weights");
        if (!Double.isFinite(params.norm1Number().doubleValue())) {
            throw new IOException("its weights contain NaN or infinite values");
        }
        conf.setDataType(params.dataType());
        MultiLayerNetwork network = new MultiLayerNetwork(conf);
        network.init(params.reshape(1, parameters), false);
        if (withUpdater && zip.getEntry(ModelSerializer.UPDATER_BIN) != null) {
            INDArray state = network.getUpdater().getStateViewArray();
            long expected = state == null ? 0 : state.length();
            INDArray updaterState = readArray(zip, ModelSerializer.UPDATER_BIN, expected, "optimizer state");
            if (expected > 0 && !Double.isFinite(updaterState.norm1Number().doubleValue())) {
                throw new IOException("its optimizer state contains NaN or infinite values (resume from an earlier checkpoint)");
            }
            if (expected > 0) {
                network.getUpdater().setStateViewArray(network, updaterState.reshape(1, expected), false);
            }
        }
        return network;
    }

    private static long parameterCount(MultiLayerConfiguration conf) {
        long count = 0;
        for (NeuralNetConfiguration layer : conf.getConfs()) {
            count += layer.getLayer().initializer().numParams(layer);
        }
        return count;
    }

    /**
     * The array entry {@code name} of {@code elements} values, after checking that this JVM's limit allows it and
     * that the entry's compressed bytes can hold it.
     */
    private static INDArray readArray(ZipFile zip, String name, long elements, String what) throws IOException {
        long smallest = elements * Float.BYTES;
        long limit = ModelLimits.maxArrayBytes();
        if (smallest > limit) {
            throw new IOException("its network needs " + elements + " values of " + what + " (" + ModelLimits.describe(smallest)
                    + "), more than the " + ModelLimits.describe(limit) + " one array may take here (raise -D"
                    + ModelLimits.PROPERTY + " or the heap, -Xmx)");
        }
        ZipEntry entry = entry(zip, name);
        long stored = Math.min(entry.getCompressedSize() < 0 ? Long.MAX_VALUE : entry.getCompressedSize(),
                Files.size(Path.of(zip.getName())));
        long holds = entry.getMethod() == ZipEntry.STORED ? stored
                : stored > Long.MAX_VALUE / MAX_DEFLATE_RATIO ? Long.MAX_VALUE : stored * MAX_DEFLATE_RATIO;
        if (holds < smallest) {
            throw new IOException("its " + name + " entry has " + stored + " stored bytes, too few to hold the "
                    + ModelLimits.describe(smallest) + " of " + what + " its network needs");
        }
        long bound = Math.min(elements * Double.BYTES, limit) + ARRAY_HEADER_SLACK;
        try (InputStream in = open(zip, name, bound)) {
            return ArrayEntry.read(in, elements, name, limit);
        }
    }

    /** The entry's stream, failing once more than {@code limit} bytes come out of it. */
    private static InputStream open(ZipFile zip, String name, long limit) throws IOException {
        return new BoundedInput(zip.getInputStream(entry(zip, name)), limit, name);
    }

    private static ZipEntry entry(ZipFile zip, String name) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw new IOException("it lacks DL4J's " + name + " entry");
        }
        return entry;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
