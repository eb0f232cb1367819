package org.convene.campaigns.footage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.convene.accounts.StaffRole;
import org.convene.accounts.WebClient;
import org.convene.campaigns.CampaignFixtures;
import org.convene.campaigns.internal.Campaign;
import org.convene.campaigns.internal.FootageFiles;
import org.convene.events.MemberNetworkFixtures;
import org.convene.media.MediaProperties;
import org.convene.platform.security.SecretTokens;
import org.convene.support.ConveneTest;
import org.convene.support.TestStaff;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The resumable upload protocol end to end: chunks in order, resuming after a dropped connection,
 * the footage row and the confirmation mail, the personal page, who may fetch a pending file,
 * withdrawal, and the clean-up of abandoned uploads.
 */
@ConveneTest
class FootageUploadTest {

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
    FootageLinks links;
    @Autowired
    TestStaff staff;
    @Autowired
    MemberNetworkFixtures network;

    FootageApi api;
    int chunk;

    @BeforeEach
    void client() {
        api = new FootageApi(port);
        chunk = uploads.chunkSize();
    }

    static String email() {
        return "sender-" + UUID.randomUUID().toString().substring(0, 8) + "@example.net";
    }

    @Test
    void aPhotoInSeveralChunksBecomesPendingFootageWithAConfirmationMail() throws IOException {
        Campaign campaign = campaigns.open();
        byte[] photo = FootageTestFiles.noisyJpeg(700, 500, 1);
        assertThat(photo.length).isGreaterThan(2 * chunk);
        String email = email();
        List<Path> before = incomingFiles();

        HttpResponse<String> done = api.upload(campaign.slug(), "dawn.jpg", photo, chunk, email);

        assertThat(done.statusCode()).as(done.body()).isEqualTo(201);
        long id = Long.parseLong(FootageApi.field(done.body(), "id"));
        Map<String, Object> row = jdbc.sql("SELECT kind, status, caption, place, credit, submitter_email, consent_at IS NOT NULL AS consented, "
                + "stored_name, thumbnail_name FROM footage WHERE id = :id").param("id", id).query().singleRow();
        assertThat(row).containsEntry("kind", "PHOTO").containsEntry("status", "PENDING").containsEntry("caption", "River bank clean-up at dawn")
                .containsEntry("place", "Porto Velho").containsEntry("credit", "Lina Moreau").containsEntry("submitter_email", email)
                .containsEntry("consented", true);
        assertThat(files.find((String) row.get("stored_name"))).isPresent();
        assertThat(jdbc.sql("SELECT count(*) FROM footage_upload WHERE campaign_id = :c").param("c", campaign.id()).query(Integer.class).single()).isZero();
        assertThat(incomingFiles()).isSubsetOf(before);

        String mail = jdbc.sql("SELECT body_text FROM mail_outbox WHERE recipient = :to").param("to", email).query(String.class).single();
        assertThat(mail).contains("dawn.jpg").contains(links.path(id));
    }

    @Test
    void aDroppedConnectionResumesFromTheOffsetAndTheFileIsByteIdentical() throws IOException {
        Campaign campaign = campaigns.open();
        byte[] photo = FootageTestFiles.noisyJpeg(1000, 800, 2);
        int chunks = (photo.length + chunk - 1) / chunk;
        assertThat(chunks).isGreaterThanOrEqualTo(4);
        String id = api.started(campaign.slug(), "resumed.jpg", photo.length);
        int half = chunks / 2;
        for (int i = 0; i < half; i++) {
            assertThat(api.chunk(id, i, photo, chunk).statusCode()).isEqualTo(200);
        }
        // the connection drops in the middle of the next chunk: nothing of it counts
        api.dropHalfWay(id, half, Arrays.copyOfRange(photo, half * chunk, Math.min(photo.length, (half + 1) * chunk)));
        HttpResponse<String> where = api.show(id);
        assertThat(where.statusCode()).isEqualTo(200);
        assertThat(where.headers().firstValue("Upload-Offset")).hasValue(Long.toString((long) half * chunk));
        assertThat(FootageApi.field(where.body(), "nextChunk")).isEqualTo(Integer.toString(half));
        assertThat(api.head(id).headers().firstValue("Upload-Offset")).hasValue(Long.toString((long) half * chunk));
        assertThat(Files.size(incoming(id))).isEqualTo((long) half * chunk);

        for (int i = half; i < chunks; i++) {
            assertThat(api.chunk(id, i, photo, chunk).statusCode()).isEqualTo(200);
        }
        assertThat(Files.readAllBytes(incoming(id))).isEqualTo(photo);
        assertThat(FootageApi.field(api.show(id).body(), "nextChunk")).isEqualTo(Integer.toString(chunks));
        HttpResponse<String> done = api.complete(id, FootageApi.completion(email()));
        assertThat(done.statusCode()).as(done.body()).isEqualTo(201);

        // the same photo sent without interruption is stored as exactly the same clean file
        HttpResponse<String> straight = api.upload(campaign.slug(), "straight.jpg", photo, chunk, email());
        assertThat(Files.readAllBytes(stored(done))).isEqualTo(Files.readAllBytes(stored(straight)));
        assertThat(incoming(id)).doesNotExist();
    }

    @Test
    void aVideoSurvivesADroppedConnectionWithItsContentIntact() throws IOException {
        Campaign campaign = campaigns.open();
        byte[] video = FootageTestFiles.mp4(Path.of("target", "footage-test"), 4);
        int chunks = (video.length + chunk - 1) / chunk;
        assertThat(chunks).isGreaterThanOrEqualTo(2);
        String id = api.started(campaign.slug(), "march.mp4", video.length);
        assertThat(api.chunk(id, 0, video, chunk).statusCode()).isEqualTo(200);
        api.dropHalfWay(id, 1, Arrays.copyOfRange(video, chunk, Math.min(video.length, 2 * chunk)));
        int next = Integer.parseInt(FootageApi.field(api.show(id).body(), "nextChunk"));
        assertThat(next).isEqualTo(1);
        for (int i = next; i < chunks; i++) {
            assertThat(api.chunk(id, i, video, chunk).statusCode()).isEqualTo(200);
        }
        HttpResponse<String> done = api.complete(id, FootageApi.completion(email()));
        assertThat(done.statusCode()).as(done.body()).isEqualTo(201);
        Path original = Path.of("target", "footage-test", "original-" + id.substring(0, 8) + ".mp4");
        Files.write(original, video);
        assertThat(jdbc.sql("SELECT kind FROM footage WHERE id = :id").param("id", Long.parseLong(FootageApi.field(done.body(), "id")))
                .query(String.class).single()).isEqualTo("VIDEO");
        List<String> expected = FootageTestFiles.videoPacketHashes(original);
        assertThat(expected).hasSizeGreaterThan(50);
        assertThat(FootageTestFiles.videoPacketHashes(stored(done))).isEqualTo(expected);
        Files.delete(original);
    }

    @Test
    void aPendingFileIsServedOnlyForThePersonalLinkAndToStaffAndGoesWhenWithdrawn() {
        Campaign campaign = campaigns.open();
        MemberNetworkFixtures.Corner corner = network.corner();
        long action = jdbc.sql("""
                        INSERT INTO local_action (campaign_id, organization_id, action_type, title, starts_at, time_zone, country)
                        VALUES (:c, :org, 'RALLY', 'Lantern walk by the weir', now() + interval '20 days', 'Europe/Lisbon', 'PT') RETURNING id""")
                .param("c", campaign.id()).param("org", corner.member().id()).query(Long.class).single();
        String id = api.started(campaign.slug(), "lanterns.jpg", FootageTestFiles.noisyJpeg(200, 150, 3).length);
        byte[] photo = FootageTestFiles.noisyJpeg(200, 150, 3);
        for (int i = 0; i * chunk < photo.length; i++) {
            api.chunk(id, i, photo, chunk);
        }
        HttpResponse<String> done = api.complete(id, "{\"caption\":\"Lanterns\",\"email\":\"" + email() + "\",\"consent\":true,\"actionId\":" + action + "}");
        assertThat(done.statusCode()).as(done.body()).isEqualTo(201);
        long footageId = Long.parseLong(FootageApi.field(done.body(), "id"));
        String stored = jdbc.sql("SELECT stored_name FROM footage WHERE id = :id").param("id", footageId).query(String.class).single();
        String thumb = jdbc.sql("SELECT thumbnail_name FROM footage WHERE id = :id").param("id", footageId).query(String.class).single();
        String token = links.token(footageId);

        assertThat(api.get("/footage/" + stored).statusCode()).isEqualTo(404);
        assertThat(api.get("/footage/" + stored + "?t=" + links.token(footageId + 1)).statusCode()).isEqualTo(404);
        HttpResponse<byte[]> mine = api.get("/footage/" + stored + "?t=" + token);
        assertThat(mine.statusCode()).isEqualTo(200);
        assertThat(mine.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(mine.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(mine.headers().allValues("Content-Security-Policy")).contains("default-src 'none'; sandbox");
        assertThat(mine.headers().firstValue("Content-Disposition").orElse("")).startsWith("inline");
        assertThat(api.get("/footage/" + stored + "?t=" + token + "&download").headers().firstValue("Content-Disposition").orElse(""))
                .startsWith("attachment");
        assertThat(api.get("/footage/" + thumb + "?t=" + token).statusCode()).isEqualTo(200);

        TestStaff.Login adminLogin = staff.networkAdmin();
        WebClient admin = new WebClient(port).signedIn(adminLogin.email(), adminLogin.password());
        assertThat(admin.get("/footage/" + stored).statusCode()).isEqualTo(200);
        TestStaff.Login memberLogin = staff.create(StaffRole.ORG_EDITOR, corner.member().id());
        WebClient member = new WebClient(port).signedIn(memberLogin.email(), memberLogin.password());
        assertThat(member.get("/footage/" + stored).statusCode()).isEqualTo(200);
        TestStaff.Login outsiderLogin = staff.create(StaffRole.ORG_EDITOR, corner.outsider().id());
        WebClient outsider = new WebClient(port).signedIn(outsiderLogin.email(), outsiderLogin.password());
        assertThat(outsider.get("/footage/" + stored).statusCode()).isEqualTo(404);

        WebClient submitter = new WebClient(port);
        HttpResponse<String> page = submitter.get(links.path(footageId));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Lanterns").contains("Waiting for moderation").contains("/footage/" + thumb + "?t=" + token);
        HttpResponse<String> withdrawn = submitter.post(links.path(footageId) + "/withdraw", Map.of());
        assertThat(withdrawn.statusCode()).isIn(200, 302, 303);
        assertThat(jdbc.sql("SELECT status FROM footage WHERE id = :id").param("id", footageId).query(String.class).single()).isEqualTo("WITHDRAWN");
        assertThat(files.find(stored)).isEmpty();
        assertThat(files.find(thumb)).isEmpty();
        assertThat(api.get("/footage/" + stored + "?t=" + token).statusCode()).isEqualTo(404);
        assertThat(submitter.get(links.path(footageId)).body()).contains("Withdrawn");

        jdbc.sql("UPDATE footage SET status = 'APPROVED' WHERE id = :id").param("id", footageId).update();
        assertThat(api.get("/footage/" + stored).statusCode()).isEqualTo(404); // its files are gone for good
    }

    @Test
    void approvedFootageIsEveryonesAndVideosAnswerByteRanges() {
        Campaign campaign = campaigns.open();
        byte[] video = FootageTestFiles.mp4(Path.of("target", "footage-test"), 2);
        HttpResponse<String> done = api.upload(campaign.slug(), "clip.mp4", video, chunk, email());
        assertThat(done.statusCode()).as(done.body()).isEqualTo(201);
        long footageId = Long.parseLong(FootageApi.field(done.body(), "id"));
        jdbc.sql("UPDATE footage SET status = 'APPROVED' WHERE id = :id").param("id", footageId).update();
        String stored = jdbc.sql("SELECT stored_name FROM footage WHERE id = :id").param("id", footageId).query(String.class).single();

        HttpResponse<byte[]> range = api.get("/footage/" + stored, "Range", "bytes=100-199");
        assertThat(range.statusCode()).isEqualTo(206);
        assertThat(range.body()).hasSize(100);
        assertThat(range.headers().firstValue("Content-Range").orElse("")).startsWith("bytes 100-199/");
        assertThat(range.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(api.get("/footage/" + stored).statusCode()).isEqualTo(200);
        assertThat(api.get("/footage/../application.yml").statusCode()).isIn(400, 404);
    }

    @Test
    void abandonedUploadsAreDeletedWithTheirBytes() throws IOException {
        Campaign campaign = campaigns.open();
        byte[] photo = FootageTestFiles.noisyJpeg(300, 200, 4);
        String id = api.started(campaign.slug(), "left.jpg", photo.length);
        assertThat(api.chunk(id, 0, photo, chunk).statusCode()).isEqualTo(200);
        String fresh = api.started(campaign.slug(), "fresh.jpg", photo.length);
        assertThat(api.chunk(fresh, 0, photo, chunk).statusCode()).isEqualTo(200);
        assertThat(incoming(id)).exists();
        jdbc.sql("UPDATE footage_upload SET updated_at = now() - interval '25 hours' WHERE token_hash = :h")
                .param("h", SecretTokens.hash(id)).update();

        assertThat(uploads.deleteAbandoned(Duration.ofHours(24))).isGreaterThanOrEqualTo(1);

        assertThat(api.show(id).statusCode()).isEqualTo(404);
        assertThat(incoming(id)).doesNotExist();
        assertThat(api.show(fresh).statusCode()).isEqualTo(200);
        assertThat(incoming(fresh)).exists();
        assertThat(api.delete(fresh).statusCode()).isEqualTo(204);
        assertThat(incoming(fresh)).doesNotExist();
    }

    private Path incoming(String id) {
        return media.dir().resolve("incoming").resolve(SecretTokens.hash(id) + ".part");
    }

    private List<Path> incomingFiles() throws IOException {
        Path dir = media.dir().resolve("incoming");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (var list = Files.list(dir)) {
            return list.toList();
        }
    }

    private Path stored(HttpResponse<String> done) {
        long id = Long.parseLong(FootageApi.field(done.body(), "id"));
        String name = jdbc.sql("SELECT stored_name FROM footage WHERE id = :id").param("id", id).query(String.class).single();
        return files.find(name).orElseThrow();
    }
}
