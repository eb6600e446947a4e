package org.sanlian.support;

import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/** A document's text as the tests read it: in reading order, as a reader would copy it from the PDF. */
public final class PdfText {

    private PdfText() {
    }

    public static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            stripper.setSpacingTolerance(2f);
            return stripper.getText(document);
        }
    }

    /** The text without its line breaks and spaces: a phrase the layout wraps still reads as one. */
    public static String flat(String text) {
        return text.replaceAll("\\s", "");
    }
}
