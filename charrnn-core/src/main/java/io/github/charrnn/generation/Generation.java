package io.github.charrnn.generation;

import java.util.List;

/**
 * The answer to one generation request. Immutable.
 *
 * @param prime             the prime as the model read it: without skipped unknown characters, with replaced ones
 * @param unknownCharacters how many prime characters were unknown to the model (skipped or replaced)
 * @param texts             the generated texts, each without the prime
 */
public record Generation(String prime, int unknownCharacters, List<GeneratedText> texts) {

    /** Copies the list. */
    public Generation {
        texts = List.copyOf(texts);
    }

    /** The texts alone. */
    public List<String> strings() {
        return texts.stream().map(GeneratedText::text).toList();
    }
}
