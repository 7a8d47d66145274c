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
 * What Spring Security's CSRF token cannot decide, checked before it: a request that changes state is refused
 * when the browser says another site or origin started it (Fetch Metadata, {@code Sec-Fetch-Site}), even with a
 * token, since a page on another port of the same host shares the token's cookie; and a request that carries no
 * Fetch Metadata (a client outside a browser, or a browser too old to send it, in which such a page could also
 * plant the cookie) may not be one a page can send without a CORS preflight ({@link SimpleRequests}): commands
 * are JSON, imports {@code text/csv}, and a command without a body still says {@code Content-Type:
 * application/json}. What remains of those, a form of the ledger's own pages, needs the CSRF token
 * (SecurityConfiguration). The command line and curl send no Fetch Metadata and send JSON or CSV.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class CrossSiteRequestGuard extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(CrossSiteRequestGuard.class);
    private static final Set<String> OWN_ORIGIN = Set.of("same-origin", "none");

    private final ProblemResponses problems;

    CrossSiteRequestGuard(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!SimpleRequests.changesState(request)) {
            chain.doFilter(request, response);
            return;
        }
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null && !OWN_ORIGIN.contains(site.toLowerCase(Locale.ROOT))) {
            refuse(request, response, HttpStatus.FORBIDDEN, "Sec-Fetch-Site " + site,
                    "A page of another site or origin may not change the ledger.");
            return;
        }
        if (site == null && SimpleRequests.changeWithoutPreflight(request)) {
            refuse(request, response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content-Type " + request.getContentType(),
                    "Send Content-Type: application/json (text/csv for an import), also when the body is empty.");
            return;
        }
        chain.doFilter(request, response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
                               String why, String detail) throws IOException {
        LOG.warn("Refused {} {} from {}: {}", request.getMethod(), request.getRequestURI(), request.getRemoteAddr(),
                why);
        problems.write(request, response, status, detail);
    }
}
