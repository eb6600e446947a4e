package org.sanlian.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
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

/**
 * Issue 15, fonts: every document renders the characters a Chinese name or address can use, Extension B
 * (U+20000–U+2A6DF) included. The fonts are the ones application.yaml configures ({@code sanlian.documents.fonts}),
 * bundled by the build; the sample is drawn from what they cover, spread across the whole block, and must come
 * back out of the PDF exactly, with no '#'.
 */
@DisplayName("行政处罚法 Art. 59 (the decision names the party): Extension B characters spread across the block print as themselves")
class ExtensionBFontsTest {

    private static final int BLOCK_START = 0x20000;
    private static final int BLOCK_END = 0x2A6DF;
    private static final int SAMPLE_SIZE = 48;

    @TempDir
    Path templates;

    @Test
    @DisplayName("the bundled fonts cover far more of Extension B than Noto Serif SC and JP alone (392), and 48 covered characters from across the block, 𠮷 and 𩸽 among them, read back exactly from the PDF")
    void extensionBSampleReadsBackExactly() throws IOException {
        List<String> fontFiles = configuredFonts();
        TreeSet<Integer> covered = new TreeSet<>();
        for (String font : fontFiles) {
            covered.addAll(extensionB(font));
        }
        System.out.printf("Extension B covered by %s: %d of %d%n", fontFiles, covered.size(),
                BLOCK_END - BLOCK_START + 1);
        assertThat(covered).contains(0x20BB7, 0x29E3D);
        assertThat(covered.size()).as("Extension B characters the configured fonts cover").isGreaterThan(2000);

        List<Integer> sample = spreadAcross(new ArrayList<>(covered));
        assertThat(sample.get(0) - BLOCK_START).isLessThan(0x1000);
        assertThat(BLOCK_END - sample.get(sample.size() - 1)).isLessThan(0x1000);
        StringBuilder text = new StringBuilder("𠮷野家 𩸽鱼庄");
        for (int i = 0; i < sample.size(); i++) {
            text.append(i % 8 == 0 ? "\n" : " ").appendCodePoint(sample.get(i));
        }

        Files.writeString(templates.resolve("extension-b.html"), """
                <html><head><meta charset="UTF-8"/></head>
                <body th:style="'font-family: ' + ${fontFamilies}"><p th:each="line : ${lines}" th:text="${line}"></p></body>
                </html>""");
        DocumentRenderer renderer = new DocumentRenderer(new DocumentSettings(templates, fontFiles));
        byte[] pdf = renderer.render("extension-b.html", Map.of("lines", text.toString().split("\n")));

        try (PDDocument document = Loader.loadPDF(pdf)) {
            String read = new PDFTextStripper().getText(document);
            assertThat(lines(read)).containsExactlyElementsOf(lines(text.toString()));
            assertThat(read).doesNotContain("#");
        }
    }

    /** SAMPLE_SIZE code points at even steps through the covered ones, first and last included. */
    private static List<Integer> spreadAcross(List<Integer> covered) {
        List<Integer> sample = new ArrayList<>();
        for (int i = 0; i < SAMPLE_SIZE; i++) {
            sample.add(covered.get((int) ((long) i * (covered.size() - 1) / (SAMPLE_SIZE - 1))));
        }
        return sample;
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

    private static TreeSet<Integer> extensionB(String font) throws IOException {
        TreeSet<Integer> covered = new TreeSet<>();
        try (InputStream in = new ClassPathResource(font.substring("classpath:".length())).getInputStream();
                TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(in))) {
            CmapLookup cmap = ttf.getUnicodeCmapLookup();
            for (int codePoint = BLOCK_START; codePoint <= BLOCK_END; codePoint++) {
                if (cmap.getGlyphId(codePoint) != 0) {
                    covered.add(codePoint);
                }
            }
        }
        return covered;
    }
}
