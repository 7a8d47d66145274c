package org.programmeledger.ledger.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Browsers send HTTP Basic credentials with every request to the server, including those a page of another
 * origin makes; only requests a page can make without a CORS preflight matter, since this server answers no
 * preflight. A request that changes state is therefore refused when the browser says another site or origin
 * started it (Fetch Metadata, {@code Sec-Fetch-Site}), and when its Content-Type is one a page may send
 * without a preflight (none, a form, {@code text/plain}): commands are JSON, imports {@code text/csv}, and a
 * command without a body still says {@code Content-Type: application/json}; only a form the browser marks
 * {@code same-origin} (a button of the dashboard) may post. Clients outside a browser (the
 * command line, curl) send no Fetch Metadata and are unaffected.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class CrossSiteRequestGuard extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(CrossSiteRequestGuard.class);
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final Set<String> OWN_ORIGIN = Set.of("same-origin", "none");
    /** The Content-Types a cross-origin page may send without a preflight (the Fetch standard's list). */
    private static final Set<String> SIMPLE_TYPES = Set.of("application/x-www-form-urlencoded",
            "multipart/form-data", "text/plain");

    private final ProblemResponses problems;

    CrossSiteRequestGuard(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (SAFE_METHODS.contains(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null && !OWN_ORIGIN.contains(site.toLowerCase(Locale.ROOT))) {
            refuse(request, response, HttpStatus.FORBIDDEN, "Sec-Fetch-Site " + site,
                    "A page of another site or origin may not change the ledger.");
            return;
        }
        String type = mediaType(request.getContentType());
        // A form of the dashboard's own pages (the browser says same-origin) may post; any other form may not.
        boolean ownForm = "same-origin".equalsIgnoreCase(site) && "application/x-www-form-urlencoded".equals(type);
        if (!ownForm && (type == null || SIMPLE_TYPES.contains(type))) {
            refuse(request, response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content-Type " + type,
                    "Send Content-Type: application/json (text/csv for an import), also when the body is empty.");
            return;
        }
        chain.doFilter(request, response);
    }

    private static String mediaType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return null;
        }
        int parameters = contentType.indexOf(';');
        return (parameters < 0 ? contentType : contentType.substring(0, parameters)).trim().toLowerCase(Locale.ROOT);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
                               String why, String detail) throws IOException {
        LOG.warn("Refused {} {} from {}: {}", request.getMethod(), request.getRequestURI(), request.getRemoteAddr(),
                why);
        problems.write(request, response, status, detail);
    }
}
