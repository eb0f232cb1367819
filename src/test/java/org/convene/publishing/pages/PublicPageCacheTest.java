package org.convene.publishing.pages;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.convene.publishing.internal.PublicationChanged;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/** The page cache on its own, with a stand-in for the rendering that counts how often it runs. */
class PublicPageCacheTest {

    private final AtomicInteger renderings = new AtomicInteger();
    private volatile CountDownLatch renderingMayFinish = new CountDownLatch(0);
    private volatile CountDownLatch renderingStarted = new CountDownLatch(1);

    private final FilterChain page = (request, response) -> {
        int n = renderings.incrementAndGet();
        renderingStarted.countDown();
        try {
            renderingMayFinish.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        response.setContentType("text/html;charset=UTF-8");
        response.getOutputStream().write(("<p>rendering " + n + "</p>").getBytes(StandardCharsets.UTF_8));
    };

    private static MockHttpServletRequest statementRequest() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/statements/rivers-belong-to-people");
        request.addHeader("Accept-Language", "en");
        return request;
    }

    private static MockHttpServletResponse get(PublicPageCache cache, FilterChain chain) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        cache.doFilter(statementRequest(), response, chain);
        return response;
    }

    @Test
    void aSecondReaderGetsTheKeptCopyWithoutARendering() throws Exception {
        PublicPageCache cache = new PublicPageCache(new AcceptHeaderLocaleResolver(), 60_000);
        MockHttpServletResponse first = get(cache, page);
        MockHttpServletResponse second = get(cache, page);
        assertThat(first.getHeader(PublicPageCache.HEADER)).isEqualTo("MISS");
        assertThat(second.getHeader(PublicPageCache.HEADER)).isEqualTo("HIT");
        assertThat(second.getContentAsString()).isEqualTo("<p>rendering 1</p>");
        assertThat(renderings).hasValue(1);
    }

    @Test
    void aCrowdArrivingAtAnEmptyCacheIsServedByOneRendering() throws Exception {
        PublicPageCache cache = new PublicPageCache(new AcceptHeaderLocaleResolver(), 60_000);
        renderingMayFinish = new CountDownLatch(1);
        ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor();
        try {
            List<Future<MockHttpServletResponse>> answers = new ArrayList<>();
            answers.add(readers.submit(() -> get(cache, page)));
            assertThat(renderingStarted.await(10, TimeUnit.SECONDS)).isTrue();
            for (int i = 0; i < 30; i++) {
                answers.add(readers.submit(() -> get(cache, page)));
            }
            Thread.sleep(300); // the 30 readers arrive while the first one renders
            renderingMayFinish.countDown();
            for (Future<MockHttpServletResponse> answer : answers) {
                assertThat(answer.get(10, TimeUnit.SECONDS).getContentAsString()).isEqualTo("<p>rendering 1</p>");
            }
        } finally {
            readers.shutdownNow();
        }
        assertThat(renderings).hasValue(1);
    }

    @Test
    void whileAnExpiredCopyIsRenderedAgainOtherReadersGetTheExpiredCopy() throws Exception {
        PublicPageCache cache = new PublicPageCache(new AcceptHeaderLocaleResolver(), 1);
        get(cache, page);
        Thread.sleep(5);
        renderingMayFinish = new CountDownLatch(1);
        renderingStarted = new CountDownLatch(1);
        ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor();
        try {
            Future<MockHttpServletResponse> renderer = readers.submit(() -> get(cache, page));
            assertThat(renderingStarted.await(10, TimeUnit.SECONDS)).isTrue();
            MockHttpServletResponse meanwhile = get(cache, page); // does not wait for the rendering
            assertThat(meanwhile.getHeader(PublicPageCache.HEADER)).isEqualTo("STALE");
            assertThat(meanwhile.getContentAsString()).isEqualTo("<p>rendering 1</p>");
            renderingMayFinish.countDown();
            assertThat(renderer.get(10, TimeUnit.SECONDS).getContentAsString()).isEqualTo("<p>rendering 2</p>");
        } finally {
            readers.shutdownNow();
        }
        assertThat(renderings).hasValue(2);
    }

    @Test
    void aRenderingBegunBeforeAChangeDoesNotKeepItsOutdatedCopy() throws Exception {
        PublicPageCache cache = new PublicPageCache(new AcceptHeaderLocaleResolver(), 60_000);
        renderingMayFinish = new CountDownLatch(1);
        ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor();
        try {
            Future<MockHttpServletResponse> before = readers.submit(() -> get(cache, page));
            assertThat(renderingStarted.await(10, TimeUnit.SECONDS)).isTrue();
            cache.on(new PublicationChanged(1));
            renderingMayFinish.countDown();
            before.get(10, TimeUnit.SECONDS);
        } finally {
            readers.shutdownNow();
        }
        MockHttpServletResponse after = get(cache, page);
        assertThat(after.getHeader(PublicPageCache.HEADER)).isEqualTo("MISS");
        assertThat(after.getContentAsString()).isEqualTo("<p>rendering 2</p>");
    }
}
