package io.github.charrnn.datavec.corpus;

/**
 * What goes between the files of a folder corpus: the chosen separator after every file, or by default a
 * newline after each file that does not end with one. A one-file corpus gets nothing added.
 */
final class FileJoiner {

    private static final int[] NOTHING = {};
    private static final int[] NEWLINE = {'\n'};

    private final int[] separator;
    private final boolean severalFiles;

    /** @param separator null for the default (a newline where missing) */
    FileJoiner(String separator, boolean severalFiles) {
        this.separator = separator == null ? null : separator.codePoints().toArray();
        this.severalFiles = severalFiles;
    }

    /** The code points to add after a file whose last code point is {@code lastCodePoint} (-1: empty file). */
    int[] after(int lastCodePoint) {
        if (!severalFiles) {
            return NOTHING;
        }
        if (separator != null) {
            return separator;
        }
        return lastCodePoint == -1 || lastCodePoint == '\n' ? NOTHING : NEWLINE;
    }
}
