package io.github.charrnn.cli;

/**
 * A request's answer made off the shared batch, and what /metrics counts of it.
 *
 * @param json       the answer's body
 * @param characters the characters generated (after the prime, over all texts) or scored
 */
record JsonAnswer(String json, long characters) {
}
