package org.sanlian.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.springframework.core.io.Resource;

/**
 * The configured fonts, read from their files once per JVM and parsed at most once per set of fonts in use.
 * Before, every document read and parsed all of them again (three Noto Serif fonts and 42 parts of HanaMinB, 54 MB).
 * A parsed {@link TrueTypeFont} reads its glyphs on demand and is not safe for two threads at once, so each render
 * borrows a {@link FontSet} for itself and gives it back when its PDF is written; at most {@code idleSets} sets are
 * kept between renders (one per render thread and one for a request that renders itself), the rest are dropped.
 */
final class DocumentFonts {

    private final List<Resource> locations;
    private final AtomicReferenceArray<byte[]> files;
    private final AtomicReferenceArray<BitSet> coverage;
    private final ConcurrentLinkedDeque<FontSet> idle = new ConcurrentLinkedDeque<>();
    private final AtomicInteger idleCount = new AtomicInteger();
    private final int idleSets;

    DocumentFonts(List<Resource> locations, int idleSets) {
        this.locations = List.copyOf(locations);
        this.files = new AtomicReferenceArray<>(locations.size());
        this.coverage = new AtomicReferenceArray<>(locations.size());
        this.idleSets = Math.max(1, idleSets);
    }

    int size() {
        return locations.size();
    }

    /**
     * The fonts a text needs, in the configured order: always the first, and a later one only for a character no
     * earlier font has. The PDF renderer asks every font it is given for its metrics, so giving it all 45 parsed and
     * loaded every font into every PDF; a document of common characters now gets the first font alone, and 𠮷 adds
     * the HanaMinB part that has it. The chosen fonts are exactly the ones the full list would have used.
     */
    List<Integer> neededFor(CharSequence text) {
        List<Integer> needed = new ArrayList<>(List.of(0));
        BitSet seen = new BitSet();
        text.codePoints().forEach(codePoint -> {
            if (seen.get(codePoint)) {
                return;
            }
            seen.set(codePoint);
            if (Character.isWhitespace(codePoint) || Character.isISOControl(codePoint)) {
                return;
            }
            for (int index : needed) {
                if (covers(index, codePoint)) {
                    return;
                }
            }
            for (int index = 1; index < locations.size(); index++) {
                if (!needed.contains(index) && covers(index, codePoint)) {
                    needed.add(index);
                    return;
                }
            }
        });
        needed.sort(null);
        return needed;
    }

    private boolean covers(int index, int codePoint) {
        BitSet characters = coverage.get(index);
        if (characters == null) {
            characters = new BitSet();
            try (TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(file(index)))) {
                CmapLookup cmap = font.getUnicodeCmapLookup(false);
                if (cmap != null) {
                    for (int glyph = 1; glyph < font.getNumberOfGlyphs(); glyph++) {
                        List<Integer> codes = cmap.getCharCodes(glyph);
                        if (codes != null) {
                            codes.forEach(characters::set);
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("文书字体 " + locations.get(index).getDescription() + " 无法解析", e);
            }
            coverage.compareAndSet(index, null, characters);
            characters = coverage.get(index);
        }
        return characters.get(codePoint);
    }

    /** A set of fonts for one render alone; give it back with {@link #giveBack}. */
    FontSet borrow() {
        FontSet set = idle.pollFirst();
        if (set == null) {
            return new FontSet();
        }
        idleCount.decrementAndGet();
        return set;
    }

    void giveBack(FontSet set) {
        if (idleCount.incrementAndGet() <= idleSets) {
            idle.offerFirst(set);
        } else {
            idleCount.decrementAndGet();
            set.close();
        }
    }

    private byte[] file(int index) {
        byte[] bytes = files.get(index);
        if (bytes == null) {
            synchronized (files) {
                bytes = files.get(index);
                if (bytes == null) {
                    Resource font = locations.get(index);
                    try (InputStream in = font.getInputStream()) {
                        bytes = in.readAllBytes();
                    } catch (IOException e) {
                        throw new UncheckedIOException("文书字体 " + font.getDescription() + " 无法读取", e);
                    }
                    files.set(index, bytes);
                }
            }
        }
        return bytes;
    }

    /** The fonts one render uses: each parsed when a character first needs it, then kept for the next render. */
    final class FontSet {

        private final TrueTypeFont[] parsed = new TrueTypeFont[locations.size()];

        TrueTypeFont font(int index) {
            if (parsed[index] == null) {
                try {
                    parsed[index] = new TTFParser().parse(new RandomAccessReadBuffer(file(index)));
                } catch (IOException e) {
                    throw new UncheckedIOException("文书字体 " + locations.get(index).getDescription() + " 无法解析", e);
                }
            }
            return parsed[index];
        }

        void close() {
            for (TrueTypeFont font : parsed) {
                if (font != null) {
                    try {
                        font.close();
                    } catch (IOException ignored) {
                        // an in-memory font: nothing to release but the reference
                    }
                }
            }
        }
    }
}
