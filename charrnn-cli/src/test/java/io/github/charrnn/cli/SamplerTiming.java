package io.github.charrnn.cli;

import io.github.charrnn.CharRnn;
import io.github.charrnn.generation.NextCharacterSampler;
import io.github.charrnn.generation.SamplingOptions;
import io.github.charrnn.texts.BundledText;
import io.github.charrnn.vocabulary.Vocabulary;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Times the next-character sampler on the vocabulary of the bundled tang300-zh text (2,579 symbols), against the
 * sampler before issue 16 (an insertion sort of the top k, O(V·k), and a {@code pow} per kept symbol), and a
 * whole single-stream generation on a random-weight 2 × 512 network of that vocabulary. Not a test: run it on a quiet
 * machine.
 * <pre>
 * mvn -o -q install -DskipTests
 * java -cp "charrnn-cli/target/test-classes:charrnn-cli/target/charrnn.jar" io.github.charrnn.cli.SamplerTiming [seconds per case]
 * </pre>
 */
public final class SamplerTiming {

    private SamplerTiming() {
    }

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 1.0;
        Vocabulary vocabulary = Vocabulary.of(BundledText.TANG300_ZH.text());
        int v = vocabulary.size();
        float[] zipf = zipf(v, 1.1, 1);
        System.out.printf(Locale.ROOT, "vocabulary: %,d symbols (tang300-zh); distribution: Zipf, exponent 1.1, shuffled%n", v);
        System.out.println("setting                         before (µs/char)  after (µs/char)");
        String[][] cases = {{"5", "1", "1"}, {"40", "0.8", "1"}, {"0", "1", "1"}, {"0", "0.8", "1"}, {"0", "0.8", "0.9"}, {"40", "0.8", "0.9"}};
        for (String[] c : cases) {
            SamplingOptions options = SamplingOptions.builder().topK(Integer.parseInt(c[0])).temperature(Double.parseDouble(c[1]))
                    .topP(Double.parseDouble(c[2])).seed(1).build();
            NextCharacterSampler after = new NextCharacterSampler(options);
            String before = options.topP() < 1 ? "   (no top-p)" : String.format(Locale.ROOT, "%13.2f",
                    time(seconds, () -> BeforeIssue16.next(zipf, options.topK(), options.temperature(), 0.5)));
            double afterMicros = time(seconds, () -> after.next(zipf));
            System.out.printf(Locale.ROOT, "top-k %-3s T %-4s top-p %-4s   %s  %15.2f%n", c[0], c[1], c[2], before, afterMicros);
        }
        CharRnn model = CharRnn.builder().vocabulary(vocabulary).hiddenSize(512).layers(2).build();
        String prime = BundledText.TANG300_ZH.prime();
        for (int topK : new int[]{1, 0}) {
            SamplingOptions options = SamplingOptions.builder().length(300).topK(topK).temperature(0.8).seed(2).build();
            model.generate(prime, options);   // warm-up
            long start = System.nanoTime();
            int chars = 0;
            while (System.nanoTime() - start < seconds * 3e9) {
                chars += model.generate(prime, options).codePointCount(0, 300);
            }
            System.out.printf(Locale.ROOT, "single-stream generation, 2 x 512 random weights, top-k %d, T 0.8: %,.0f chars/s%n",
                    topK, chars / ((System.nanoTime() - start) / 1e9));
        }
    }

    /** Mean microseconds per call of {@code work}, after a warm-up. */
    private static double time(double seconds, Runnable work) {
        long warm = System.nanoTime();
        while (System.nanoTime() - warm < 3e8) {
            work.run();
        }
        long calls = 0;
        long start = System.nanoTime();
        while (System.nanoTime() - start < seconds * 1e9) {
            for (int i = 0; i < 100; i++) {
                work.run();
            }
            calls += 100;
        }
        return (System.nanoTime() - start) / 1e3 / calls;
    }

    private static float[] zipf(int v, double exponent, long seed) {
        float[] p = new float[v];
        double total = 0;
        for (int i = 0; i < v; i++) {
            total += Math.pow(i + 1, -exponent);
        }
        SplittableRandom random = new SplittableRandom(seed);
        int[] order = new int[v];
        for (int i = 0; i < v; i++) {
            order[i] = i;
        }
        for (int i = v - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        for (int i = 0; i < v; i++) {
            p[order[i]] = (float) (Math.pow(i + 1, -exponent) / total);
        }
        return p;
    }

    /** The sampler as it was before issue 16, for the "before" column. */
    private static final class BeforeIssue16 {
        static int next(float[] probabilities, int topK, double temperature, double u01) {
            int k = topK == 0 ? probabilities.length : Math.min(topK, probabilities.length);
            int[] top = topK(probabilities, k);
            double[] weights = new double[k];
            double total = 0;
            double exponent = 1.0 / temperature;
            for (int i = 0; i < k; i++) {
                weights[i] = exponent == 1.0 ? probabilities[top[i]] : Math.pow(probabilities[top[i]], exponent);
                total += weights[i];
            }
            double u = u01 * total;
            for (int i = 0; i < k; i++) {
                u -= weights[i];
                if (u < 0) {
                    return top[i];
                }
            }
            return top[k - 1];
        }

        static int[] topK(float[] probabilities, int k) {
            int[] top = new int[k];
            int size = 0;
            for (int id = 0; id < probabilities.length; id++) {
                float p = probabilities[id];
                if (size == k && p <= probabilities[top[k - 1]]) {
                    continue;
                }
                int pos = size < k ? size++ : k - 1;
                while (pos > 0 && probabilities[top[pos - 1]] < p) {
                    top[pos] = top[pos - 1];
                    pos--;
                }
                top[pos] = id;
            }
            return top;
        }
    }
}
