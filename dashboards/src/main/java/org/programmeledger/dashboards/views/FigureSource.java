package org.programmeledger.dashboards.views;

import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Where a value comes from, as recorded: a free-text source and the document, its date, the page or paragraph
 * and a link; any of them may be missing.
 */
public record FigureSource(String text, String document, String date, String location, String link) {

    public static final FigureSource NONE = new FigureSource(null, null, null, null, null);

    public boolean named() {
        return Stream.of(text, document, date, location, link).anyMatch(part -> part != null && !part.isBlank());
    }

    /** The link when it is a web address a page may point to (never a {@code javascript:} one); null otherwise. */
    public String webLink() {
        return link != null && (link.startsWith("https://") || link.startsWith("http://")) ? link : null;
    }

    /**
     * "Annual report, 2021-03-01, p. 12, “more than 250 took part”": the document, its date and place, then the
     * passage quoted, without the link.
     */
    public String citation() {
        String quoted = text == null || text.isBlank() ? null : "\u201c" + text + "\u201d";
        return Stream.of(document, date, location, quoted).filter(part -> part != null && !part.isBlank())
                .collect(Collectors.joining(", "));
    }
}
