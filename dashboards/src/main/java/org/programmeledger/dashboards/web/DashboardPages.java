package org.programmeledger.dashboards.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.ModelAndView;

/**
 * What every dashboard page shares: the language switch, the CSRF token's cookie, and a page (not the API's
 * problem JSON) for a page the dashboard has not or the reader may not read. Ordered before the API's problem
 * handlers, which answer for every other controller.
 */
@ControllerAdvice(assignableTypes = {DashboardController.class, PublicationFiles.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class DashboardPages {

    private final MessageSource messages;

    DashboardPages(MessageSource messages) {
        this.messages = messages;
    }

    @ModelAttribute("languages")
    List<Languages.LanguageLink> languages(HttpServletRequest request, Locale locale) {
        return Languages.links(request, locale);
    }

    /**
     * Loads the CSRF token before the page renders, so that its cookie goes out with the headers and not after a
     * long page has been sent; a form's hidden field (Thymeleaf's {@code th:action}) must match it.
     */
    @ModelAttribute
    void csrfCookie(CsrfToken token) {
        if (token != null) {
            token.getToken();
        }
    }

    @ExceptionHandler(PageRefusal.class)
    ModelAndView refused(PageRefusal refusal, HttpServletRequest request, Locale locale) {
        ModelAndView page = new ModelAndView("dashboard/refused", refusal.status());
        page.addObject("titleCode", refusal.status() == HttpStatus.FORBIDDEN ? "forbidden.title" : "notFound.title");
        page.addObject("detail", messages.getMessage(refusal.messageCode(), refusal.arguments(), locale));
        page.addObject("languages", Languages.links(request, locale));
        return page;
    }
}
