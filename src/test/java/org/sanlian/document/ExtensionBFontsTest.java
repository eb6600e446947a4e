package org.sanlian.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;

/**
 * Issue 15, fonts: every document renders the characters a Chinese name or address can use, Extension B
 * (U+20000–U+2A6DF) included. The fonts are the ones application.yaml configures ({@code sanlian.documents.fonts}),
 * bundled by the build: Noto Serif SC, JP and TC, then the 42 TrueType parts of HanaMinB the build makes from the
 * npm package hanamin's WOFF2 files. A sample spread over the whole block must come back out of the PDF exactly,
 * with no '#'.
 */
@DisplayName("行政处罚法 Art. 59 (the decision names the party): Extension B characters across the whole block print as themselves")
class ExtensionBFontsTest {

    private static final int BLOCK_START = 0x20000;
    private static final int BLOCK_END = 0x2A6DF;
    /** The block as Unicode 3.1 to 12 defined it; U+2A6D7–U+2A6DF came with Unicode 13 and 14, after HanaMinB. */
    private static final int UNICODE_12_END = 0x2A6D6;
    private static final int STEP = 97;
    private static final int PER_LINE = 16;

    @TempDir
    Path templates;

    @Test
    @DisplayName("the bundled fonts cover every Extension B character up to U+2A6D6 (the block before Unicode 13), 𠮷 and 𩸽 among them")
    void bundledFontsCoverExtensionB() throws IOException {
        List<String> fontFiles = configuredFonts();
        BitSet covered = new BitSet();
        for (String fontFile : fontFiles) {
            for (Resource font : DocumentRenderer.fontResources(fontFile)) {
                covered.or(extensionB(font));
            }
        }
        System.out.printf("Extension B covered by %s: %d of %d%n", fontFiles, covered.cardinality(),
                BLOCK_END - BLOCK_START + 1);
        List<String> missing = new ArrayList<>();
        for (int codePoint = BLOCK_START; codePoint <= UNICODE_12_END; codePoint++) {
            if (!covered.get(codePoint - BLOCK_START)) {
                missing.add("U+" + Integer.toHexString(codePoint).toUpperCase());
            }
        }
        assertThat(missing).as("Extension B characters no configured font covers").isEmpty();
    }

    @Test
    @DisplayName("𠮷野家, 𩸽 and every 97th Extension B character from U+20000 to the block's end read back exactly from the PDF, no '#'")
    void everyNinetySeventhExtensionBCharacterReadsBackExactly() throws IOException {
        List<Integer> sample = new ArrayList<>();
        for (int codePoint = BLOCK_START; codePoint <= UNICODE_12_END; codePoint += STEP) {
            sample.add(codePoint);
        }
        assertThat(sample).hasSizeGreaterThan(400);
        assertThat(UNICODE_12_END - sample.get(sample.size() - 1)).isLessThan(STEP);
        StringBuilder text = new StringBuilder("𠮷野家 𩸽鱼庄");
        for (int i = 0; i < sample.size(); i++) {
            text.append(i % PER_LINE == 0 ? "\n" : " ").appendCodePoint(sample.get(i));
        }

        Files.writeString(templates.resolve("extension-b.html"), """
                <html><head><meta charset="UTF-8"/></head>
                <body th:style="'font-family: ' + ${fontFamilies}"><p th:each="line : ${lines}" th:text="${line}"></p></body>
                </html>""");
        DocumentRenderer renderer = new DocumentRenderer(new DocumentSettings(templates, configuredFonts()));
        byte[] pdf = renderer.render("extension-b.html", Map.of("lines", text.toString().split("\n")));

        try (PDDocument document = Loader.loadPDF(pdf)) {
            String read = new PDFTextStripper().getText(document);
            assertThat(lines(read).get(0)).isEqualTo("𠮷野家 𩸽鱼庄");
            assertThat(lines(read)).containsExactlyElementsOf(lines(text.toString()));
            assertThat(read).doesNotContain("#");
        }
        System.out.printf("Extension B sample: %d characters, every %dth from U+20000, read back from a %,d-byte PDF%n",
                sample.size(), STEP, pdf.length);
    }

    private static List<String> lines(String text) {
        return Arrays.stream(text.split("\\R")).map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    private static List<String> configuredFonts() {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yaml"));
        String fonts = yaml.getObject().getProperty("sanlian.documents.fonts");
        return Arrays.stream(fonts.split(",")).map(String::strip).toList();
    }

    private static BitSet extensionB(Resource font) throws IOException {
        BitSet covered = new BitSet();
        try (InputStream in = font.getInputStream();
                TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(in))) {
            CmapLookup cmap = ttf.getUnicodeCmapLookup();
            for (int codePoint = BLOCK_START; codePoint <= BLOCK_END; codePoint++) {
                if (cmap.getGlyphId(codePoint) != 0) {
                    covered.set(codePoint - BLOCK_START);
                }
            }
        }
        return covered;
    }
}
