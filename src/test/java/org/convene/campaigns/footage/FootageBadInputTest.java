package org.convene.campaigns.footage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.convene.campaigns.CampaignFixtures;
import org.convene.campaigns.internal.Campaign;
import org.convene.campaigns.internal.FootageFiles;
import org.convene.media.GroundMedia;
import org.convene.media.MediaKind;
import org.convene.media.MediaProperties;
import org.convene.platform.security.SecretTokens;
import org.convene.support.ConveneTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every kind of bad footage input, through the upload API: each is refused with a clear problem
 * and leaves no upload session, no received bytes, no footage row and no stored file behind.
 */
@ConveneTest
class FootageBadInputTest {

    @LocalServerPort
    int port;
    @Autowired
    CampaignFixtures campaigns;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    FootageUploads uploads;
    @Autowired
    FootageFiles files;
    @Autowired
    MediaProperties media;
    @Autowired
    GroundMedia groundMedia;

    FootageApi api;
    int chunk;
    Campaign campaign;
    List<Path> storedBefore;

    @BeforeEach
    void setUp() throws IOException {
        api = new FootageApi(port);
        chunk = uploads.chunkSize();
        campaign = campaigns.open();
        storedBefore = stored();
    }

    static final String EMAIL = "careful.sender@example.net";

    @Test
    void contentThatIsNoAllowedType() {
        byte[] text = "Minutes of the river assembly: we met at nine and agreed on the route.\n".repeat(50).getBytes(StandardCharsets.UTF_8);
        refusedAtFirstChunk("minutes.jpg", text, 422, "media.refused.unknown-type");
    }

    @Test
    void aRenamedLinuxExecutable() {
        refusedAtFirstChunk("photo.jpg", FootageTestFiles.elf(20_000), 422, "media.refused.not-allowed");
    }

    @Test
    void aRenamedWindowsExecutable() {
        HttpResponse<String> refused = refusedAtFirstChunk("holiday.jpg", FootageTestFiles.pe(20_000), 422, null);
        assertThat(FootageApi.field(refused.body(), "code")).isIn("media.refused.not-allowed", "media.refused.unknown-type");
    }

    @Test
    void anSvgImage() {
        byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"><rect width=\"10\" height=\"10\"/></svg>"
                .getBytes(StandardCharsets.UTF_8);
        refusedAtFirstChunk("banner.svg", svg, 422, "media.refused.not-allowed");
    }

    @Test
    void aJpegThatIsAlsoAZipArchive() {
        byte[] polyglot = FootageTestFiles.jpegZipPolyglot(FootageTestFiles.noisyJpeg(300, 200, 11));
        refusedAtCompletion("poly.jpg", polyglot, 422, "media.refused.polyglot");
    }

    @Test
    void aJpegWithHtmlAppended() {
        byte[] polyglot = FootageTestFiles.jpegWithHtml(FootageTestFiles.noisyJpeg(300, 200, 12));
        refusedAtCompletion("page.jpg", polyglot, 422, "media.refused.polyglot");
    }

    @Test
    void aZeroByteFile() {
        HttpResponse<String> refused = api.start(campaign.slug(), "empty.jpg", 0);
        assertProblem(refused, 400, "media.refused.empty");
        assertNothingLeft(null);
    }

    @Test
    void completedBeforeAllBytesArrived() {
        byte[] photo = FootageTestFiles.noisyJpeg(700, 500, 13);
        String id = api.started(campaign.slug(), "half.jpg", photo.length);
        assertThat(api.chunk(id, 0, photo, chunk).statusCode()).isEqualTo(200);
        HttpResponse<String> refused = api.complete(id, FootageApi.completion(EMAIL));
        assertProblem(refused, 409, "footage.refused.incomplete");
        assertThat(FootageApi.field(refused.body(), "detail")).contains("Only " + chunk + " of the " + photo.length + " bytes arrived");
        assertNothingLeft(id);
    }

    @Test
    void aTruncatedJpeg() {
        byte[] photo = FootageTestFiles.noisyJpeg(700, 500, 14);
        refusedAtCompletion("cut.jpg", Arrays.copyOf(photo, photo.length / 2), 422, "media.refused.damaged");
    }

    @Test
    void anImageDeclaringHugePixelDimensions() {
        refusedAtCompletion("bomb.png", FootageTestFiles.hugePng(), 422, "media.refused.too-many-pixels");
    }

    @Test
    void aVideoDeclaredLargerThanAccepted() {
        long tooLarge = groundMedia.maxBytes(MediaKind.VIDEO) + 1;
        HttpResponse<String> refused = api.start(campaign.slug(), "long-march.mp4", tooLarge);
        assertProblem(refused, 413, "media.refused.too-large");
        assertNothingLeft(null);
    }

    @Test
    void aPhotoDeclaredLargerThanPhotosMayBe() {
        byte[] head = FootageTestFiles.noisyJpeg(700, 500, 15);
        String id = api.started(campaign.slug(), "huge.jpg", groundMedia.maxBytes(MediaKind.PHOTO) + 1);
        assertProblem(api.chunk(id, 0, Arrays.copyOf(head, chunk)), 413, "media.refused.too-large");
        assertNothingLeft(id);
    }

    @Test
    void aVideoWithMoreBytesThanItDeclared() {
        byte[] video = FootageTestFiles.mp4(Path.of("target", "footage-test"), 1);
        int declared = Math.min(video.length, chunk) - 1000;
        String id = api.started(campaign.slug(), "clip.mp4", declared);
        HttpResponse<String> refused = api.chunk(id, 0, Arrays.copyOf(video, declared + 1000));
        assertProblem(refused, 413, "footage.refused.more-than-declared");
        assertNothingLeft(id);
    }

    @Test
    void aChunkOutOfOrderOrRepeatedIsRefusedAndTheFileStaysIntact() throws IOException {
        byte[] photo = FootageTestFiles.noisyJpeg(900, 700, 16);
        assertThat(photo.length).isGreaterThan(3 * chunk);
        String id = api.started(campaign.slug(), "order.jpg", photo.length);
        assertThat(api.chunk(id, 0, photo, chunk).statusCode()).isEqualTo(200);

        HttpResponse<String> early = api.chunk(id, 2, photo, chunk);
        assertProblem(early, 409, "footage.refused.chunk-out-of-order");
        assertThat(FootageApi.field(early.body(), "detail")).contains("Chunk 2 came before chunk 1");

        assertThat(api.chunk(id, 1, photo, chunk).statusCode()).isEqualTo(200);
        byte[] garbage = new byte[chunk];
        new Random(3).nextBytes(garbage);
        HttpResponse<String> repeated = api.chunk(id, 1, garbage);
        assertProblem(repeated, 409, "footage.refused.chunk-repeated");
        assertThat(FootageApi.field(repeated.body(), "detail")).contains("Chunk 1 has arrived already").contains("the next chunk is 2");
        assertThat(Files.readAllBytes(incoming(id))).isEqualTo(Arrays.copyOf(photo, 2 * chunk));

        for (int i = 2; i * chunk < photo.length; i++) {
            assertThat(api.chunk(id, i, photo, chunk).statusCode()).isEqualTo(200);
        }
        assertThat(Files.readAllBytes(incoming(id))).isEqualTo(photo);
        assertThat(api.complete(id, FootageApi.completion(EMAIL)).statusCode()).isEqualTo(201);
        assertThat(incoming(id)).doesNotExist();
    }

    @Test
    void missingConsent() {
        String id = fullyUploaded("noconsent.jpg", FootageTestFiles.noisyJpeg(300, 200, 17));
        HttpResponse<String> refused = api.complete(id, "{\"caption\":\"Banner\",\"email\":\"" + EMAIL + "\",\"consent\":false}");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("\"field\":\"consent\"").contains("Confirm the consent statement");
        assertNothingLeft(id);
    }

    @Test
    void anInvalidEmail() {
        String id = fullyUploaded("bademail.jpg", FootageTestFiles.noisyJpeg(300, 200, 18));
        HttpResponse<String> refused = api.complete(id, "{\"caption\":\"Banner\",\"email\":\"someone@@nowhere\",\"consent\":true}");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("\"field\":\"email\"").contains("valid e-mail address");
        assertNothingLeft(id);
    }

    @Test
    void anActionOfAnotherCampaign() {
        Campaign other = campaigns.open();
        long action = jdbc.sql("""
                        INSERT INTO local_action (campaign_id, action_type, title, starts_at, time_zone, country)
                        VALUES (:c, 'RALLY', 'Elsewhere', now() + interval '20 days', 'Europe/Lisbon', 'PT') RETURNING id""")
                .param("c", other.id()).query(Long.class).single();
        String id = fullyUploaded("wrongaction.jpg", FootageTestFiles.noisyJpeg(300, 200, 19));
        HttpResponse<String> refused = api.complete(id, "{\"email\":\"" + EMAIL + "\",\"consent\":true,\"actionId\":" + action + "}");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("\"field\":\"actionId\"");
        assertNothingLeft(id);
    }

    @Test
    void aClosedCampaign() {
        String id = fullyUploaded("late.jpg", FootageTestFiles.noisyJpeg(300, 200, 20));
        jdbc.sql("UPDATE campaign SET status = 'CLOSED' WHERE id = :id").param("id", campaign.id()).update();

        assertProblem(api.complete(id, FootageApi.completion(EMAIL)), 409, "footage.refused.closed");
        assertNothingLeft(id);
        HttpResponse<String> start = api.start(campaign.slug(), "later.jpg", 1000);
        assertProblem(start, 409, "footage.refused.closed");
        assertThat(FootageApi.field(start.body(), "detail")).contains("closed");
        assertNothingLeft(null);
    }

    @Test
    void anUnknownUploadOrCampaign() {
        assertThat(api.show(SecretTokens.random()).statusCode()).isEqualTo(404);
        assertThat(api.chunk("not-an-upload", 0, new byte[10]).statusCode()).isEqualTo(404);
        assertThat(api.start("no-such-campaign-zz9", "a.jpg", 10).statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> refusedAtFirstChunk(String name, byte[] bytes, int status, String code) {
        String id = api.started(campaign.slug(), name, bytes.length);
        HttpResponse<String> refused = api.chunk(id, 0, Arrays.copyOf(bytes, Math.min(bytes.length, chunk)));
        assertProblem(refused, status, code);
        assertThat(api.show(id).statusCode()).isEqualTo(404);
        assertNothingLeft(id);
        return refused;
    }

    private void refusedAtCompletion(String name, byte[] bytes, int status, String code) {
        String id = fullyUploaded(name, bytes);
        assertProblem(api.complete(id, FootageApi.completion(EMAIL)), status, code);
        assertNothingLeft(id);
    }

    private String fullyUploaded(String name, byte[] bytes) {
        String id = api.started(campaign.slug(), name, bytes.length);
        for (int i = 0; i * chunk < bytes.length; i++) {
            HttpResponse<String> sent = api.chunk(id, i, bytes, chunk);
            assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
        }
        return id;
    }

    private static void assertProblem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        if (code != null) {
            assertThat(FootageApi.field(response.body(), "code")).isEqualTo(code);
        }
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at org.");
    }

    /** No session, received bytes, footage row or new stored file for this campaign. */
    private void assertNothingLeft(String id) {
        assertThat(jdbc.sql("SELECT count(*) FROM footage_upload WHERE campaign_id = :c").param("c", campaign.id()).query(Integer.class).single())
                .isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM footage WHERE campaign_id = :c").param("c", campaign.id()).query(Integer.class).single())
                .isZero();
        if (id != null) {
            assertThat(incoming(id)).doesNotExist();
        }
        try {
            assertThat(stored()).isSubsetOf(storedBefore);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Path incoming(String id) {
        return media.dir().resolve("incoming").resolve(SecretTokens.hash(id) + ".part");
    }

    private List<Path> stored() throws IOException {
        if (!Files.isDirectory(files.dir())) {
            return List.of();
        }
        try (var list = Files.list(files.dir())) {
            return list.toList();
        }
    }
}
