/**
 * Novelty of generated text: how long a stretch of the training text a sample repeats word for word
 * ({@link io.github.charrnn.novelty.CopyIndex}), and generation that rejects and redraws samples copying more than
 * a given number of characters ({@link io.github.charrnn.novelty.CopyGuard}).
 */
package io.github.charrnn.novelty;
