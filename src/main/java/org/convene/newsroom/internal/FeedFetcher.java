package org.convene.newsroom.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * Fetches feeds safely with Apache HttpClient 5: its address lookup is {@link FeedAddresses#resolve},
 * so every connection (redirects included) goes to an address that was checked, with no second
 * lookup; redirects are followed here, each hop checked again; the body is counted as it streams
 * in and the whole fetch has a deadline.
 */
public class FeedFetcher implements AutoCloseable {

    /** What came back: the feed's bytes with its validators, or "not modified". */
    public record Fetched(boolean notModified, byte[] body, String etag, String lastModified, URI finalUrl) {
    }

    /** A fetch that failed; {@code retryAfter} when the server asked us to wait (429, 503). */
    public static class FetchFailedException extends IOException {
        private final String code;
        private final Duration retryAfter;

        FetchFailedException(String code, String detail, Duration retryAfter) {
            super(detail);
            this.code = code;
            this.retryAfter = retryAfter;
        }

        public String code() {
            return code;
        }

        public Duration retryAfter() {
            return retryAfter;
        }
    }

    private final FeedAddresses addresses;
    private final NewsroomProperties properties;
    private final String userAgent;
    private final CloseableHttpClient client;
    private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "newsroom-fetch-deadline");
        thread.setDaemon(true);
        return thread;
    });

    public FeedFetcher(FeedAddresses addresses, NewsroomProperties properties, String userAgent) {
        this.addresses = addresses;
        this.properties = properties;
        this.userAgent = userAgent;
        DnsResolver checkedLookup = new DnsResolver() {
            @Override
            public InetAddress[] resolve(String host) throws RefusedFeedException {
                return addresses.resolve(host);
            }

            @Override
            public String resolveCanonicalHostname(String host) {
                return host;
            }
        };
        Timeout connect = Timeout.of(properties.connectTimeout());
        Timeout read = Timeout.of(properties.readTimeout());
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(checkedLookup)
                        .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(connect).setSocketTimeout(read).build())
                        .setMaxConnTotal(20).setMaxConnPerRoute(2)
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(read)
                        .setConnectionRequestTimeout(connect).build())
                // no proxy from system properties, no cookies, no retries, redirects followed below
                .disableRedirectHandling().disableAutomaticRetries().disableCookieManagement().disableAuthCaching()
                .setUserAgent(userAgent)
                .build();
    }

    /** Fetches the feed, sending the stored validators so that an unchanged feed answers 304. */
    public Fetched fetch(String url, String etag, String lastModified) throws IOException {
        Instant deadline = Instant.now().plus(properties.totalTimeout());
        URI current = addresses.checkUrl(url);
        for (int hop = 0; hop <= properties.maxRedirects(); hop++) {
            HttpGet get = new HttpGet(current);
            get.setHeader("Accept", "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, application/xml;q=0.8, text/xml;q=0.8, */*;q=0.1");
            if (etag != null) {
                get.setHeader("If-None-Match", etag);
            }
            if (lastModified != null) {
                get.setHeader("If-Modified-Since", lastModified);
            }
            long left = Duration.between(Instant.now(), deadline).toMillis();
            if (left <= 0) {
                throw new FetchFailedException("timeout", "took longer than " + properties.totalTimeout(), null);
            }
            ScheduledFuture<?> abort = deadlines.schedule(get::cancel, left, TimeUnit.MILLISECONDS);
            try {
                URI requested = current;
                Object outcome = client.execute(get, response -> handle(requested, response, deadline));
                if (outcome instanceof URI next) {
                    current = next;
                    continue;
                }
                return (Fetched) outcome;
            } catch (RefusedFeedException | FetchFailedException known) {
                throw known;
            } catch (IOException e) {
                RefusedFeedException refused = refusal(e);
                if (refused != null) {
                    throw refused;
                }
                if (get.isCancelled() || e instanceof InterruptedIOException) {
                    throw new FetchFailedException("timeout", String.valueOf(e.getMessage()), null);
                }
                throw new FetchFailedException("network", e.getClass().getSimpleName() + ": " + e.getMessage(), null);
            } finally {
                abort.cancel(false);
            }
        }
        throw new FetchFailedException("redirects", "more than " + properties.maxRedirects() + " redirects", null);
    }

    /** A redirect's next URL, or the result. */
    private Object handle(URI requested, ClassicHttpResponse response, Instant deadline) throws IOException {
        int status = response.getCode();
        if (status == 301 || status == 302 || status == 303 || status == 307 || status == 308) {
            Header location = response.getFirstHeader("Location");
            if (location == null) {
                throw new FetchFailedException("httpStatus", "HTTP " + status + " without Location", null);
            }
            try {
                return addresses.checkUrl(requested.resolve(location.getValue().strip()).toString());
            } catch (IllegalArgumentException e) {
                throw new RefusedFeedException("syntax", "bad redirect");
            }
        }
        if (status == 304) {
            return new Fetched(true, null, header(response, "ETag"), header(response, "Last-Modified"), requested);
        }
        if (status == 429 || status == 503) {
            throw new FetchFailedException("httpStatus", "HTTP " + status, retryAfter(header(response, "Retry-After")));
        }
        if (status != 200) {
            throw new FetchFailedException("httpStatus", "HTTP " + status, null);
        }
        HttpEntity entity = response.getEntity();
        long limit = properties.maxResponseSize().toBytes();
        if (entity == null) {
            throw new FetchFailedException("malformed", "empty response", null);
        }
        if (entity.getContentLength() > limit) {
            throw new FetchFailedException("tooLarge", entity.getContentLength() + " bytes", null);
        }
        byte[] body = read(entity.getContent(), limit, deadline);
        return new Fetched(false, body, header(response, "ETag"), header(response, "Last-Modified"), requested);
    }

    private byte[] read(InputStream in, long limit, Instant deadline) throws IOException {
        try (in; var out = new java.io.ByteArrayOutputStream()) {
            byte[] buffer = new byte[8192];
            long total = 0;
            for (int n; (n = in.read(buffer)) != -1; ) {
                total += n;
                if (total > limit) {
                    throw new FetchFailedException("tooLarge", "over " + limit + " bytes", null);
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new FetchFailedException("timeout", "took longer than " + properties.totalTimeout(), null);
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        }
    }

    private static String header(ClassicHttpResponse response, String name) {
        Header header = response.getFirstHeader(name);
        return header == null || header.getValue().isBlank() ? null : header.getValue().strip();
    }

    /** Retry-After in seconds or as an HTTP date; null if absent or unreadable. */
    static Duration retryAfter(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration wait = Duration.between(Instant.now(), ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (RuntimeException unreadable) {
                return null;
            }
        }
    }

    private static RefusedFeedException refusal(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RefusedFeedException refused) {
                return refused;
            }
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        deadlines.shutdownNow();
        client.close();
    }
}
