package org.convene.publishing.pages;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.convene.publishing.internal.PublicationChanged;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Keeps the rendered HTML of anonymous statement and news pages for a few seconds, per address and
 * reader language, so that a page shared widely is rendered a few times a minute rather than on
 * every request. Any change to a publication empties it; what changes elsewhere (endorsements)
 * shows after at most {@link #TTL_MILLIS}. Responses that set a cookie (a {@code ?lang=} switch)
 * are never kept. Runs after the security filters, so it knows whether the reader is signed in.
 */
@Component
class PublicPageCache extends OncePerRequestFilter {

    static final long TTL_MILLIS = 3_000;
    private static final int MAX_ENTRIES = 2_000;
    private static final Pattern CACHED = Pattern.compile("/(statements|news)(/[a-z0-9-]+)?");

    private record Entry(byte[] body, String contentType, long expires) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final LocaleResolver locales;

    PublicPageCache(LocaleResolver locales) {
        this.locales = locales;
    }

    @EventListener
    void on(PublicationChanged changed) {
        entries.clear();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"GET".equals(request.getMethod()) || !CACHED.matcher(request.getRequestURI()).matches()
                || request.getParameter("lang") != null || request.getHeader("HX-Request") != null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!anonymous()) {
            chain.doFilter(request, response);
            return;
        }
        Locale locale = locales.resolveLocale(request);
        // the host is part of the key: the layout builds absolute links from it, and another Host header must not poison the copy
        String key = request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort() + request.getRequestURI()
                + "?" + request.getQueryString() + "|" + locale.getLanguage();
        long now = System.currentTimeMillis();
        Entry cached = entries.get(key);
        if (cached != null && cached.expires() > now) {
            response.setContentType(cached.contentType());
            response.setContentLength(cached.body().length);
            response.getOutputStream().write(cached.body());
            return;
        }
        ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, wrapper);
        if (wrapper.getStatus() == 200 && !wrapper.getHeaderNames().contains("Set-Cookie") && wrapper.getContentType() != null
                && wrapper.getContentType().startsWith("text/html")) {
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
            entries.put(key, new Entry(wrapper.getContentAsByteArray(), wrapper.getContentType(), now + TTL_MILLIS));
        }
        wrapper.copyBodyToResponse();
    }

    private static boolean anonymous() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated();
    }

}
