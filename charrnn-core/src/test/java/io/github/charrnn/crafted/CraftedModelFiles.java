package io.github.charrnn.crafted;

import io.github.charrnn.CharRnn;
import io.github.charrnn.model.CharRnnConfig;
import io.github.charrnn.model.NetworkFactory;
import io.github.charrnn.modelfile.ModelFile;
import io.github.charrnn.modelfile.ModelFileException;
import io.github.charrnn.modelfile.ModelMetadata;
import io.github.charrnn.vocabulary.Vocabulary;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipFile;

/**
 * Run in a child JVM with a small heap by {@link CraftedModelFilesTest}: writes hostile model files (zip bombs behind
 * honest-looking metadata, sizes claimed far beyond the data, configurations that disagree with the metadata),
 * loads each, and prints one line per file: its case, a tab, and what loading threw with its message; last the
 * process's peak resident memory.
 */
public final class CraftedModelFiles {

    /** The zeros deflated into a bomb entry: 2.2 GB (2,200 MiB), as in the report that found the hole. */
    static final int BOMB_MEBIBYTES = 2200;

    private CraftedModelFiles() {
    }

    public static void main(String[] args) throws IOException {
        Path directory = Path.of(args[0]);
        CharRnn tiny = CharRnn.builder().vocabulary(Vocabulary.of("abcde")).hiddenSize(4).layers(1).seed(2).build();
        Path valid = directory.resolve("valid.zip");
        tiny.save(valid);
        ModelMetadata metadata = ModelFile.readMetadata(valid);
        byte[] json = entry(valid, "charrnn.json");
        byte[] coefficients = entry(valid, "coefficients.bin");
        byte[] updater = entry(valid, "updaterState.bin");
        byte[] configuration = entry(valid, "configuration.json");
        CharRnnConfig config = metadata.config();

        Map<String, HandWrittenZip.Contents> cases = new LinkedHashMap<>();
        cases.put("inputs claimed by the configuration", zip -> {
            MultiLayerConfiguration claimed = NetworkFactory.configuration(5, config);
            ((FeedForwardLayer) claimed.getConf(0).getLayer()).setNIn(100_000_000);
            zip.add("configuration.json", claimed.toJson().getBytes(StandardCharsets.UTF_8));
            zip.addZeros("coefficients.bin", new byte[0], BOMB_MEBIBYTES);
            zip.add("charrnn.json", json);
        });
        cases.put("hidden size claimed by both", zip -> {
            CharRnnConfig huge = withHidden(config, 100_000);
            zip.add("configuration.json", NetworkFactory.configuration(5, huge).toJson().getBytes(StandardCharsets.UTF_8));
            zip.addZeros("coefficients.bin", new byte[0], BOMB_MEBIBYTES);
            zip.add("charrnn.json", metadataJson(metadata, huge));
        });
        cases.put("sizes far beyond the data", zip -> {
            CharRnnConfig big = withHidden(config, 2_000);
            zip.add("configuration.json", NetworkFactory.configuration(5, big).toJson().getBytes(StandardCharsets.UTF_8));
            zip.add("coefficients.bin", coefficients);
            zip.add("charrnn.json", metadataJson(metadata, big));
        });
        cases.put("layers disagreeing with the metadata", zip -> {
            CharRnnConfig deeper = new CharRnnConfig(config.hiddenSize(), 3, config.dropout(), config.learningRate(),
                    config.gradientClip(), config.sequenceLength(), config.seed(), config.cellType(), config.input(),
                    config.embeddingSize());
            zip.add("configuration.json", NetworkFactory.configuration(5, deeper).toJson().getBytes(StandardCharsets.UTF_8));
            zip.addZeros("coefficients.bin", new byte[0], BOMB_MEBIBYTES);
            zip.add("charrnn.json", json);
        });
        cases.put("zeros after the real weights", zip -> {
            zip.add("configuration.json", configuration);
            zip.addZeros("coefficients.bin", coefficients, BOMB_MEBIBYTES);
            zip.add("charrnn.json", json);
        });
        cases.put("zeros after the real optimizer state", zip -> {
            zip.add("configuration.json", configuration);
            zip.add("coefficients.bin", coefficients);
            zip.addZeros("updaterState.bin", updater, BOMB_MEBIBYTES);
            zip.add("charrnn.json", json);
        });
        cases.put("zeros for weights", zip -> {
            zip.add("configuration.json", configuration);
            zip.addZeros("coefficients.bin", new byte[0], BOMB_MEBIBYTES);
            zip.add("charrnn.json", json);
        });

        int index = 0;
        for (Map.Entry<String, HandWrittenZip.Contents> c : cases.entrySet()) {
            Path path = directory.resolve("crafted-" + index++ + ".zip");
            HandWrittenZip.write(path, c.getValue());
            System.out.println(c.getKey() + "\t" + Files.size(path) + "\t" + outcome(path));
        }
        System.out.println("peak resident kB\t" + peakResidentKilobytes());
    }

    private static String outcome(Path path) {
        try {
            CharRnn.load(path);
            return "LOADED";
        } catch (ModelFileException e) {
            return "ModelFileException\t" + e.getMessage().replace("\n", "\\n");
        } catch (Throwable e) {
            return e.getClass().getName() + "\t" + String.valueOf(e.getMessage()).replace("\n", "\\n");
        }
    }

    private static CharRnnConfig withHidden(CharRnnConfig c, int hidden) {
        return new CharRnnConfig(hidden, c.layers(), c.dropout(), c.learningRate(), c.gradientClip(), c.sequenceLength(),
                c.seed(), c.cellType(), c.input(), c.embeddingSize());
    }

    private static byte[] metadataJson(ModelMetadata m, CharRnnConfig config) {
        ModelMetadata claimed = new ModelMetadata(m.formatVersion(), m.vocabulary(), config, m.training(), m.provenance(),
                m.position());
        return ModelFile.toJson(claimed).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] entry(Path zipPath, String name) throws IOException {
        try (ZipFile zip = new ZipFile(zipPath.toFile())) {
            return zip.getInputStream(zip.getEntry(name)).readAllBytes();
        }
    }

    /** VmHWM of /proc/self/status, or -1 where there is none. */
    private static long peakResidentKilobytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // not Linux
        }
        return -1;
    }
}
