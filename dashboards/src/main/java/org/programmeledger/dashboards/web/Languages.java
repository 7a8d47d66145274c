package org.programmeledger.dashboards.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The dashboard's languages: English, Traditional Chinese and Simplified Chinese. A reader's browser language
 * chooses one (Hong Kong and Macao read Traditional), {@code ?lang=} switches and a cookie remembers the choice.
 * Only the interface is translated; the ledger's records are shown as recorded.
 */
@Configuration
class Languages implements WebMvcConfigurer {

    static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.TRADITIONAL_CHINESE, Locale.SIMPLIFIED_CHINESE);
    /** Each language named in itself, by the script a reader looks for rather than a country. */
    private static final Map<Locale, String> NAMES = Map.of(Locale.ENGLISH, "English", Locale.TRADITIONAL_CHINESE,
            "繁體中文", Locale.SIMPLIFIED_CHINESE, "简体中文");
    private static final String PARAMETER = "lang";

    /** A language switch's link: the page as it is, in another language. */
    record LanguageLink(String tag, String name, String href, boolean current) {
    }

    /** The supported language nearest to the one asked for; English when none is near. */
    static Locale supported(Locale asked) {
        if (asked == null || !"zh".equals(asked.getLanguage())) {
            return Locale.ENGLISH;
        }
        boolean traditional = "Hant".equals(asked.getScript())
                || List.of("TW", "HK", "MO").contains(asked.getCountry()) && !"Hans".equals(asked.getScript());
        return traditional ? Locale.TRADITIONAL_CHINESE : Locale.SIMPLIFIED_CHINESE;
    }

    /** The same page in each language, the current one marked; each language is named in itself. */
    static List<LanguageLink> links(HttpServletRequest request, Locale current) {
        return SUPPORTED.stream().map(language -> new LanguageLink(language.toLanguageTag(),
                NAMES.get(language), UriComponentsBuilder.fromPath(request.getRequestURI())
                        .query(request.getQueryString()).replaceQueryParam(PARAMETER, language.toLanguageTag())
                        .build(true).toUriString(), language.equals(current))).toList();
    }

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("ledger-language") {

            @Override
            public Locale resolveLocale(HttpServletRequest request) {
                return supported(super.resolveLocale(request));
            }

            @Override
            public LocaleContext resolveLocaleContext(HttpServletRequest request) {
                // Read when asked, so that a ?lang= switch made after the context was built is seen.
                return () -> resolveLocale(request);
            }
        };
        // Without an Accept-Language header the servlet container would offer the server's own locale.
        resolver.setDefaultLocaleFunction(request -> request.getHeader("Accept-Language") == null ? Locale.ENGLISH
                : request.getLocale());
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName(PARAMETER);
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change);
    }
}
