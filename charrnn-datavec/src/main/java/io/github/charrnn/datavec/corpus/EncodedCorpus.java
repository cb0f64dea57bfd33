package io.github.charrnn.datavec.corpus;

import io.github.charrnn.vocabulary.Vocabulary;

/**
 * A corpus's ids as read: the vocabulary they index, the ids, how many characters each file gave (its separator
 * included), and how the cache was used (null when the ids are held in memory).
 */
record EncodedCorpus(Vocabulary vocabulary, EncodedText ids, long[] characters, CacheUse cache) {
}
