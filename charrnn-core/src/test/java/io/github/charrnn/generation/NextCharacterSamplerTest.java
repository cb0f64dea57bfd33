package io.github.charrnn.generation;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NextCharacterSamplerTest {

    private static final float[] PROBABILITIES = {0.05f, 0.30f, 0.10f, 0.25f, 0.30f};
    private static final int DRAWS = 20_000;

    @Test
    void greedyPicksTheMostLikelyIdAndTiesGoToTheLowerId() {
        NextCharacterSampler greedy = sampler(options().greedy(true).topK(3).temperature(5));
        for (int i = 0; i < 100; i++) {
            assertEquals(1, greedy.next(PROBABILITIES));   // 1 and 4 tie at 0.30
        }
        assertEquals(2, greedy.next(new float[]{0.1f, 0.2f, 0.7f}));
    }

    @Test
    void topKOnePicksWhatGreedyPicks() {
        NextCharacterSampler topOne = sampler(options().topK(1).temperature(3));
        for (int i = 0; i < 100; i++) {
            assertEquals(1, topOne.next(PROBABILITIES));
        }
    }

    @Test
    void topKSamplesOnlyAmongTheKMostLikelyIds() {
        int[] counts = draw(sampler(options().topK(3)), PROBABILITIES);
        // the three most likely: 1 (0.30), 4 (0.30), 3 (0.25); 0 and 2 never
        assertEquals(0, counts[0]);
        assertEquals(0, counts[2]);
        // renormalised among them: 0.30/0.85, 0.30/0.85, 0.25/0.85
        assertEquals(0.30 / 0.85, counts[1] / (double) DRAWS, 0.02);
        assertEquals(0.30 / 0.85, counts[4] / (double) DRAWS, 0.02);
        assertEquals(0.25 / 0.85, counts[3] / (double) DRAWS, 0.02);
    }

    @Test
    void topKCutsTiesAtTheBoundaryToTheLowerId() {
        int[] counts = draw(sampler(options().topK(2)), new float[]{0.2f, 0.2f, 0.2f, 0.2f, 0.2f});
        assertTrue(counts[0] > 0 && counts[1] > 0);
        assertEquals(DRAWS, counts[0] + counts[1]);
    }

    @Test
    void topKZeroOrLargerThanTheVocabularySamplesAmongAllInProportion() {
        float[] unnormalised = {1, 2, 3, 4};   // need not sum to 1
        for (int k : new int[]{0, 4, 50}) {
            int[] counts = draw(sampler(options().topK(k)), unnormalised);
            for (int id = 0; id < unnormalised.length; id++) {
                assertEquals(unnormalised[id] / 10.0, counts[id] / (double) DRAWS, 0.02, "top-k " + k + ", id " + id);
            }
        }
    }

    @Test
    void temperatureRaisesProbabilitiesToItsInverse() {
        float[] probabilities = {0.25f, 0.75f};
        // T = 0.5: weights p^2 = 1/16 and 9/16, so 0.1 and 0.9
        int[] sharp = draw(sampler(options().topK(0).temperature(0.5)), probabilities);
        assertEquals(0.1, sharp[0] / (double) DRAWS, 0.015);
        // T = 2: weights sqrt(p) = 0.5 and 0.866, so 0.366 and 0.634
        int[] flat = draw(sampler(options().topK(0).temperature(2)), probabilities);
        assertEquals(0.5 / (0.5 + Math.sqrt(0.75)), flat[0] / (double) DRAWS, 0.015);
    }

    @Test
    void aTemperatureNearZeroPicksTheArgmax() {
        float[] probabilities = {0.2f, 0.35f, 0.45f};
        for (double temperature : new double[]{1e-2, 1e-3, 1e-9}) {
            int[] counts = draw(sampler(options().topK(0).temperature(temperature)), probabilities);
            assertEquals(DRAWS, counts[2], "temperature " + temperature);
        }
    }

    @Test
    void weightsThatSumToZeroFallBackToTheMostLikelyId() {
        NextCharacterSampler sampler = sampler(options().topK(0));
        assertEquals(0, sampler.next(new float[]{0, 0, 0}));
        // (1e-30)^(1/0.01) underflows to 0 in double: the most likely id, not the last of the top k
        assertEquals(1, sampler(options().topK(2).temperature(0.01)).next(new float[]{0, 1e-30f, 0}));
    }

    @Test
    void theSameSeedDrawsTheSameIdsAndAnotherSeedOthers() {
        int[] first = sequence(sampler(options().topK(0).seed(42)));
        int[] again = sequence(sampler(options().topK(0).seed(42)));
        int[] other = sequence(sampler(options().topK(0).seed(43)));
        assertArrayEquals(first, again);
        assertNotEquals(Arrays.toString(first), Arrays.toString(other));
        Set<Integer> seen = new HashSet<>();
        for (int id : first) {
            seen.add(id);
        }
        assertEquals(5, seen.size());
    }

    @Test
    void topKListsTheLargestFirstWithTiesToTheLowerId() {
        assertArrayEquals(new int[]{1, 4, 3}, NextCharacterSampler.topK(PROBABILITIES, 3));
        assertArrayEquals(new int[]{1, 4, 3, 2, 0}, NextCharacterSampler.topK(PROBABILITIES, 5));
        assertArrayEquals(new int[]{4, 3, 2, 1, 0}, NextCharacterSampler.topK(new float[]{1, 2, 3, 4, 5}, 5));
        assertArrayEquals(new int[]{0, 1}, NextCharacterSampler.topK(new float[]{7, 7, 7}, 2));
        assertEquals(1, NextCharacterSampler.argmax(PROBABILITIES));
        assertEquals(0, NextCharacterSampler.argmax(new float[]{3}));
    }

    private static int[] sequence(NextCharacterSampler sampler) {
        int[] ids = new int[200];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = sampler.next(PROBABILITIES);
        }
        return ids;
    }

    private static int[] draw(NextCharacterSampler sampler, float[] probabilities) {
        int[] counts = new int[probabilities.length];
        for (int i = 0; i < DRAWS; i++) {
            counts[sampler.next(probabilities)]++;
        }
        return counts;
    }

    private static SamplingOptions.Builder options() {
        return SamplingOptions.builder().seed(7);
    }

    private static NextCharacterSampler sampler(SamplingOptions.Builder options) {
        return new NextCharacterSampler(options.build());
    }

    @Test
    void theKeptSetIsTheDirectComputationsOnKnownDistributions() {
        float[] p = {0.05f, 0.30f, 0.10f, 0.25f, 0.30f};
        // sorted: 1 (.30), 4 (.30), 3 (.25), 2 (.10), 0 (.05); cumulative .30 .60 .85 .95 1
        assertArrayEquals(new int[]{1}, kept(p, 0, 0.3, 1));
        assertArrayEquals(new int[]{1, 4}, kept(p, 0, 0.31, 1));
        assertArrayEquals(new int[]{1, 4, 3}, kept(p, 0, 0.85, 1));
        assertArrayEquals(new int[]{1, 4, 3, 2}, kept(p, 0, 0.9, 1));
        assertArrayEquals(new int[]{0, 1, 2, 3, 4}, kept(p, 0, 1, 1));   // neither cuts: id order
        // top-k first, then top-p of what is left (renormalised): of .30 .30 .25 (sum .85), two hold .706
        assertArrayEquals(new int[]{1, 4}, kept(p, 3, 0.7, 1));
        assertArrayEquals(new int[]{1, 4, 3}, kept(p, 3, 0.71, 1));
        // temperature 0.5 squares: .09 .09 .0625 .01 .0025 (sum .255): .18/.255 = .706 < .75 <= .2425/.255
        assertArrayEquals(new int[]{1, 4}, kept(p, 0, 0.70, 0.5));
        assertArrayEquals(new int[]{1, 4, 3}, kept(p, 0, 0.75, 0.5));
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        for (int trial = 0; trial < 300; trial++) {
            int v = 1 + random.nextInt(40);
            float[] q = new float[v];
            for (int i = 0; i < v; i++) {
                q[i] = random.nextInt(4) == 0 ? (float) random.nextInt(5) / 10 : (float) random.nextDouble();   // some ties
            }
            int k = random.nextInt(v + 1);
            double topP = random.nextInt(5) == 0 ? 1 : 0.05 + 0.95 * random.nextDouble();
            double temperature = random.nextBoolean() ? 1 : 0.2 + 2 * random.nextDouble();
            assertArrayEquals(direct(q, k, topP, temperature), kept(q, k, topP, temperature),
                    "trial " + trial + ": " + Arrays.toString(q) + " k " + k + " p " + topP + " T " + temperature);
        }
    }

    @Test
    void topPSamplesOnlyInTheNucleusInProportion() {
        int[] counts = draw(sampler(options().topK(0).topP(0.6)), PROBABILITIES);
        assertEquals(0, counts[0] + counts[2] + counts[3]);
        assertEquals(0.5, counts[1] / (double) DRAWS, 0.02);
        assertEquals(0.5, counts[4] / (double) DRAWS, 0.02);
    }

    @Test
    void topKOnALargeVocabularyMatchesASort() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        float[] p = new float[2579];
        for (int i = 0; i < p.length; i++) {
            p[i] = (float) Math.pow(random.nextDouble(), 8);
        }
        assertArrayEquals(direct(p, 40, 1, 1), NextCharacterSampler.topK(p, 40));
    }

    /** The kept set by the definition: sort by (p desc, id asc), take k, temper, renormalise, shortest prefix >= p. */
    private static int[] direct(float[] p, int k, double topP, double temperature) {
        Integer[] order = new Integer[p.length];
        for (int i = 0; i < p.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> p[a] != p[b] ? Float.compare(p[b], p[a]) : Integer.compare(a, b));
        int keep = k == 0 ? p.length : k;
        if (keep == p.length && topP >= 1) {
            int[] all = new int[p.length];
            Arrays.setAll(all, i -> i);
            return all;
        }
        double[] w = new double[keep];
        double total = 0;
        for (int i = 0; i < keep; i++) {
            w[i] = Math.pow(p[order[i]], 1 / temperature);
            total += w[i];
        }
        int n = keep;
        if (topP < 1) {
            double sum = 0;
            for (int i = 0; i < keep; i++) {
                sum += w[i];
                if (sum >= topP * total * (1 - 1e-12)) {
                    n = i + 1;
                    break;
                }
            }
        }
        int[] ids = new int[n];
        for (int i = 0; i < n; i++) {
            ids[i] = order[i];
        }
        return ids;
    }

    private static int[] kept(float[] p, int k, double topP, double temperature) {
        return sampler(options().topK(k).topP(topP).temperature(temperature)).keptIds(p);
    }
}
