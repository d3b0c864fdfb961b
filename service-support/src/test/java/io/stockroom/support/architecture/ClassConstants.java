package io.stockroom.support.architecture;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.HashSet;
import java.util.Set;

/**
 * The string constants of a compiled class, read from its constant pool: every {@code "literal"} and every inlined
 * {@code static final String} it uses. ArchUnit sees types, members and calls, not constants, so the ownership rule
 * reads them here.
 */
final class ClassConstants {

    private static final int MAGIC = 0xCAFEBABE;

    private ClassConstants() {
    }

    static Set<String> strings(URI classFile) {
        try (InputStream in = classFile.toURL().openStream()) {
            return strings(new DataInputStream(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + classFile, e);
        }
    }

    private static Set<String> strings(DataInputStream in) throws IOException {
        if (in.readInt() != MAGIC) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort();
        in.readUnsignedShort();
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        Set<Integer> stringIndexes = new HashSet<>();
        for (int index = 1; index < count; index++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[index] = in.readUTF();
                case 8 -> stringIndexes.add(in.readUnsignedShort());
                case 7, 16, 19, 20 -> in.readUnsignedShort();
                case 15 -> in.skipNBytes(3);
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.readInt();
                case 5, 6 -> {
                    in.readLong();
                    index++;
                }
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        Set<String> strings = new HashSet<>();
        stringIndexes.forEach(index -> strings.add(utf8[index]));
        return strings;
    }
}
