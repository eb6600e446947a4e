package org.sanlian.document;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.brotli.dec.BrotliInputStream;

/**
 * Turns WOFF2 web fonts (W3C WOFF File Format 2.0) back into the TrueType files PDFBox embeds: the Brotli stream is
 * decoded by Google's decoder (org.brotli:dec), the transformed glyf and loca tables are rebuilt (WOFF2 §5.1–5.3).
 * The build runs {@link #main} (pom.xml, process-classes) on the HanaMinB parts of the npm package hanamin, so the
 * jar carries TrueType fonts; nothing is converted at run time. Font collections and the transformed hmtx table
 * are not handled (the hanamin parts use neither) and are refused.
 */
public final class Woff2Fonts {

    private static final String[] KNOWN_TAGS = {"cmap", "head", "hhea", "hmtx", "maxp", "name", "OS/2", "post",
            "cvt ", "fpgm", "glyf", "loca", "prep", "CFF ", "VORG", "EBDT", "EBLC", "gasp", "hdmx", "kern", "LTSH",
            "PCLT", "VDMX", "vhea", "vmtx", "BASE", "GDEF", "GPOS", "GSUB", "EBSC", "JSTF", "MATH", "CBDT", "CBLC",
            "COLR", "CPAL", "SVG ", "sbix", "acnt", "avar", "bdat", "bloc", "bsln", "cvar", "fdsc", "feat", "fmtx",
            "fvar", "gvar", "hsty", "just", "lcar", "mort", "morx", "opbd", "prop", "trak", "Zapf", "Silf", "Glat",
            "Gloc", "Feat", "Sill"};

    private Woff2Fonts() {
    }

    /**
     * {@code Woff2Fonts <from-dir> <to-dir> <glob> <prefix>}: converts each WOFF2 file matching the glob into
     * {@code <prefix><n>.ttf}, n being the file's trailing number; an up-to-date output is kept.
     */
    public static void main(String[] args) throws IOException {
        Path from = Path.of(args[0]);
        Path to = Path.of(args[1]);
        Files.createDirectories(to);
        var matcher = from.getFileSystem().getPathMatcher("glob:" + args[2]);
        List<Path> inputs;
        try (Stream<Path> files = Files.list(from)) {
            inputs = files.filter(file -> matcher.matches(file.getFileName())).sorted().toList();
        }
        if (inputs.isEmpty()) {
            throw new IOException("no WOFF2 file " + args[2] + " in " + from);
        }
        for (Path input : inputs) {
            String name = input.getFileName().toString();
            String number = name.replaceAll("^.*?(\\d+)\\.woff2$", "$1");
            Path output = to.resolve(args[3] + number + ".ttf");
            if (Files.exists(output)
                    && Files.getLastModifiedTime(output).compareTo(Files.getLastModifiedTime(input)) >= 0) {
                continue;
            }
            Files.write(output, toTrueType(Files.readAllBytes(input)));
        }
        System.out.printf("Woff2Fonts: %d fonts %s → %s%n", inputs.size(), args[2], to);
    }

    private record Table(String tag, int version, int origLength, int transformLength, boolean transformed) {
    }

    /** The TrueType (sfnt) font a WOFF2 file holds. */
    public static byte[] toTrueType(byte[] woff2) throws IOException {
        ByteBuffer in = ByteBuffer.wrap(woff2);
        if (in.getInt() != 0x774F4632) {
            throw new IOException("not a WOFF2 file");
        }
        int flavor = in.getInt();
        if (flavor == 0x74746366) {
            throw new IOException("WOFF2 font collections are not supported");
        }
        in.getInt(); // length
        int numTables = in.getShort() & 0xFFFF;
        in.getShort(); // reserved
        in.getInt(); // totalSfntSize
        int totalCompressedSize = in.getInt();
        in.position(48);
        List<Table> tables = new ArrayList<>();
        for (int i = 0; i < numTables; i++) {
            int flags = in.get() & 0xFF;
            String tag = (flags & 0x3F) == 0x3F
                    ? new String(new byte[] {in.get(), in.get(), in.get(), in.get()}, StandardCharsets.ISO_8859_1)
                    : KNOWN_TAGS[flags & 0x3F];
            int version = flags >> 6;
            int origLength = base128(in);
            boolean glyfOrLoca = tag.equals("glyf") || tag.equals("loca");
            boolean transformed = glyfOrLoca ? version == 0 : version != 0;
            int transformLength = transformed ? base128(in) : origLength;
            if (transformed && !glyfOrLoca) {
                throw new IOException("WOFF2 transform " + version + " of table " + tag + " is not supported");
            }
            tables.add(new Table(tag, version, origLength, transformLength, transformed));
        }
        byte[] compressed = new byte[totalCompressedSize];
        in.get(compressed);
        byte[] data;
        try (InputStream brotli = new BrotliInputStream(new ByteArrayInputStream(compressed))) {
            data = brotli.readAllBytes();
        }

        List<String> tags = new ArrayList<>();
        List<byte[]> contents = new ArrayList<>();
        int offset = 0;
        byte[] loca = null;
        int locaIndex = -1;
        for (Table table : tables) {
            byte[] content = java.util.Arrays.copyOfRange(data, offset, offset + table.transformLength());
            offset += table.transformLength();
            if (table.tag().equals("glyf") && table.transformed()) {
                byte[][] glyfAndLoca = reconstructGlyf(ByteBuffer.wrap(content));
                content = glyfAndLoca[0];
                loca = glyfAndLoca[1];
            }
            tags.add(table.tag());
            contents.add(content);
            if (table.tag().equals("loca") && table.transformed()) {
                locaIndex = contents.size() - 1;
            }
        }
        if (locaIndex >= 0) {
            if (loca == null) {
                throw new IOException("transformed loca without transformed glyf");
            }
            contents.set(locaIndex, loca);
        }
        return sfnt(flavor, tags, contents);
    }

    private static byte[] sfnt(int flavor, List<String> tags, List<byte[]> contents) throws IOException {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < tags.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing(tags::get));
        int numTables = tags.size();
        int entrySelector = 31 - Integer.numberOfLeadingZeros(numTables);
        int searchRange = (1 << entrySelector) * 16;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(flavor);
        out.writeShort(numTables);
        out.writeShort(searchRange);
        out.writeShort(entrySelector);
        out.writeShort(numTables * 16 - searchRange);
        int offset = 12 + 16 * numTables;
        for (int i : order) {
            byte[] content = contents.get(i);
            out.write(tags.get(i).getBytes(StandardCharsets.ISO_8859_1));
            out.writeInt(checksum(content));
            out.writeInt(offset);
            out.writeInt(content.length);
            offset += pad4(content.length);
        }
        for (int i : order) {
            byte[] content = contents.get(i);
            out.write(content);
            out.write(new byte[pad4(content.length) - content.length]);
        }
        return bytes.toByteArray();
    }

    private static int checksum(byte[] content) {
        int sum = 0;
        for (int i = 0; i < content.length; i += 4) {
            int word = 0;
            for (int j = 0; j < 4; j++) {
                word = (word << 8) | (i + j < content.length ? content[i + j] & 0xFF : 0);
            }
            sum += word;
        }
        return sum;
    }

    private static int pad4(int length) {
        return (length + 3) & ~3;
    }

    /** WOFF2 §5.1: the transformed glyf table, rebuilt with its loca table. */
    private static byte[][] reconstructGlyf(ByteBuffer header) throws IOException {
        header.getShort(); // reserved
        int optionFlags = header.getShort() & 0xFFFF;
        int numGlyphs = header.getShort() & 0xFFFF;
        int indexFormat = header.getShort() & 0xFFFF;
        int[] sizes = new int[7];
        for (int i = 0; i < 7; i++) {
            sizes[i] = header.getInt();
        }
        ByteBuffer[] streams = new ByteBuffer[7];
        int position = header.position();
        for (int i = 0; i < 7; i++) {
            streams[i] = header.duplicate().position(position).limit(position + sizes[i]).slice();
            position += sizes[i];
        }
        ByteBuffer nContours = streams[0];
        ByteBuffer nPoints = streams[1];
        ByteBuffer flagStream = streams[2];
        ByteBuffer glyphStream = streams[3];
        ByteBuffer compositeStream = streams[4];
        ByteBuffer bboxStream = streams[5];
        ByteBuffer instructionStream = streams[6];
        byte[] bboxBitmap = new byte[4 * ((numGlyphs + 31) / 32)];
        bboxStream.get(bboxBitmap);
        boolean[] overlap = new boolean[numGlyphs];
        if ((optionFlags & 1) != 0) {
            ByteBuffer bitmap = header.duplicate().position(position);
            for (int i = 0; i < numGlyphs; i++) {
                overlap[i] = (bitmap.get(position + (i >> 3)) & (0x80 >> (i & 7))) != 0;
            }
        }

        ByteArrayOutputStream glyf = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(glyf);
        int[] offsets = new int[numGlyphs + 1];
        for (int glyph = 0; glyph < numGlyphs; glyph++) {
            offsets[glyph] = out.size();
            int contours = nContours.getShort();
            boolean explicitBbox = (bboxBitmap[glyph >> 3] & (0x80 >> (glyph & 7))) != 0;
            if (contours == 0) {
                if (explicitBbox) {
                    throw new IOException("empty glyph " + glyph + " with a bounding box");
                }
            } else if (contours == -1) {
                if (!explicitBbox) {
                    throw new IOException("composite glyph " + glyph + " without a bounding box");
                }
                out.writeShort(-1);
                for (int i = 0; i < 4; i++) {
                    out.writeShort(bboxStream.getShort());
                }
                boolean instructions = false;
                int flags;
                do {
                    flags = compositeStream.getShort() & 0xFFFF;
                    instructions |= (flags & 0x0100) != 0;
                    int length = 2 + ((flags & 0x0001) != 0 ? 4 : 2);
                    if ((flags & 0x0008) != 0) {
                        length += 2;
                    } else if ((flags & 0x0040) != 0) {
                        length += 4;
                    } else if ((flags & 0x0080) != 0) {
                        length += 8;
                    }
                    out.writeShort(flags);
                    byte[] rest = new byte[length];
                    compositeStream.get(rest);
                    out.write(rest);
                } while ((flags & 0x0020) != 0);
                if (instructions) {
                    int length = read255UShort(glyphStream);
                    byte[] code = new byte[length];
                    instructionStream.get(code);
                    out.writeShort(length);
                    out.write(code);
                }
            } else if (contours > 0) {
                int[] endPoints = new int[contours];
                int total = 0;
                for (int i = 0; i < contours; i++) {
                    total += read255UShort(nPoints);
                    endPoints[i] = total - 1;
                }
                int[] xs = new int[total];
                int[] ys = new int[total];
                boolean[] onCurve = new boolean[total];
                int x = 0;
                int y = 0;
                for (int i = 0; i < total; i++) {
                    int flag = flagStream.get() & 0xFF;
                    onCurve[i] = (flag & 0x80) == 0;
                    flag &= 0x7F;
                    int dx;
                    int dy;
                    if (flag < 10) {
                        dx = 0;
                        dy = withSign(flag, ((flag & 14) << 7) + u8(glyphStream));
                    } else if (flag < 20) {
                        dx = withSign(flag, (((flag - 10) & 14) << 7) + u8(glyphStream));
                        dy = 0;
                    } else if (flag < 84) {
                        int b0 = flag - 20;
                        int b1 = u8(glyphStream);
                        dx = withSign(flag, 1 + (b0 & 0x30) + (b1 >> 4));
                        dy = withSign(flag >> 1, 1 + ((b0 & 0x0C) << 2) + (b1 & 0x0F));
                    } else if (flag < 120) {
                        int b0 = flag - 84;
                        dx = withSign(flag, 1 + ((b0 / 12) << 8) + u8(glyphStream));
                        dy = withSign(flag >> 1, 1 + (((b0 % 12) >> 2) << 8) + u8(glyphStream));
                    } else if (flag < 124) {
                        int b0 = u8(glyphStream);
                        int b1 = u8(glyphStream);
                        int b2 = u8(glyphStream);
                        dx = withSign(flag, (b0 << 4) + (b1 >> 4));
                        dy = withSign(flag >> 1, ((b1 & 0x0F) << 8) + b2);
                    } else {
                        int b0 = u8(glyphStream);
                        int b1 = u8(glyphStream);
                        int b2 = u8(glyphStream);
                        int b3 = u8(glyphStream);
                        dx = withSign(flag, (b0 << 8) + b1);
                        dy = withSign(flag >> 1, (b2 << 8) + b3);
                    }
                    x += dx;
                    y += dy;
                    xs[i] = x;
                    ys[i] = y;
                }
                int instructionLength = read255UShort(glyphStream);
                byte[] code = new byte[instructionLength];
                instructionStream.get(code);

                out.writeShort(contours);
                if (explicitBbox) {
                    for (int i = 0; i < 4; i++) {
                        out.writeShort(bboxStream.getShort());
                    }
                } else {
                    int xMin = Integer.MAX_VALUE;
                    int yMin = Integer.MAX_VALUE;
                    int xMax = Integer.MIN_VALUE;
                    int yMax = Integer.MIN_VALUE;
                    for (int i = 0; i < total; i++) {
                        xMin = Math.min(xMin, xs[i]);
                        yMin = Math.min(yMin, ys[i]);
                        xMax = Math.max(xMax, xs[i]);
                        yMax = Math.max(yMax, ys[i]);
                    }
                    if (total == 0) {
                        xMin = yMin = xMax = yMax = 0;
                    }
                    out.writeShort(xMin);
                    out.writeShort(yMin);
                    out.writeShort(xMax);
                    out.writeShort(yMax);
                }
                for (int endPoint : endPoints) {
                    out.writeShort(endPoint);
                }
                out.writeShort(instructionLength);
                out.write(code);
                writePoints(out, xs, ys, onCurve, glyph < overlap.length && overlap[glyph]);
            } else {
                throw new IOException("glyph " + glyph + ": " + contours + " contours");
            }
            while (out.size() % 4 != 0) {
                out.writeByte(0);
            }
        }
        offsets[numGlyphs] = out.size();

        ByteArrayOutputStream locaBytes = new ByteArrayOutputStream();
        DataOutputStream loca = new DataOutputStream(locaBytes);
        for (int value : offsets) {
            if (indexFormat == 0) {
                loca.writeShort(value >> 1);
            } else {
                loca.writeInt(value);
            }
        }
        return new byte[][] {glyf.toByteArray(), locaBytes.toByteArray()};
    }

    /** Simple-glyph flags and coordinates, each delta as a short (one byte) vector when it fits. */
    private static void writePoints(DataOutputStream out, int[] xs, int[] ys, boolean[] onCurve, boolean overlap)
            throws IOException {
        int count = xs.length;
        int[] flags = new int[count];
        ByteArrayOutputStream xBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream yBytes = new ByteArrayOutputStream();
        DataOutputStream xOut = new DataOutputStream(xBytes);
        DataOutputStream yOut = new DataOutputStream(yBytes);
        int lastX = 0;
        int lastY = 0;
        for (int i = 0; i < count; i++) {
            int flag = onCurve[i] ? 0x01 : 0;
            if (i == 0 && overlap) {
                flag |= 0x40;
            }
            int dx = xs[i] - lastX;
            int dy = ys[i] - lastY;
            if (dx == 0) {
                flag |= 0x10;
            } else if (Math.abs(dx) < 256) {
                flag |= 0x02 | (dx > 0 ? 0x10 : 0);
                xOut.writeByte(Math.abs(dx));
            } else {
                xOut.writeShort(dx);
            }
            if (dy == 0) {
                flag |= 0x20;
            } else if (Math.abs(dy) < 256) {
                flag |= 0x04 | (dy > 0 ? 0x20 : 0);
                yOut.writeByte(Math.abs(dy));
            } else {
                yOut.writeShort(dy);
            }
            flags[i] = flag;
            lastX = xs[i];
            lastY = ys[i];
        }
        for (int i = 0; i < count; ) {
            int repeat = 0;
            while (i + repeat + 1 < count && flags[i + repeat + 1] == flags[i] && repeat < 255) {
                repeat++;
            }
            if (repeat > 0) {
                out.writeByte(flags[i] | 0x08);
                out.writeByte(repeat);
            } else {
                out.writeByte(flags[i]);
            }
            i += repeat + 1;
        }
        out.write(xBytes.toByteArray());
        out.write(yBytes.toByteArray());
    }

    private static int withSign(int flag, int base) {
        return (flag & 1) != 0 ? base : -base;
    }

    private static int u8(ByteBuffer in) {
        return in.get() & 0xFF;
    }

    private static int read255UShort(ByteBuffer in) {
        int code = u8(in);
        return switch (code) {
            case 253 -> in.getShort() & 0xFFFF;
            case 255 -> u8(in) + 253;
            case 254 -> u8(in) + 506;
            default -> code;
        };
    }

    private static int base128(ByteBuffer in) throws IOException {
        int value = 0;
        for (int i = 0; i < 5; i++) {
            int b = u8(in);
            if (i == 0 && b == 0x80) {
                throw new IOException("UIntBase128 with a leading zero");
            }
            value = (value << 7) | (b & 0x7F);
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IOException("UIntBase128 longer than 5 bytes");
    }
}
