package io.github.charrnn.generation;

import io.github.charrnn.vocabulary.Vocabulary;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Deterministic beam search over characters: after the prime, every step extends each of the W texts kept (the
 * beam) by every character and keeps the W extensions with the highest summed log-probability. A text that reaches
 * its stop text leaves the beam, finished; the search ends when W texts are finished or all have the length. The
 * finished and the remaining texts are then ranked by mean log-probability per character. Each beam has its own
 * {@link SingleStreamStepper}, and a kept extension takes over its parent's state. Not thread-safe; one search per
 * object.
 */
final class BeamSearch {

    private final StreamWeights weights;
    private final Vocabulary vocabulary;
    private final SamplingOptions options;
    private final int width;

    BeamSearch(StreamWeights weights, Vocabulary vocabulary, SamplingOptions options) {
        this.weights = weights;
        this.vocabulary = vocabulary;
        this.options = options;
        this.width = options.beam();
    }

    /** A text in the beam: its stepper (whose state has read the text), its next-character probabilities. */
    private record Beam(SingleStreamStepper stepper, float[] probabilities, TextInProgress text) {
    }

    /** A kept extension before its stepper has read its last character. */
    private record Pending(SingleStreamStepper stepper, int lastId, TextInProgress text) {
    }

    /** One extension: beam {@code parent} followed by character {@code id}, with the summed log-probability. */
    private record Extension(int parent, int id, double score) {
    }

    /** The {@code count} most likely texts after the prime ids, best first. */
    List<GeneratedText> run(int[] primeIds, int count) {
        SingleStreamStepper first = new SingleStreamStepper(weights);
        float[] probabilities = null;
        for (int id : primeIds) {
            probabilities = first.step(id);
        }
        List<Beam> beams = List.of(new Beam(first, probabilities.clone(), new TextInProgress(options.stopAt(), options.length())));
        List<TextInProgress> finished = new ArrayList<>();
        List<SingleStreamStepper> spare = new ArrayList<>();
        for (int position = 0; position < options.length() && !beams.isEmpty() && finished.size() < width; position++) {
            List<Extension> best = bestExtensions(beams, width - finished.size());
            List<Pending> next = new ArrayList<>(best.size());
            for (Extension extension : best) {
                Beam parent = beams.get(extension.parent());
                TextInProgress text = new TextInProgress(parent.text());
                text.add(vocabulary.codePoint(extension.id()), parent.probabilities()[extension.id()]);
                if (text.done()) {
                    finished.add(text);
                } else if (position + 1 < options.length()) {
                    SingleStreamStepper stepper = spare.isEmpty() ? new SingleStreamStepper(weights) : spare.remove(spare.size() - 1);
                    stepper.copyStateFrom(parent.stepper());
                    next.add(new Pending(stepper, extension.id(), text));
                } else {
                    finished.add(text);
                }
            }
            // the parents' states were copied above; only now may the new beams step on
            for (Beam parent : beams) {
                spare.add(parent.stepper());
            }
            List<Beam> stepped = new ArrayList<>(next.size());
            for (Pending pending : next) {
                stepped.add(new Beam(pending.stepper(), pending.stepper().step(pending.lastId()).clone(), pending.text()));
            }
            beams = stepped;
        }
        List<TextInProgress> all = new ArrayList<>(finished);
        beams.forEach(beam -> all.add(beam.text()));
        return all.stream().map(TextInProgress::toGeneratedText)
                .sorted(Comparator.comparingDouble(GeneratedText::meanLogProbability).reversed())
                .limit(count).toList();
    }

    /** The W best extensions of all beams by summed log-probability, best first (ties: earlier beam, lower id). */
    private List<Extension> bestExtensions(List<Beam> beams, int keep) {
        List<Extension> candidates = new ArrayList<>(beams.size() * keep);
        for (int b = 0; b < beams.size(); b++) {
            Beam beam = beams.get(b);
            int[] top = NextCharacterSampler.topK(beam.probabilities(), Math.min(keep, beam.probabilities().length));
            for (int id : top) {
                candidates.add(new Extension(b, id, beam.text().logProbability() + Math.log(beam.probabilities()[id])));
            }
        }
        candidates.sort(Comparator.comparingDouble(Extension::score).reversed()
                .thenComparingInt(Extension::parent).thenComparingInt(Extension::id));
        return candidates.subList(0, Math.min(keep, candidates.size()));
    }
}
