package org.sanlian.document;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.thymeleaf.IEngineConfiguration;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.cache.ICacheEntryValidity;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.FileTemplateResolver;

/**
 * Renders a document: an HTML template (Thymeleaf) filled with the case data, laid out as PDF by openhtmltopdf
 * with the configured Chinese TrueType fonts embedded (subset), so the text can be printed, read and searched
 * anywhere. A font is a file or a {@code classpath:} resource; the defaults are the Noto Serif fonts the build puts
 * into the jar (SC for Chinese, then JP and TC for the Extension B characters of names such as 𠮷 and 𩸽, then the
 * 42 parts of HanaMinB for the rest of Extension B: 42,711 of the block's 42,720). A location with a '*' names all
 * the fonts that match it, in the order of their names. Templates come first from the administrator's folder ({@code sanlian.documents.template-dir}, read
 * at every use: a template is parsed once and kept while that folder's file of its name is unchanged, so an edit
 * counts at once), else from the defaults shipped in the application; when the folder
 * exists at start, the defaults it lacks are copied into it to be edited.
 */
@Component
public class DocumentRenderer {

    private static final Logger log = LoggerFactory.getLogger(DocumentRenderer.class);
    private static final String SHIPPED = "document-templates/";

    private final TemplateEngine engine = new TemplateEngine();
    private final Path templateDir;
    private static final String CLASSPATH = "classpath:";

    private final List<Resource> fonts = new ArrayList<>();
    private final DocumentFonts parsedFonts;

    public DocumentRenderer(DocumentSettings settings) {
        this.templateDir = settings.templateDir().toAbsolutePath().normalize();
        for (String fontFile : settings.fonts()) {
            if (fontFile.isBlank()) {
                continue;
            }
            String location = fontFile.strip();
            List<Resource> found = fontResources(location);
            if (found.isEmpty()) {
                log.warn("Document font {} not found (sanlian.documents.fonts)", location);
            }
            fonts.addAll(found);
        }
        // the render threads, plus one request that renders the document it serves
        this.parsedFonts = new DocumentFonts(fonts, settings.renderThreads() + 1);
        // parsed templates are cached (issue 16) for as long as the administrator's folder is unchanged for that name:
        // a file put there, edited or removed counts at the next document, as if nothing were cached
        FileTemplateResolver administrators = new FileTemplateResolver() {
            @Override
            protected ICacheEntryValidity computeValidity(IEngineConfiguration configuration, String ownerTemplate,
                    String template, Map<String, Object> attributes) {
                return new AdministratorsCopy(templateDir.resolve(template));
            }
        };
        administrators.setPrefix(this.templateDir + File.separator);
        administrators.setTemplateMode(TemplateMode.HTML);
        administrators.setCharacterEncoding("UTF-8");
        administrators.setCheckExistence(true);
        administrators.setOrder(1);
        ClassLoaderTemplateResolver shipped = new ClassLoaderTemplateResolver() {
            @Override
            protected ICacheEntryValidity computeValidity(IEngineConfiguration configuration, String ownerTemplate,
                    String template, Map<String, Object> attributes) {
                // a shipped template stays cached until the administrator puts a copy of it in the folder
                return new AdministratorsCopy(templateDir.resolve(template));
            }
        };
        shipped.setPrefix(SHIPPED);
        shipped.setTemplateMode(TemplateMode.HTML);
        shipped.setCharacterEncoding("UTF-8");
        shipped.setCheckExistence(true);
        shipped.setOrder(2);
        engine.addTemplateResolver(administrators);
        engine.addTemplateResolver(shipped);
        copyMissingDefaults();
    }

    /** The folder an administrator edits templates in. */
    public Path templateDir() {
        return templateDir;
    }

    public byte[] render(String templateName, Map<String, Object> model) {
        if (fonts.isEmpty()) {
            throw new IllegalStateException("没有可用的文书字体（sanlian.documents.fonts）");
        }
        Context context = new Context();
        context.setVariables(model);
        context.setVariable("fontFamilies", fontFamilies());
        String html = engine.process(templateName, context);
        DocumentFonts.FontSet fontSet = parsedFonts.borrow();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream(); PDDocument pdf = new PDDocument()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.usePDDocument(pdf);
            // only the fonts this text needs: a family the CSS names but the renderer was not given is passed over
            for (int i : parsedFonts.neededFor(html)) {
                builder.useFont(new ParsedFont(pdf, fontSet, i), "cjk" + (i + 1), 400, FontStyle.NORMAL, true);
            }
            builder.withHtmlContent(html, templateDir.toUri().toString());
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("文书 " + templateName + " 无法生成 PDF", e);
        } finally {
            parsedFonts.giveBack(fontSet);
        }
    }

    /**
     * A cached template is good while the administrator's file of that name is as it was when it was read: still
     * absent, or present with the same modification time and size.
     */
    private static final class AdministratorsCopy implements ICacheEntryValidity {

        private final Path file;
        private final String seen;

        AdministratorsCopy(Path file) {
            this.file = file;
            this.seen = stateOf(file);
        }

        private static String stateOf(Path file) {
            try {
                return Files.getLastModifiedTime(file) + "/" + Files.size(file);
            } catch (IOException absent) {
                return "absent";
            }
        }

        @Override
        public boolean isCacheable() {
            return true;
        }

        @Override
        public boolean isCacheStillValid() {
            return seen.equals(stateOf(file));
        }
    }

    /**
     * One configured font in one PDF: loaded into the document (as a subset to embed) only when the layout first asks
     * for it, from the render's already parsed set, so a document of common characters never touches HanaMinB.
     */
    private static final class ParsedFont extends PDFontSupplier {

        private final PDDocument pdf;
        private final DocumentFonts.FontSet fontSet;
        private final int index;
        private PDFont loaded;

        ParsedFont(PDDocument pdf, DocumentFonts.FontSet fontSet, int index) {
            super(null);
            this.pdf = pdf;
            this.fontSet = fontSet;
            this.index = index;
        }

        @Override
        public PDFont supply() {
            if (loaded == null) {
                try {
                    loaded = PDType0Font.load(pdf, fontSet.font(index), true);
                } catch (IOException e) {
                    throw new UncheckedIOException("文书字体无法载入 PDF", e);
                }
            }
            return loaded;
        }
    }

    /**
     * The fonts at one configured location: a file or {@code classpath:} resource, or, when the name holds a '*', all
     * that match it, in the order of their names ({@code classpath:fonts/HanaMinB-*.ttf}).
     */
    static List<Resource> fontResources(String location) {
        if (location.contains("*")) {
            String pattern = location.startsWith(CLASSPATH)
                    ? "classpath*:" + location.substring(CLASSPATH.length())
                    : "file:" + location;
            try {
                return Arrays.stream(new PathMatchingResourcePatternResolver().getResources(pattern))
                        .filter(Resource::exists)
                        .sorted(Comparator.comparing(Resource::getFilename))
                        .toList();
            } catch (IOException e) {
                throw new UncheckedIOException("文书字体 " + location + " 无法列出", e);
            }
        }
        Resource font = location.startsWith(CLASSPATH)
                ? new ClassPathResource(location.substring(CLASSPATH.length()))
                : new FileSystemResource(location);
        return font.exists() ? List.of(font) : List.of();
    }

    /** The CSS font-family list of the embedded fonts, in the configured order: "cjk1, cjk2". */
    private String fontFamilies() {
        List<String> families = new ArrayList<>();
        for (int i = 1; i <= fonts.size(); i++) {
            families.add("cjk" + i);
        }
        return String.join(", ", families);
    }

    private void copyMissingDefaults() {
        if (!Files.isDirectory(templateDir)) {
            log.info("Document templates: the shipped defaults (create {} to edit them; the defaults are copied there at the next start)", templateDir);
            return;
        }
        try {
            for (Resource template : new PathMatchingResourcePatternResolver().getResources("classpath*:" + SHIPPED + "*.html")) {
                Path target = templateDir.resolve(template.getFilename());
                if (!Files.exists(target)) {
                    try (InputStream in = template.getInputStream()) {
                        Files.copy(in, target);
                    }
                    log.info("Document template {} copied to {} to be edited", template.getFilename(), templateDir);
                }
            }
        } catch (IOException e) {
            log.warn("Document templates could not be copied to {}: {}", templateDir, e.getMessage());
        }
    }
}
