package org.programmeledger.ledger.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses bodies larger than a command can be (or an import file, for CSV uploads) with 413 before
 * reading them. A body without a declared length is refused too: clients of this API know their sizes.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RequestSizeLimit extends OncePerRequestFilter {

    private final WebSettings settings;
    private final ProblemResponses problems;

    RequestSizeLimit(WebSettings settings, ProblemResponses problems) {
        this.settings = settings;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = isCsv(request) ? settings.maxImportBytes() : settings.maxCommandBytes();
        long length = request.getContentLengthLong();
        boolean hasBody = length > 0 || request.getHeader("Transfer-Encoding") != null;
        if (hasBody && (length < 0 || length > limit)) {
            problems.write(request, response, HttpStatus.PAYLOAD_TOO_LARGE,
                    "The body must declare its length and be at most " + limit + " bytes.");
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean isCsv(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("text/csv");
    }
}
