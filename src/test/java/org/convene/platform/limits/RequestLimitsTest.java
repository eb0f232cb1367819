package org.convene.platform.limits;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.convene.support.BrowserTest;
import org.junit.jupiter.api.Test;

/** Oversized bodies and uploads are refused with 413: a friendly page for browsers, a problem for the API. */
class RequestLimitsTest extends BrowserTest {

    static final byte[] TWO_MEGABYTES = new byte[2 * 1024 * 1024];

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void oversizedFormPostGetsTheFriendlyPage() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url("/login")))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofByteArray(TWO_MEGABYTES)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        assertThat(response.body()).contains("Too large").contains("larger than this site accepts").doesNotContain("Exception");
    }

    @Test
    void oversizedApiBodyIsAProblem() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url("/api/v1/organizations")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(TWO_MEGABYTES)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"status\":413");
    }

    @Test
    void oversizedChunkedApiBodyIsAProblem() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url("/api/v1/organizations")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(TWO_MEGABYTES))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("\"status\":413");
    }

    @Test
    void smallChunkedBodyStillReachesTheApplication() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url("/api/v1/organizations")))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream("{}".getBytes()))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isNotEqualTo(413).isLessThan(500);
    }

    @Test
    void uploadsOverTheLimitsAreRefusedAsTooLarge() {
        page.navigate(url("/login"));
        String csrf = page.locator("input[name=_csrf]").first().inputValue();

        APIResponse small = upload("/test/upload", csrf, 1000, "text/html");
        assertThat(small.status()).isEqualTo(200);
        assertThat(small.text()).isEqualTo("received 1000 bytes");

        APIResponse fileTooLarge = upload("/test/upload", csrf, 5 * 1024 * 1024 + 500_000, "text/html");
        assertThat(fileTooLarge.status()).isEqualTo(413);
        assertThat(fileTooLarge.text()).contains("Too large").doesNotContain("Exception");

        APIResponse requestTooLarge = upload("/test/upload", csrf, 7 * 1024 * 1024, "text/html");
        assertThat(requestTooLarge.status()).isEqualTo(413);
        assertThat(requestTooLarge.text()).contains("Too large");

        APIResponse apiTooLarge = upload("/api/v1/test-upload", null, 7 * 1024 * 1024, "application/json");
        assertThat(apiTooLarge.status()).isEqualTo(413);
        assertThat(apiTooLarge.headers().get("content-type")).startsWith("application/problem+json");
        assertThat(apiTooLarge.text()).contains("\"status\":413");
    }

    private APIResponse upload(String path, String csrf, int bytes, String accept) {
        FormData form = FormData.create();
        if (csrf != null) {
            form.set("_csrf", csrf);
        }
        form.set("file", new FilePayload("photo.bin", "application/octet-stream", new byte[bytes]));
        return page.request().post(url(path), RequestOptions.create().setHeader("Accept", accept).setMultipart(form));
    }
}
