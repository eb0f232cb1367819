package org.convene.campaigns.footage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import org.convene.campaigns.CampaignFixtures;
import org.convene.campaigns.internal.Campaign;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The limits on public uploads: starts per client address and minute (429 past them), and chunk
 * bodies, which may be larger than {@code convene.web.max-body-bytes} (1 MB) up to the chunk size
 * but no larger. Its own application context (on the suite's database) with an allowance of 3
 * uploads a minute and 2 MB chunks.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"convene.campaigns.footage.uploads-per-minute=3", "convene.campaigns.footage.chunk-size=2MB"})
@ActiveProfiles("test")
class FootageLimitsTest {

    static final int CHUNK = 2 * 1024 * 1024;

    @LocalServerPort
    int port;
    @Autowired
    CampaignFixtures campaigns;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void eachAddressMayStartSoManyUploadsAMinute() throws Exception {
        Campaign campaign = campaigns.open();
        for (int i = 0; i < 3; i++) {
            assertThat(start(campaign, "198.51.100.7").statusCode()).isEqualTo(201);
        }
        HttpResponse<String> refused = start(campaign, "198.51.100.7");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("60");
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(refused.body()).contains("Too many uploads from this address");
        assertThat(start(campaign, "198.51.100.8").statusCode()).isEqualTo(201);
    }

    @Test
    void aChunkMayBeAsLargeAsTheChunkSizeButNotLarger() throws Exception {
        Campaign campaign = campaigns.open();
        HttpResponse<String> started = http.send(HttpRequest.newBuilder(uri("/api/v1/campaigns/" + campaign.slug() + "/uploads"))
                .header("Content-Type", "application/json").header("X-Forwarded-For", "198.51.100.9")
                .POST(HttpRequest.BodyPublishers.ofString("{\"fileName\":\"big.jpg\",\"size\":" + (2 * CHUNK) + "}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(started.statusCode()).isEqualTo(201);
        assertThat(FootageApi.field(started.body(), "chunkSize")).isEqualTo(Integer.toString(CHUNK));
        String id = FootageApi.field(started.body(), "id");
        byte[] jpeg = FootageTestFiles.noisyJpeg(600, 400, 41);

        HttpResponse<String> tooLarge = put(id, 0, new byte[CHUNK + 1]);
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(tooLarge.body()).contains("\"status\":413");

        HttpResponse<String> whole = put(id, 0, Arrays.copyOf(jpeg, CHUNK));
        assertThat(whole.statusCode()).as(whole.body()).isEqualTo(200);
        assertThat(whole.headers().firstValue("Upload-Offset")).hasValue(Integer.toString(CHUNK));

        // elsewhere the general limit still holds
        HttpResponse<String> elsewhere = http.send(HttpRequest.newBuilder(uri("/api/v1/uploads/" + id + "/complete"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(new byte[CHUNK])).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(elsewhere.statusCode()).isEqualTo(413);
        assertThat(http.send(HttpRequest.newBuilder(uri("/api/v1/uploads/" + id)).DELETE().build(), HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(204);
    }

    private HttpResponse<String> start(Campaign campaign, String address) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri("/api/v1/campaigns/" + campaign.slug() + "/uploads"))
                .header("Content-Type", "application/json").header("X-Forwarded-For", address)
                .POST(HttpRequest.BodyPublishers.ofString("{\"fileName\":\"a.jpg\",\"size\":1000}")).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> put(String id, int index, byte[] body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri("/api/v1/uploads/" + id + "/chunks/" + index))
                .header("Content-Type", "application/octet-stream").PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
