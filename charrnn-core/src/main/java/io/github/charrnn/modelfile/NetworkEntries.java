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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Reads DL4J's entries of a model zip — configuration.json, coefficients.bin and, if wanted, updaterState.bin —
 * and nothing else, with every read bounded: the configuration to {@value #MAX_CONFIGURATION_BYTES} bytes, each
 * array to the size the configuration implies, whatever the zip declares (a zip bomb stops at the bound). Arrays
 * are parsed in Java ({@link ArrayEntry}), so nothing of the file's shape information reaches ND4J's native code. DL4J's own
 * {@code ModelSerializer} instead inflates every entry whole and Java-deserializes a {@code preprocessor.bin} if
 * there is one; this reader never does either.
 */
final class NetworkEntries {

    static final int MAX_CONFIGURATION_BYTES = 16 << 20;
    private static final int ARRAY_HEADER_SLACK = 4096;

    private NetworkEntries() {
    }

    /**
     * The network of the zip, with its updater state if {@code withUpdater} and the zip has one.
     *
     * @throws IOException (with a message saying what is wrong) for anything but a well-formed network
     */
    static MultiLayerNetwork read(ZipFile zip, boolean withUpdater) throws IOException {
        String json = new String(readBounded(zip, ModelSerializer.CONFIGURATION_JSON, MAX_CONFIGURATION_BYTES),
                StandardCharsets.UTF_8);
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
        long parameters = parameterCount(conf);
        byte[] coefficients = readBounded(zip, ModelSerializer.COEFFICIENTS_BIN, arrayBound(parameters));
        INDArray params = ArrayEntry.read(coefficients, parameters, ModelSerializer.COEFFICIENTS_BIN);
        if (!Double.isFinite(params.norm1Number().doubleValue())) {
            throw new IOException("its weights contain NaN or infinite values");
        }
        conf.setDataType(params.dataType());
        MultiLayerNetwork network = new MultiLayerNetwork(conf);
        network.init(params.reshape(1, parameters), false);
        if (withUpdater && zip.getEntry(ModelSerializer.UPDATER_BIN) != null) {
            INDArray state = network.getUpdater().getStateViewArray();
            long expected = state == null ? 0 : state.length();
            byte[] bytes = readBounded(zip, ModelSerializer.UPDATER_BIN, arrayBound(expected));
            INDArray updaterState = ArrayEntry.read(bytes, expected, ModelSerializer.UPDATER_BIN);
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

    /** At most {@code limit} bytes of the entry; more means the entry is not what it should be. */
    private static byte[] readBounded(ZipFile zip, String name, long limit) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw new IOException("it lacks DL4J's " + name + " entry");
        }
        int cap = (int) Math.min(limit, Integer.MAX_VALUE - 9);
        try (InputStream in = zip.getInputStream(entry)) {
            byte[] bytes = in.readNBytes(cap + 1);
            if (bytes.length > cap) {
                throw new IOException("its " + name + " entry is larger than such a network can need (" + cap + " bytes)");
            }
            return bytes;
        }
    }

    private static long arrayBound(long elements) {
        return elements * Double.BYTES + ARRAY_HEADER_SLACK;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
