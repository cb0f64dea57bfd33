package io.github.charrnn.datavec.corpus;

import io.github.charrnn.vocabulary.Vocabulary;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

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
     * One file of the text as the cache remembers it: its name and size, what the file system says of it (the
     * modification time, which copying tools can set, and the inode's change time and number, which they cannot),
     * and the CRC32C of its content. A file whose name, size, times and inode are all as remembered is taken as
     * unchanged without reading it; any other is read again and compared by its hash.
     *
     * @param changed the inode's change time in nanoseconds, 0 where the file system does not say
     * @param inode   the inode number, 0 where the file system does not say
     * @param hash    the {@link ContentHash} of the file, or 0 in a stamp taken without reading the file
     */
    record FileStamp(String name, long size, long modified, long changed, long inode, long hash) {

        /** The stamp of a file as it is now, its content hash included (reads the whole file). */
        static FileStamp of(SourceFile file) {
            FileStamp identity = identityOf(file);
            return new FileStamp(identity.name, identity.size, identity.modified, identity.changed, identity.inode,
                    ContentHash.of(file.path()));
        }

        /** The stamp of a file as it is now without its content hash: what the file system says, quickly. */
        static FileStamp identityOf(SourceFile file) {
            long changed = 0;
            long inode = 0;
            try {
                Map<String, Object> unix = Files.readAttributes(file.path(), "unix:ctime,ino");
                changed = ((FileTime) unix.get("ctime")).to(TimeUnit.NANOSECONDS);
                inode = ((Number) unix.get("ino")).longValue();
            } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
                // no unix view (e.g. Windows): the file is then always read again to compare its hash
            }
            return new FileStamp(file.name(), file.size(), file.modified(), changed, inode, 0);
        }

        /**
         * Whether {@code now} (a stamp of the same file taken now) proves the file unchanged without reading it: same
         * name, size, modification time, and the same known inode and change time, which copying and editing tools
         * cannot keep.
         */
        boolean provesUnchanged(FileStamp now) {
            return name.equals(now.name) && size == now.size && modified == now.modified && changed != 0 && inode != 0
                    && changed == now.changed && inode == now.inode;
        }
    }

    /** The vocabulary the ids index. */
    Vocabulary encodingVocabulary() {
        return Vocabulary.fromCodePoints(encoding);
    }

    /** The stamps of {@code files} as they are now, content hashes included. */
    static List<FileStamp> stamp(List<SourceFile> files) {
        return files.stream().map(FileStamp::of).toList();
    }

    /**
     * Whether {@code files} are the files this header was written for, unchanged: each proven so by its stamp, or
     * else read again and found to hold the same bytes (same size and hash).
     */
    boolean describes(List<SourceFile> sources) {
        if (sources.size() != files.size()) {
            return false;
        }
        for (int i = 0; i < files.size(); i++) {
            FileStamp saved = files.get(i);
            SourceFile source = sources.get(i);
            if (!saved.name().equals(source.name()) || saved.size() != source.size()) {
                return false;
            }
            if (!saved.provesUnchanged(FileStamp.identityOf(source)) && ContentHash.of(source.path()) != saved.hash()) {
                return false;
            }
        }
        return true;
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
                out.writeLong(file.changed());
                out.writeLong(file.inode());
                out.writeLong(file.hash());
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
            files.add(new FileStamp(in.readUTF(), in.readLong(), in.readLong(), in.readLong(), in.readLong(), in.readLong()));
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
