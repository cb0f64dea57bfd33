package io.github.charrnn.examples;

import java.util.List;

/**
 * What an example program did: the model it trained and the texts it generated (each with its prime).
 *
 * @param trained the trained and saved model
 * @param texts   the generated texts, in the order they were printed
 */
public record ExampleOutcome(TrainedModel trained, List<String> texts) {
}
