package org.convene.publishing.pages;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.convene.publishing.internal.PublicationChanged;
import org.springframework.beans.factory.annotation.Autowired;
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
 * shows after at most {@link #TTL_MILLIS} plus one rendering. Only one request renders a page at a
 * time: while it does, the others get the copy that just expired, or wait for the rendering when
 * there is none (without this, every reader arriving as a copy expires renders the page at once,
 * and a crowd of readers keeps the server busy rendering). Responses that set a cookie (a
 * {@code ?lang=} switch) are never kept. Runs after the security filters, so it knows whether the
 * reader is signed in. The {@value #HEADER} response header tells how a page was answered.
 */
@Component
class PublicPageCache extends OncePerRequestFilter {

    static final long TTL_MILLIS = 3_000;
    static final String HEADER = "X-Page-Cache";
    private static final long WAIT_MILLIS = 10_000;
    private static final int MAX_ENTRIES = 2_000;
    private static final Pattern CACHED = Pattern.compile("/(statements|news)(/[a-z0-9-]+)?");

    private record Entry(byte[] body, String contentType, long expires) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    /** The rendering under way per key; completes with the new copy, or null if the response was not kept. */
    private final Map<String, CompletableFuture<Entry>> rendering = new ConcurrentHashMap<>();
    /** Counts changes, so that a rendering begun before a change does not keep its outdated copy. */
    private final AtomicLong generation = new AtomicLong();
    private final LocaleResolver locales;
    private final long ttlMillis;

    @Autowired
    PublicPageCache(LocaleResolver locales) {
        this(locales, TTL_MILLIS);
    }

    PublicPageCache(LocaleResolver locales, long ttlMillis) {
        this.locales = locales;
        this.ttlMillis = ttlMillis;
    }

    @EventListener
    void on(PublicationChanged changed) {
        generation.incrementAndGet();
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
        Entry cached = entries.get(key);
        if (cached != null && cached.expires() > System.currentTimeMillis()) {
            write(cached, "HIT", response);
            return;
        }
        CompletableFuture<Entry> mine = new CompletableFuture<>();
        CompletableFuture<Entry> running = rendering.putIfAbsent(key, mine);
        if (running != null) {
            if (cached != null) {
                write(cached, "STALE", response);
                return;
            }
            Entry rendered = awaitRendering(running);
            if (rendered != null) {
                write(rendered, "HIT", response);
            } else {
                chain.doFilter(request, response);
            }
            return;
        }
        Entry kept = null;
        try {
            long startedIn = generation.get();
            response.setHeader(HEADER, "MISS");
            ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
            chain.doFilter(request, wrapper);
            if (wrapper.getStatus() == 200 && !wrapper.getHeaderNames().contains("Set-Cookie") && wrapper.getContentType() != null
                    && wrapper.getContentType().startsWith("text/html")) {
                kept = new Entry(wrapper.getContentAsByteArray(), wrapper.getContentType(), System.currentTimeMillis() + ttlMillis);
                if (entries.size() >= MAX_ENTRIES) {
                    entries.clear();
                }
                if (generation.get() == startedIn) {
                    entries.put(key, kept);
                }
            }
            wrapper.copyBodyToResponse();
        } finally {
            rendering.remove(key, mine);
            mine.complete(kept);
        }
    }

    private static void write(Entry entry, String how, HttpServletResponse response) throws IOException {
        response.setHeader(HEADER, how);
        response.setContentType(entry.contentType());
        response.setContentLength(entry.body().length);
        response.getOutputStream().write(entry.body());
    }

    private static Entry awaitRendering(CompletableFuture<Entry> running) {
        try {
            return running.get(WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException | TimeoutException e) {
            return null;
        }
    }

    private static boolean anonymous() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated();
    }

}
