package io.github.charrnn.novelty;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Every substring of a corpus, as a suffix automaton over its code points, built once in time linear in the
 * corpus; {@link #longestCopy(CharSequence)} then finds the longest stretch of any text that appears in the corpus
 * in time linear in the text.
 *
 * <p>Memory: at most {@value #BYTES_PER_CHARACTER} bytes per corpus character ({@link #bytesFor(long)}), allocated
 * up front: 2n states of 12 bytes, 3n transitions of 16 bytes, and a hash table of 4n slots of 4 bytes that finds a
 * state's transition by its symbol in expected constant time (a list per state would take time proportional to the
 * alphabet, thousands of symbols in Chinese). A 10 million character corpus takes 880 MB; with the CLI's default
 * 4 GB heap about 35 million characters fit beside a model. {@link #of(CharSequence)} refuses a
 * corpus that cannot fit the heap in one sentence instead of running out of memory.
 *
 * <p>Immutable once built, so safe to share between threads.
 */
public final class CopyIndex {

    /** The most bytes the index takes per corpus character. */
    public static final int BYTES_PER_CHARACTER = 88;

    private static final int NONE = -1;

    /** Code point to symbol id + 1 for the Basic Multilingual Plane (0: not in the corpus). */
    private final char[] bmp = new char[Character.MAX_VALUE + 1];
    private final Map<Integer, Integer> supplementary = new HashMap<>();
    private int symbols;

    private final int[] length;
    private final int[] link;
    private final int[] firstEdge;
    private int states;
    private final int[] edgeSource;
    private final int[] edgeSymbol;
    private final int[] edgeTarget;
    private final int[] nextEdge;
    private int edges;
    /** Open addressing, linear probing: edge index + 1 of the transition whose (source, symbol) hashes here; 0 free. */
    private final int[] slots;
    /** The root's transitions by symbol (it has one for every symbol, so a dense array). */
    private int[] rootNext = new int[64];
    private final int corpusLength;

    private CopyIndex(int corpusCodePoints) {
        int maxStates = 2 * corpusCodePoints + 2;
        int maxEdges = 3 * corpusCodePoints + 4;
        length = new int[maxStates];
        link = new int[maxStates];
        firstEdge = new int[maxStates];
        edgeSource = new int[maxEdges];
        edgeSymbol = new int[maxEdges];
        edgeTarget = new int[maxEdges];
        nextEdge = new int[maxEdges];
        slots = new int[4 * corpusCodePoints + 8];
        corpusLength = corpusCodePoints;
        Arrays.fill(rootNext, NONE);
    }

    /** The bytes an index of a corpus of {@code characters} characters takes at most. */
    public static long bytesFor(long characters) {
        return BYTES_PER_CHARACTER * characters + (1L << 17);
    }

    /**
     * The index of {@code corpus}.
     *
     * @throws IllegalArgumentException if the corpus is empty, or its index cannot fit this JVM's free heap
     */
    public static CopyIndex of(CharSequence corpus) {
        int codePoints = (int) Math.min(Integer.MAX_VALUE, corpus.codePoints().count());
        if (codePoints == 0) {
            throw new IllegalArgumentException("The corpus to check copies against is empty.");
        }
        Runtime runtime = Runtime.getRuntime();
        long available = runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory());
        if (codePoints > (Integer.MAX_VALUE - 8) / 4 || bytesFor(codePoints) > available) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "A copy index of a corpus of %,d characters needs %,d MB of memory (%d bytes a character), more than"
                            + " the %,d MB this JVM has free; use a smaller corpus or give Java more memory (-Xmx).",
                    codePoints, bytesFor(codePoints) >> 20, BYTES_PER_CHARACTER, available >> 20));
        }
        CopyIndex index = new CopyIndex(codePoints);
        index.build(corpus);
        return index;
    }

    /** The corpus's length in code points. */
    public int corpusLength() {
        return corpusLength;
    }

    /** The longest stretch of {@code text} that appears in the corpus, the first such if there are several. */
    public CopySpan longestCopy(CharSequence text) {
        return longestCopy(text, 0);
    }

    /**
     * The longest stretch of {@code text} that appears in the corpus and ends after its first {@code from} code
     * points (so holds at least one code point after them), the first such if there are several. For a prime and
     * what was generated after it: copies that run from the prime into the generated text count whole, the prime
     * alone does not.
     */
    public CopySpan longestCopy(CharSequence text, int from) {
        int state = 0;
        int matched = 0;
        int best = 0;
        int bestEnd = 0;
        int position = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = Character.codePointAt(text, i);
            i += Character.charCount(codePoint);
            int symbol = symbolOf(codePoint);
            if (symbol == NONE) {
                state = 0;
                matched = 0;
            } else {
                while (state != 0 && next(state, symbol) == NONE) {
                    state = link[state];
                    matched = length[state];
                }
                int to = next(state, symbol);
                if (to != NONE) {
                    state = to;
                    matched++;
                }
            }
            position++;
            if (matched > best && position > from) {
                best = matched;
                bestEnd = position;
            }
        }
        if (best == 0) {
            return CopySpan.NONE;
        }
        int start = bestEnd - best;
        String s = text.toString();
        return new CopySpan(start, best, s.substring(s.offsetByCodePoints(0, start), s.offsetByCodePoints(0, bestEnd)));
    }

    private void build(CharSequence corpus) {
        states = 1;
        link[0] = NONE;
        firstEdge[0] = NONE;
        int last = 0;
        for (int i = 0; i < corpus.length(); ) {
            int codePoint = Character.codePointAt(corpus, i);
            i += Character.charCount(codePoint);
            int c = addSymbol(codePoint);
            int current = newState(length[last] + 1);
            int p = last;
            while (p != NONE && next(p, c) == NONE) {
                setNext(p, c, current);
                p = link[p];
            }
            if (p == NONE) {
                link[current] = 0;
            } else {
                int q = next(p, c);
                if (length[p] + 1 == length[q]) {
                    link[current] = q;
                } else {
                    int clone = newState(length[p] + 1);
                    for (int e = firstEdge[q]; e != NONE; e = nextEdge[e]) {
                        setNext(clone, edgeSymbol[e], edgeTarget[e]);
                    }
                    link[clone] = link[q];
                    while (p != NONE && next(p, c) == q) {
                        setNext(p, c, clone);
                        p = link[p];
                    }
                    link[q] = clone;
                    link[current] = clone;
                }
            }
            last = current;
        }
    }

    private int newState(int stateLength) {
        int s = states++;
        length[s] = stateLength;
        firstEdge[s] = NONE;
        return s;
    }

    private int next(int state, int symbol) {
        if (state == 0) {
            return rootNext[symbol];
        }
        int e = slots[slot(state, symbol)] - 1;
        return e < 0 ? NONE : edgeTarget[e];
    }

    private void setNext(int state, int symbol, int target) {
        if (state == 0) {
            rootNext[symbol] = target;
            return;
        }
        int slot = slot(state, symbol);
        if (slots[slot] != 0) {
            edgeTarget[slots[slot] - 1] = target;
        } else {
            slots[slot] = addEdge(state, symbol, target) + 1;
        }
    }

    /** A new transition, also listed with its source's, for copying them to a clone. */
    private int addEdge(int state, int symbol, int target) {
        int e = edges++;
        edgeSource[e] = state;
        edgeSymbol[e] = symbol;
        edgeTarget[e] = target;
        nextEdge[e] = firstEdge[state];
        firstEdge[state] = e;
        return e;
    }

    /** The slot holding (state, symbol)'s transition, or the free slot where it belongs. */
    private int slot(int state, int symbol) {
        long hash = (((long) state << 32) | symbol) * 0x9E3779B97F4A7C15L;
        int slot = (int) (((hash >>> 32) * slots.length) >>> 32);
        while (true) {
            int e = slots[slot] - 1;
            if (e < 0 || edgeSource[e] == state && edgeSymbol[e] == symbol) {
                return slot;
            }
            slot = slot + 1 == slots.length ? 0 : slot + 1;
        }
    }

    private int addSymbol(int codePoint) {
        int known = symbolOf(codePoint);
        if (known != NONE) {
            return known;
        }
        int id = symbols++;
        if (codePoint <= Character.MAX_VALUE && id < Character.MAX_VALUE) {
            bmp[codePoint] = (char) (id + 1);
        } else {
            supplementary.put(codePoint, id);
        }
        if (id >= rootNext.length) {
            int old = rootNext.length;
            rootNext = Arrays.copyOf(rootNext, old * 2);
            Arrays.fill(rootNext, old, rootNext.length, NONE);
        }
        return id;
    }

    private int symbolOf(int codePoint) {
        if (codePoint <= Character.MAX_VALUE && bmp[codePoint] != 0) {
            return bmp[codePoint] - 1;
        }
        Integer id = supplementary.get(codePoint);
        return id == null ? NONE : id;
    }
}
