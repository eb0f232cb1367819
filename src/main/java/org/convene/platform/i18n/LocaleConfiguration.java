package org.convene.platform.i18n;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * The reader's language: {@code ?lang=} first (and it sticks in a cookie), then that cookie,
 * then the browser's Accept-Language, limited to the languages Convene speaks.
 */
@Configuration(proxyBeanMethods = false)
class LocaleConfiguration implements WebMvcConfigurer {

    static final String COOKIE = "convene-lang";

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver(COOKIE);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieSameSite("Lax");
        resolver.setRejectInvalidCookies(true);
        resolver.setDefaultLocaleFunction(LocaleConfiguration::fromAcceptLanguage);
        return new SupportedOnly(resolver);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new LanguageParameter());
    }

    private static Locale fromAcceptLanguage(HttpServletRequest request) {
        String header = request.getHeader("Accept-Language");
        if (header != null && !header.isBlank()) {
            try {
                String match = Locale.lookupTag(Locale.LanguageRange.parse(header), Languages.SUPPORTED);
                if (match != null) {
                    return Locale.forLanguageTag(match);
                }
            } catch (IllegalArgumentException malformedHeader) {
                // an unreadable header is the same as none
            }
        }
        return Locale.forLanguageTag(Languages.DEFAULT);
    }

    /** Keeps a cookie naming a language we do not speak from taking effect. */
    private record SupportedOnly(CookieLocaleResolver delegate) implements LocaleResolver {
        @Override
        public Locale resolveLocale(HttpServletRequest request) {
            Locale locale = delegate.resolveLocale(request);
            return Languages.isSupported(locale.getLanguage()) ? Locale.forLanguageTag(locale.getLanguage()) : fromAcceptLanguage(request);
        }

        @Override
        public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
            delegate.setLocale(request, response, locale);
        }
    }

    /** {@code ?lang=xx} on any page switches the language, if it is one we speak. */
    private static final class LanguageParameter implements HandlerInterceptor {
        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            String lang = request.getParameter("lang");
            if (Languages.isSupported(lang) && "GET".equals(request.getMethod())) {
                LocaleResolver resolver = org.springframework.web.servlet.support.RequestContextUtils.getLocaleResolver(request);
                if (resolver != null) {
                    resolver.setLocale(request, response, Locale.forLanguageTag(lang));
                }
            }
            return true;
        }
    }

}
