package io.github.charrnn.cli;

import io.github.charrnn.novelty.CopyGuard;

/**
 * {@code serve --max-copy N --corpus CORPUS}: the guard over the corpus, and whether a text copying more than N
 * characters is drawn again ({@code --max-copy-action reject}) or only reported ({@code report}).
 *
 * @param guard  the corpus's index, the limit and the most draws per text
 * @param reject true to draw copying texts again, false to answer them with their longest copy
 */
record ServeCopyGuard(CopyGuard guard, boolean reject) {

    /** The guard that {@code options} describe, or null when they leave it off. */
    static ServeCopyGuard of(CopyGuardOptions options) {
        return options.enabled() ? new ServeCopyGuard(options.guard(), !options.reportOnly()) : null;
    }
}
