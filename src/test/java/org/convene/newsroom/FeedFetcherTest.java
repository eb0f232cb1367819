package org.convene.newsroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import org.convene.newsroom.internal.FeedAddresses;
import org.convene.newsroom.internal.FeedFetcher;
import org.convene.newsroom.internal.NewsroomProperties;
import org.convene.newsroom.internal.RefusedFeedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/**
 * The safe fetcher against real local HTTP servers: the allowed one on 127.0.0.2, and an "internal"
 * one on 127.0.0.1 that must never be reached.
 */
class FeedFetcherTest {

    private FeedServer feeds;
    private FeedServer internal;
    private FeedFetcher fetcher;

    @BeforeEach
    void start() throws Exception {
        feeds = FeedServer.allowed();
        internal = new FeedServer("127.0.0.1").on("/", e -> FeedServer.send(e, 200, "application/rss+xml", FeedServer.rss()));
        NewsroomProperties properties = new NewsroomProperties(Duration.ofMinutes(30), Duration.ofMinutes(10), Duration.ofHours(24),
                Duration.ofMinutes(1), Duration.ofMinutes(1), List.of("127.0.0.2"), DataSize.ofKilobytes(64),
                Duration.ofSeconds(1), Duration.ofMillis(800), Duration.ofSeconds(3), 5);
        fetcher = new FeedFetcher(new FeedAddresses(properties.allowedHosts()), properties, "Convene newsroom (+http://localhost)");
    }

    @AfterEach
    void stop() throws Exception {
        fetcher.close();
        feeds.close();
        internal.close();
    }

    private String failure(String url) {
        Throwable thrown = catchThrowable(() -> fetcher.fetch(url, null, null));
        return thrown instanceof RefusedFeedException r ? r.code()
                : thrown instanceof FeedFetcher.FetchFailedException f ? f.code() : String.valueOf(thrown);
    }

    @Test
    void fetchesWithAUserAgentAndConditionalHeaders() throws Exception {
        feeds.on("/feed", e -> {
            if ("\"v1\"".equals(e.getRequestHeaders().getFirst("If-None-Match"))) {
                e.sendResponseHeaders(304, -1);
                return;
            }
            e.getResponseHeaders().set("ETag", "\"v1\"");
            e.getResponseHeaders().set("Last-Modified", "Mon, 23 Nov 2026 08:00:00 GMT");
            FeedServer.send(e, 200, "application/rss+xml", FeedServer.rss("g1", "One", "https://news.example.org/1"));
        });
        FeedFetcher.Fetched first = fetcher.fetch(feeds.url("/feed"), null, null);
        assertThat(first.notModified()).isFalse();
        assertThat(first.etag()).isEqualTo("\"v1\"");
        assertThat(new String(first.body())).contains("<title>One</title>");
        assertThat(feeds.requests.getFirst().getFirst("User-Agent")).startsWith("Convene");

        FeedFetcher.Fetched second = fetcher.fetch(feeds.url("/feed"), first.etag(), first.lastModified());
        assertThat(second.notModified()).isTrue();
        assertThat(feeds.requests.get(1).getFirst("If-Modified-Since")).isEqualTo("Mon, 23 Nov 2026 08:00:00 GMT");
    }

    @Test
    void privateAddressesAreRefusedAtFetchTimeWithoutAnyRequest() {
        assertThat(failure("http://127.0.0.1:" + internal.port() + "/")).isEqualTo("forbiddenAddress");
        assertThat(failure("http://localhost:" + internal.port() + "/")).isEqualTo("forbiddenAddress");
        assertThat(failure("http://[::ffff:127.0.0.1]:" + internal.port() + "/")).isEqualTo("forbiddenAddress");
        assertThat(failure("http://2130706433:" + internal.port() + "/")).isEqualTo("numericHost");
        assertThat(failure("http://169.254.169.254/latest/meta-data/")).isEqualTo("forbiddenAddress");
        assertThat(failure("file:///etc/passwd")).isEqualTo("scheme");
        assertThat(failure("ftp://127.0.0.2/feed")).isEqualTo("scheme");
        assertThat(internal.totalHits()).isZero();
    }

    @Test
    void aRedirectIntoAPrivateAddressIsRefused() {
        feeds.on("/to-internal", e -> {
            e.getResponseHeaders().set("Location", "http://127.0.0.1:" + internal.port() + "/");
            e.sendResponseHeaders(302, -1);
        });
        feeds.on("/to-localhost", e -> {
            e.getResponseHeaders().set("Location", "http://localhost:" + internal.port() + "/");
            e.sendResponseHeaders(301, -1);
        });
        feeds.on("/to-metadata", e -> {
            e.getResponseHeaders().set("Location", "http://169.254.169.254/latest/meta-data/iam/");
            e.sendResponseHeaders(307, -1);
        });
        feeds.on("/to-file", e -> {
            e.getResponseHeaders().set("Location", "file:///etc/passwd");
            e.sendResponseHeaders(308, -1);
        });
        assertThat(failure(feeds.url("/to-internal"))).isEqualTo("forbiddenAddress");
        assertThat(failure(feeds.url("/to-localhost"))).isEqualTo("forbiddenAddress");
        assertThat(failure(feeds.url("/to-metadata"))).isEqualTo("forbiddenAddress");
        assertThat(failure(feeds.url("/to-file"))).isEqualTo("scheme");
        assertThat(internal.totalHits()).isZero();
    }

    @Test
    void redirectsAreFollowedUpToFiveTimes() throws Exception {
        feeds.on("/hop", e -> {
            int n = Integer.parseInt(e.getRequestURI().getQuery());
            e.getResponseHeaders().set("Location", n == 0 ? "/final" : "/hop?" + (n - 1));
            e.sendResponseHeaders(302, -1);
        });
        feeds.on("/final", e -> FeedServer.send(e, 200, "application/rss+xml", FeedServer.rss()));
        assertThat(fetcher.fetch(feeds.url("/hop?4"), null, null).finalUrl().getPath()).isEqualTo("/final");
        assertThat(failure(feeds.url("/hop?5"))).isEqualTo("redirects");
    }

    @Test
    void aHugeResponseIsCutOff() {
        feeds.on("/huge-declared", e -> {
            e.sendResponseHeaders(200, 10_000_000);
            try (OutputStream out = e.getResponseBody()) {
                out.write(new byte[70_000]);
            }
        });
        feeds.on("/huge-chunked", e -> {
            e.sendResponseHeaders(200, 0);
            try (OutputStream out = e.getResponseBody()) {
                byte[] chunk = "<item>".repeat(1000).getBytes();
                for (int i = 0; i < 10_000; i++) {
                    out.write(chunk);
                }
            }
        });
        assertThat(failure(feeds.url("/huge-declared"))).isEqualTo("tooLarge");
        assertThat(failure(feeds.url("/huge-chunked"))).isEqualTo("tooLarge");
    }

    @Test
    void aSlowResponseTimesOut() {
        feeds.on("/slow", e -> {
            try {
                Thread.sleep(5000);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
            FeedServer.send(e, 200, "application/rss+xml", FeedServer.rss());
        });
        // a trickle: a byte now and then keeps each read short, but the whole fetch has a deadline
        feeds.on("/trickle", e -> {
            e.sendResponseHeaders(200, 0);
            try (OutputStream out = e.getResponseBody()) {
                for (int i = 0; i < 100; i++) {
                    out.write(' ');
                    out.flush();
                    Thread.sleep(300);
                }
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        });
        long started = System.nanoTime();
        assertThat(failure(feeds.url("/slow"))).isEqualTo("timeout");
        assertThat(failure(feeds.url("/trickle"))).isEqualTo("timeout");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(8));
    }

    @Test
    void retryAfterIsReported() {
        feeds.on("/busy", e -> {
            e.getResponseHeaders().set("Retry-After", "7200");
            e.sendResponseHeaders(429, -1);
        });
        Throwable thrown = catchThrowable(() -> fetcher.fetch(feeds.url("/busy"), null, null));
        assertThat(thrown).isInstanceOf(FeedFetcher.FetchFailedException.class);
        assertThat(((FeedFetcher.FetchFailedException) thrown).retryAfter()).isEqualTo(Duration.ofHours(2));
    }
}
