package io.github.charrnn.modelfile;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * An entry's stream that fails as soon as more than {@code limit} bytes come out of it, so a reader parsing the
 * entry as it streams never holds more than the limit, whatever the zip declares.
 */
final class BoundedInput extends FilterInputStream {

    private final long limit;
    private final String name;
    private long read;

    /**
     * @param name the entry's name, for the message
     */
    BoundedInput(InputStream in, long limit, String name) {
        super(in);
        this.limit = limit;
        this.name = name;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, (int) Math.min(len, limit - read + 1));
        if (n > 0) {
            count(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(Math.min(n, limit - read + 1));
        count(skipped);
        return skipped;
    }

    private void count(long n) throws IOException {
        read += n;
        if (read > limit) {
            throw new TooLarge("its " + name + " entry is larger than such a network can need (" + limit + " bytes)");
        }
    }

    /** More bytes came out of the entry than its limit. */
    static final class TooLarge extends IOException {
        TooLarge(String message) {
            super(message);
        }
    }
}
