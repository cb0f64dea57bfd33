package io.github.charrnn.generation;

import java.util.ArrayList;
import java.util.List;

/** Best-of-N: the most likely text of each group of N candidates. */
final class BestOf {

    private BestOf() {
    }

    /**
     * From consecutive groups of {@code n} candidates, the one of each with the highest mean log-probability per
     * character (the first of equals; an empty text, which has none, only if all of its group are empty).
     */
    static List<GeneratedText> choose(List<GeneratedText> candidates, int n) {
        if (candidates.size() % n != 0) {
            throw new IllegalArgumentException(candidates.size() + " candidates do not split into groups of " + n + ".");
        }
        List<GeneratedText> chosen = new ArrayList<>(candidates.size() / n);
        for (int group = 0; group < candidates.size(); group += n) {
            GeneratedText best = candidates.get(group);
            for (int i = group + 1; i < group + n; i++) {
                GeneratedText candidate = candidates.get(i);
                if (candidate.meanLogProbability() > best.meanLogProbability() || Double.isNaN(best.meanLogProbability())) {
                    best = candidate;
                }
            }
            chosen.add(best);
        }
        return chosen;
    }
}
