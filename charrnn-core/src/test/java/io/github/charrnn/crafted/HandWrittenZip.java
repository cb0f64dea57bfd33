package io.github.charrnn.crafted;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes a zip of deflated entries by hand, so that an entry can be a deflate stream made without running the
 * compressor over all its bytes: gigabytes of zeros as one short block repeated (what a zip bomb is), written in
 * a blink with its true CRC and sizes.
 */
final class HandWrittenZip {

    private record Entry(String name, long crc, long compressed, long size, long offset) {
    }

    private final List<Entry> entries = new ArrayList<>();
    private final OutputStream out;
    private long written;

    private HandWrittenZip(OutputStream out) {
        this.out = out;
    }

    /** Writes the zip with {@code contents} to {@code path}. */
    static void write(Path path, Contents contents) throws IOException {
        try (OutputStream file = new java.io.BufferedOutputStream(Files.newOutputStream(path), 1 << 16)) {
            HandWrittenZip zip = new HandWrittenZip(file);
            contents.addTo(zip);
            zip.finish();
        }
    }

    /** What goes into the zip. */
    interface Contents {
        void addTo(HandWrittenZip zip) throws IOException;
    }

    /** An entry holding {@code bytes}, deflated. */
    void add(String name, byte[] bytes) throws IOException {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        deflater.setInput(bytes);
        deflater.finish();
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        byte[] buffer = new byte[1 << 16];
        while (!deflater.finished()) {
            compressed.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        CRC32 crc = new CRC32();
        crc.update(bytes);
        entry(name, crc.getValue(), compressed.size(), bytes.length, List.of(compressed.toByteArray()));
    }

    /** An entry of {@code prefix} then {@code mebibytes} MiB of zeros: a short deflate block repeated. */
    void addZeros(String name, byte[] prefix, int mebibytes) throws IOException {
        byte[] zeros = new byte[1 << 20];
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        byte[] buffer = new byte[1 << 16];
        deflater.setInput(prefix);
        drain(deflater, head, buffer);
        ByteArrayOutputStream block = new ByteArrayOutputStream();
        deflater.setInput(zeros);
        drain(deflater, block, buffer);
        deflater.end();
        // A full flush ends each block on a byte boundary and forgets the history, so the block stands alone and
        // repeats; two bytes (a final, empty fixed-Huffman block) end the stream.
        byte[] repeated = block.toByteArray();
        CRC32 crc = new CRC32();
        crc.update(prefix);
        for (int i = 0; i < mebibytes; i++) {
            crc.update(zeros);
        }
        List<byte[]> parts = new ArrayList<>();
        parts.add(head.toByteArray());
        for (int i = 0; i < mebibytes; i++) {
            parts.add(repeated);
        }
        parts.add(new byte[]{3, 0});
        long compressed = parts.stream().mapToLong(p -> p.length).sum();
        entry(name, crc.getValue(), compressed, prefix.length + ((long) mebibytes << 20), parts);
    }

    private static void drain(Deflater deflater, ByteArrayOutputStream to, byte[] buffer) {
        int n;
        do {
            n = deflater.deflate(buffer, 0, buffer.length, Deflater.FULL_FLUSH);
            to.write(buffer, 0, n);
        } while (n == buffer.length);
    }

    private void entry(String name, long crc, long compressed, long size, List<byte[]> data) throws IOException {
        if (size >= 1L << 32 || compressed >= 1L << 32) {
            throw new IllegalArgumentException("entries of 4 GB and more need Zip64, which this writer does not write");
        }
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        long offset = written;
        ByteBuffer header = little(30 + nameBytes.length);
        header.putInt(0x04034b50).putShort((short) 20).putShort((short) 0).putShort((short) 8)
                .putShort((short) 0).putShort((short) 0x21)   // time, date: 1980-01-01
                .putInt((int) crc).putInt((int) compressed).putInt((int) size)
                .putShort((short) nameBytes.length).putShort((short) 0).put(nameBytes);
        emit(header.array());
        for (byte[] part : data) {
            emit(part);
        }
        entries.add(new Entry(name, crc, compressed, size, offset));
    }

    private void finish() throws IOException {
        long directoryStart = written;
        for (Entry e : entries) {
            byte[] nameBytes = e.name().getBytes(StandardCharsets.UTF_8);
            ByteBuffer central = little(46 + nameBytes.length);
            central.putInt(0x02014b50).putShort((short) 20).putShort((short) 20).putShort((short) 0).putShort((short) 8)
                    .putShort((short) 0).putShort((short) 0x21)
                    .putInt((int) e.crc()).putInt((int) e.compressed()).putInt((int) e.size())
                    .putShort((short) nameBytes.length).putShort((short) 0).putShort((short) 0)
                    .putShort((short) 0).putShort((short) 0).putInt(0).putInt((int) e.offset()).put(nameBytes);
            emit(central.array());
        }
        ByteBuffer end = little(22);
        end.putInt(0x06054b50).putShort((short) 0).putShort((short) 0)
                .putShort((short) entries.size()).putShort((short) entries.size())
                .putInt((int) (written - directoryStart)).putInt((int) directoryStart).putShort((short) 0);
        emit(end.array());
    }

    private void emit(byte[] bytes) throws IOException {
        out.write(bytes);
        written += bytes.length;
    }

    private static ByteBuffer little(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }
}
