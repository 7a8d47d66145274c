package org.programmeledger.ledger.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.function.Supplier;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.util.StringUtils;

/**
 * Where a request carries its CSRF token: a page's form carries it masked anew for each page (Spring's XOR
 * handler, so that a compressed page does not leak it, BREACH), a script copies the {@code XSRF-TOKEN} cookie
 * as it is into the {@code X-XSRF-TOKEN} header (Spring Security's guidance for single-page applications).
 */
final class FormOrHeaderToken implements CsrfTokenRequestHandler {

    private final CsrfTokenRequestHandler masked = new XorCsrfTokenRequestAttributeHandler();
    private final CsrfTokenRequestHandler plain = new CsrfTokenRequestAttributeHandler();

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> token) {
        masked.handle(request, response, token);
    }

    @Override
    public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken token) {
        boolean fromScript = StringUtils.hasText(request.getHeader(token.getHeaderName()));
        return (fromScript ? plain : masked).resolveCsrfTokenValue(request, token);
    }
}
