package io.github.charrnn.modelfile;

import io.github.charrnn.batching.OneHot;
import io.github.charrnn.model.CellType;
import io.github.charrnn.model.CharRnnConfig;
import io.github.charrnn.model.NetworkFactory;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.dataset.DataSet;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NetworkEntriesTest {

    private static final int VOCABULARY = 5;

    @TempDir
    Path directory;

    @Test
    void readsWhatDl4jWroteWithOrWithoutTheUpdaterState() throws IOException {
        MultiLayerNetwork trained = trainedNetwork();
        Path path = directory.resolve("model.zip");
        ModelSerializer.writeModel(trained, path.toFile(), true);
        try (ZipFile zip = new ZipFile(path.toFile())) {
            MultiLayerNetwork withUpdater = NetworkEntries.read(zip, true);
            assertEquals(trained.getLayerWiseConfigurations(), withUpdater.getLayerWiseConfigurations());
            assertEquals(trained.params(), withUpdater.params());
            assertEquals(trained.getUpdater().getStateViewArray(), withUpdater.getUpdater().getStateViewArray());

            MultiLayerNetwork withoutUpdater = NetworkEntries.read(zip, false);
            assertEquals(trained.params(), withoutUpdater.params());
            assertEquals(0.0, withoutUpdater.getUpdater().getStateViewArray().norm1Number().doubleValue());
        }
        // a zip without the updater's entry gives a network with a fresh updater, even when asked for it
        Path bare = directory.resolve("bare.zip");
        ModelSerializer.writeModel(trained, bare.toFile(), false);
        try (ZipFile zip = new ZipFile(bare.toFile())) {
            MultiLayerNetwork network = NetworkEntries.read(zip, true);
            assertEquals(trained.params(), network.params());
            assertEquals(0.0, network.getUpdater().getStateViewArray().norm1Number().doubleValue());
        }
    }

    @Test
    void aMissingEntryIsNamed() throws IOException {
        Path path = directory.resolve("model.zip");
        ModelSerializer.writeModel(trainedNetwork(), path.toFile(), false);
        Path withoutCoefficients = copyWithout(path, ModelSerializer.COEFFICIENTS_BIN);
        Path withoutConfiguration = copyWithout(path, ModelSerializer.CONFIGURATION_JSON);
        for (Path damaged : new Path[]{withoutCoefficients, withoutConfiguration}) {
            try (ZipFile zip = new ZipFile(damaged.toFile())) {
                IOException e = assertThrows(IOException.class, () -> NetworkEntries.read(zip, true));
                assertTrue(e.getMessage().startsWith("it lacks DL4J's "), e.getMessage());
            }
        }
    }

    @Test
    void weightsThatAreNotFiniteAreRefused() throws IOException {
        MultiLayerNetwork network = trainedNetwork();
        network.params().putScalar(3, Double.NaN);
        Path path = directory.resolve("nan.zip");
        ModelSerializer.writeModel(network, path.toFile(), false);
        try (ZipFile zip = new ZipFile(path.toFile())) {
            IOException e = assertThrows(IOException.class, () -> NetworkEntries.read(zip, false));
            assertTrue(e.getMessage().contains("NaN"), e.getMessage());
        }
    }

    /** The optimizer state is checked like the weights: a checkpoint whose Adam state holds NaN is not resumed from. */
    @Test
    void anOptimizerStateThatIsNotFiniteIsRefusedWhenItIsRead() throws IOException {
        MultiLayerNetwork network = trainedNetwork();
        network.getUpdater().getStateViewArray().putScalar(2, Double.POSITIVE_INFINITY);
        Path path = directory.resolve("nan-state.zip");
        ModelSerializer.writeModel(network, path.toFile(), true);
        try (ZipFile zip = new ZipFile(path.toFile())) {
            IOException e = assertThrows(IOException.class, () -> NetworkEntries.read(zip, true));
            assertTrue(e.getMessage().contains("optimizer state") && e.getMessage().contains("NaN or infinite"), e.getMessage());
            assertEquals(network.params(), NetworkEntries.read(zip, false).params());   // for generation it still opens
        }
    }

    @Test
    void aConfigurationThatIsNotANetworkIsRefused() throws IOException {
        Path path = directory.resolve("model.zip");
        ModelSerializer.writeModel(trainedNetwork(), path.toFile(), false);
        Path bad = copyReplacing(path, ModelSerializer.CONFIGURATION_JSON, "{\"confs\": 3}".getBytes());
        try (ZipFile zip = new ZipFile(bad.toFile())) {
            IOException e = assertThrows(IOException.class, () -> NetworkEntries.read(zip, false));
            assertTrue(e.getMessage().startsWith("its DL4J configuration is not a valid network"), e.getMessage());
        }
        Path huge = copyReplacing(path, ModelSerializer.CONFIGURATION_JSON, new byte[NetworkEntries.MAX_CONFIGURATION_BYTES + 1]);
        try (ZipFile zip = new ZipFile(huge.toFile())) {
            IOException e = assertThrows(IOException.class, () -> NetworkEntries.read(zip, false));
            assertTrue(e.getMessage().contains("larger than"), e.getMessage());
        }
    }

    private static MultiLayerNetwork trainedNetwork() {
        MultiLayerNetwork network = NetworkFactory.create(VOCABULARY, new CharRnnConfig(4, 1, 0, 0.01, 5, 3, 9, CellType.LSTM));
        network.fit(new DataSet(OneHot.sequences(new int[][]{{0, 1, 2}}, VOCABULARY), OneHot.sequences(new int[][]{{1, 2, 3}}, VOCABULARY)));
        assertNotEquals(0.0, network.getUpdater().getStateViewArray().norm1Number().doubleValue());
        return network;
    }

    private Path copyWithout(Path source, String entryName) throws IOException {
        return copyReplacing(source, entryName, null);
    }

    /** A copy of the zip with one entry's bytes replaced, or left out for null. */
    private Path copyReplacing(Path source, String entryName, byte[] bytes) throws IOException {
        Path target = directory.resolve(entryName + (bytes == null ? "-missing" : "-replaced") + ".zip");
        try (ZipFile zip = new ZipFile(source.toFile());
             OutputStream file = Files.newOutputStream(target);
             ZipOutputStream out = new ZipOutputStream(file)) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                if (entry.getName().equals(entryName) && bytes == null) {
                    continue;
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(entry.getName().equals(entryName) ? bytes : zip.getInputStream(entry).readAllBytes());
                out.closeEntry();
            }
        }
        return target;
    }
}
