package io.github.charrnn.generation;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Picks the next symbol id from a probability distribution: greedy (argmax), or sampling with a temperature among
 * the top-k and then the top-p (nucleus) of the characters, in that order (the order of most text generators).
 * Ties go to the lower id, so top-k 1 picks exactly what greedy picks. Not thread-safe: one sampler per generation.
 *
 * <p>Cost per character, for a vocabulary of V symbols: top-k by a heap of k entries, O(V log k) at worst and
 * O(V) plus a few heap updates on most distributions (a symbol no more likely than the heap's smallest is passed by
 * one float comparison); the temperature, p^(1/T), for the kept symbols only, read from a {@link PowerTable} rather
 * than by a {@code pow} per symbol; top-p over all symbols by a heap from which the most likely are taken until
 * their mass reaches p, O(V + n log V) for a nucleus of n symbols. Sampling among all symbols without top-p walks
 * them in id order, without sorting.
 */
public final class NextCharacterSampler {

    private final SamplingOptions options;
    private final SplittableRandom random;
    // scratch arrays, sized to the vocabulary at the first call
    private long[] keys = new long[0];
    private int[] keptIds = new int[0];
    private double[] keptWeights = new double[0];
    private int kept;
    private double keptTotal;
    private PowerTable powers;   // p^(1/T), made at the first tempered call

    /** A sampler whose random numbers start from {@code options.seed()}. */
    public NextCharacterSampler(SamplingOptions options) {
        this.options = options;
        this.random = new SplittableRandom(options.seed());
    }

    /** The id of the next character given the model's probabilities (need not sum to exactly 1). */
    public int next(float[] probabilities) {
        if (options.greedy() || options.topK() == 1) {
            return argmax(probabilities);
        }
        select(probabilities);
        if (!(keptTotal > 0)) {
            return keptIds[0];
        }
        double u = random.nextDouble() * keptTotal;
        for (int i = 0; i < kept; i++) {
            u -= keptWeights[i];
            if (u < 0) {
                return keptIds[i];
            }
        }
        return keptIds[kept - 1];
    }

    /**
     * The ids {@link #next} samples among (greedy: the argmax alone): the top-k, most likely first, cut to the
     * nucleus if top-p is below 1; all ids in id order when neither cuts.
     */
    int[] keptIds(float[] probabilities) {
        if (options.greedy() || options.topK() == 1) {
            return new int[]{argmax(probabilities)};
        }
        select(probabilities);
        return Arrays.copyOf(keptIds, kept);
    }

    /** Fills keptIds, keptWeights (tempered, unnormalised), kept and keptTotal. */
    private void select(float[] probabilities) {
        int v = probabilities.length;
        if (keptIds.length < v) {
            keys = new long[v];
            keptIds = new int[v];
            keptWeights = new double[v];
        }
        int k = options.topK() == 0 ? v : Math.min(options.topK(), v);
        boolean nucleus = options.topP() < 1;
        if (k < v) {
            kept = topK(probabilities, k, keys, keptIds);
            weigh(probabilities, probabilities[keptIds[0]]);
            if (nucleus) {
                cutToNucleus();
            }
        } else if (!nucleus) {
            kept = v;
            for (int id = 0; id < v; id++) {
                keptIds[id] = id;
            }
            weigh(probabilities, probabilities[argmax(probabilities)]);
        } else {
            nucleusOfAll(probabilities);
        }
    }

    /** keptWeights[i] = (p / pMax)^(1/T) of the kept ids (pMax: the largest probability, whose weight is 1). */
    private void weigh(float[] probabilities, float pMax) {
        Tempering tempering = tempering(pMax);
        double total = 0;
        for (int i = 0; i < kept; i++) {
            keptWeights[i] = tempering.weight(probabilities[keptIds[i]]);
            total += keptWeights[i];
        }
        keptTotal = total;
    }

    /** How p becomes its weight (p / pMax)^(1/T) for one distribution. */
    private interface Tempering {
        double weight(float p);
    }

    /**
     * p itself at temperature 1; else the table's p^(1/T) / pMax^(1/T) where pMax^(1/T) is a normal number, and
     * exp(log(p / pMax) / T) where it under- or overflows (extreme temperatures).
     */
    private Tempering tempering(float pMax) {
        double inverseTemperature = 1.0 / options.temperature();
        if (inverseTemperature == 1.0 || !(pMax > 0)) {
            return p -> p;
        }
        if (powers == null) {
            powers = PowerTable.of(inverseTemperature);
        }
        PowerTable table = powers;
        double max = table.pow(pMax);
        if (max >= Double.MIN_NORMAL && max < Double.POSITIVE_INFINITY) {
            double scale = 1 / max;
            return p -> table.pow(p) * scale;
        }
        double logMax = Math.log(pMax);
        return p -> Math.exp((Math.log(p) - logMax) * inverseTemperature);
    }

    /** Keeps the shortest prefix of the kept ids (most likely first) whose weight reaches top-p of their total. */
    private void cutToNucleus() {
        double target = options.topP() * keptTotal;
        double sum = 0;
        for (int i = 0; i < kept; i++) {
            sum += keptWeights[i];
            if (sum >= target) {
                kept = i + 1;
                keptTotal = sum;
                return;
            }
        }
    }

    /** Top-p among all ids: the most likely taken from a max-heap until their weight reaches top-p of the total. */
    private void nucleusOfAll(float[] probabilities) {
        int v = probabilities.length;
        Tempering tempering = tempering(probabilities[argmax(probabilities)]);
        double total = 0;
        for (int id = 0; id < v; id++) {
            total += tempering.weight(probabilities[id]);
            keys[id] = key(probabilities[id], id);
        }
        for (int i = v / 2 - 1; i >= 0; i--) {
            siftDownMax(keys, i, v);
        }
        double target = options.topP() * total;
        double sum = 0;
        int size = v;
        kept = 0;
        while (size > 0) {
            long top = keys[0];
            keys[0] = keys[--size];
            siftDownMax(keys, 0, size);
            int id = idOf(top);
            double w = tempering.weight(probabilities[id]);
            keptIds[kept] = id;
            keptWeights[kept++] = w;
            sum += w;
            if (sum >= target) {
                break;
            }
        }
        keptTotal = sum;
    }

    static int argmax(float[] probabilities) {
        int best = 0;
        for (int i = 1; i < probabilities.length; i++) {
            if (probabilities[i] > probabilities[best]) {
                best = i;
            }
        }
        return best;
    }

    /** Ids of the k largest probabilities, largest first, ties to the lower id. */
    static int[] topK(float[] probabilities, int k) {
        int[] top = new int[k];
        topK(probabilities, k, new long[k], top);
        return top;
    }

    /**
     * Writes the ids of the k largest probabilities into {@code top}, largest first, ties to the lower id, by a
     * min-heap of k keys in {@code heap}; returns k.
     */
    private static int topK(float[] probabilities, int k, long[] heap, int[] top) {
        for (int id = 0; id < k; id++) {
            heap[id] = key(probabilities[id], id);
        }
        for (int i = k / 2 - 1; i >= 0; i--) {
            siftDownMin(heap, i, k);
        }
        float smallest = probabilityOf(heap[0]);
        for (int id = k; id < probabilities.length; id++) {
            // ids come in increasing order, so one as likely as the heap's smallest ranks below it
            if (probabilities[id] > smallest) {
                heap[0] = key(probabilities[id], id);
                siftDownMin(heap, 0, k);
                smallest = probabilityOf(heap[0]);
            }
        }
        Arrays.sort(heap, 0, k);
        for (int i = 0; i < k; i++) {
            top[i] = idOf(heap[k - 1 - i]);
        }
        return k;
    }

    /**
     * A long that orders (probability, id) pairs as sampling ranks them: a higher probability first, then the lower
     * id. A non-negative float's bits order as the float does; the low half holds the complement of the id.
     */
    private static long key(float probability, int id) {
        return ((long) Float.floatToRawIntBits(Math.max(probability, 0f)) << 32) | (0xFFFFFFFFL - id);
    }

    private static float probabilityOf(long key) {
        return Float.intBitsToFloat((int) (key >>> 32));
    }

    private static int idOf(long key) {
        return (int) (0xFFFFFFFFL - (key & 0xFFFFFFFFL));
    }

    private static void siftDownMin(long[] heap, int i, int size) {
        long value = heap[i];
        while (true) {
            int child = 2 * i + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && heap[child + 1] < heap[child]) {
                child++;
            }
            if (heap[child] >= value) {
                break;
            }
            heap[i] = heap[child];
            i = child;
        }
        heap[i] = value;
    }

    private static void siftDownMax(long[] heap, int i, int size) {
        long value = heap[i];
        while (true) {
            int child = 2 * i + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && heap[child + 1] > heap[child]) {
                child++;
            }
            if (heap[child] <= value) {
                break;
            }
            heap[i] = heap[child];
            i = child;
        }
        heap[i] = value;
    }
}
