package org.programmeledger.dashboards.report;

import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.logging.Level;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.programmeledger.ledger.hashing.Sha256;

/**
 * The report's PDF, rendered from the same XHTML as its HTML page (openhtmltopdf on PDFBox). Deterministic like
 * every output: no creation time, and the document id is derived from the page, so the same events give the
 * same bytes (a publication is checked by rendering it again).
 */
final class ReportPdf {

    static {
        // openhtmltopdf reports its timings at INFO on standard error, into the commands' output.
        XRLog.listRegisteredLoggers().forEach(logger -> XRLog.setLevel(logger, Level.WARNING));
    }

    private ReportPdf() {
    }

    static byte[] of(String xhtml, String title) throws IOException {
        PdfRendererBuilder builder = new PdfRendererBuilder()
                .withHtmlContent(xhtml, null)
                .withProducer("Programme Ledger");
        try (PdfBoxRenderer renderer = builder.buildPdfRenderer();
             PDDocument document = renderer.createPDFKeepOpen()) {
            PDDocumentInformation information = new PDDocumentInformation();
            information.setTitle(title);
            information.setProducer("Programme Ledger");
            document.setDocumentInformation(information);
            byte[] id = Arrays.copyOf(Sha256.of(xhtml.getBytes(StandardCharsets.UTF_8)), 16);
            COSArray ids = new COSArray();
            ids.add(new COSString(id));
            ids.add(new COSString(id));
            document.getDocument().getTrailer().setItem(COSName.ID, ids);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

}
