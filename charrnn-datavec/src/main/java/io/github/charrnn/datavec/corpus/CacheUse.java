package io.github.charrnn.datavec.corpus;

import java.nio.file.Path;

/**
 * How a corpus's ids were found in its cache file.
 *
 * @param file   the cache file the ids are mapped from
 * @param built  true if this read (re)built the file, false if an existing one was reused
 * @param reason why it was built: "no cache yet", "the text changed", "the cache file was damaged (...)" or
 *               "encoded with another vocabulary"; empty when reused
 */
public record CacheUse(Path file, boolean built, String reason) {
}
