package io.github.charrnn.datavec.corpus;

import io.github.charrnn.vocabulary.Vocabulary;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a cache file says about its ids: which text they encode (each file's name, size, modification time and
 * {@link ContentSample}, and the separator), with which vocabulary, and how they are stored.
 *
 * @param width      bytes per id
 * @param length     ids in the file
 * @param separator  the file separator the text was joined with (null: the default newline)
 * @param files      the text's files when it was encoded, in order
 * @param characters characters each file gave, its separator included
 * @param text       the code points that occur in the text (its own vocabulary)
 * @param encoding   the code points of the vocabulary the ids index (the text's own, or a model's)
 */
record CacheHeader(SymbolWidth width, long length, String separator, List<FileStamp> files, long[] characters,
                   int[] text, int[] encoding) {

    /**
     * One file of the text as the cache remembers it; equal stamps mean the file is taken as unchanged.
     *
     * @param sample the file's {@link ContentSample} hash
     */
    record FileStamp(String name, long size, long modified, long sample) {

        /** The stamp of a file as it is now (reads its content sample). */
        static FileStamp of(SourceFile file) {
            return new FileStamp(file.name(), file.size(), file.modified(), ContentSample.hash(file.path(), file.size()));
        }
    }

    /** The vocabulary the ids index. */
    Vocabulary encodingVocabulary() {
        return Vocabulary.fromCodePoints(encoding);
    }

    /** The stamps of {@code files} as they are now. */
    static List<FileStamp> stamp(List<SourceFile> files) {
        return files.stream().map(FileStamp::of).toList();
    }

    /** This header as bytes. */
    byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(width.bytes());
            out.writeLong(length);
            out.writeBoolean(separator != null);
            out.writeUTF(separator == null ? "" : separator);
            out.writeInt(files.size());
            for (int i = 0; i < files.size(); i++) {
                FileStamp file = files.get(i);
                out.writeUTF(file.name());
                out.writeLong(file.size());
                out.writeLong(file.modified());
                out.writeLong(file.sample());
                out.writeLong(characters[i]);
            }
            writeInts(out, text);
            writeInts(out, encoding);
        } catch (IOException e) {
            throw new UncheckedIOException(e);   // a ByteArrayOutputStream does not fail
        }
        return bytes.toByteArray();
    }

    /**
     * Reads a header written by {@link #toBytes()}.
     *
     * @throws IOException if the bytes are not such a header
     */
    static CacheHeader read(DataInputStream in) throws IOException {
        int bytes = in.readByte();
        SymbolWidth width = Arrays.stream(SymbolWidth.values()).filter(w -> w.bytes() == bytes).findFirst()
                .orElseThrow(() -> new IOException("no symbol width of " + bytes + " bytes"));
        long length = in.readLong();
        boolean hasSeparator = in.readBoolean();
        String separator = in.readUTF();
        int count = nonNegative(in.readInt());
        List<FileStamp> files = new ArrayList<>();
        long[] characters = new long[count];
        for (int i = 0; i < count; i++) {
            files.add(new FileStamp(in.readUTF(), in.readLong(), in.readLong(), in.readLong()));
            characters[i] = in.readLong();
        }
        return new CacheHeader(width, length, hasSeparator ? separator : null, files, characters, readInts(in), readInts(in));
    }

    private static void writeInts(DataOutputStream out, int[] values) throws IOException {
        out.writeInt(values.length);
        for (int v : values) {
            out.writeInt(v);
        }
    }

    private static int[] readInts(DataInputStream in) throws IOException {
        int[] values = new int[Math.min(nonNegative(in.readInt()), Character.MAX_CODE_POINT + 1)];
        for (int i = 0; i < values.length; i++) {
            values[i] = in.readInt();
        }
        return values;
    }

    private static int nonNegative(int count) throws IOException {
        if (count < 0) {
            throw new IOException("negative count " + count);
        }
        return count;
    }
}
