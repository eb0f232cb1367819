package org.convene.campaigns.gallery;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.convene.campaigns.internal.Campaign;
import org.convene.campaigns.internal.FootageFiles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Real footage for tests: JPEGs drawn with ImageIO (and their thumbnails), and a tiny MP4 made once
 * by ffmpeg, written into {@link FootageFiles#dir()} under server-style names, with their rows.
 * Local actions are inserted with SQL (another part of the campaigns module registers them).
 */
@Component
public class FootageFixtures {

    /** What to insert; change fields with the withers. */
    public record Spec(Long actionId, String kind, String status, boolean featured, String caption, String place, String credit,
                       String flaggedReason, Instant submittedAt) {

        public Spec action(Long id) {
            return new Spec(id, kind, status, featured, caption, place, credit, flaggedReason, submittedAt);
        }

        public Spec video() {
            return new Spec(actionId, "VIDEO", status, featured, caption, place, credit, flaggedReason, submittedAt);
        }

        public Spec status(String value) {
            return new Spec(actionId, kind, value, featured, caption, place, credit, flaggedReason, submittedAt);
        }

        public Spec asFeatured() {
            return new Spec(actionId, kind, "APPROVED", true, caption, place, credit, flaggedReason, submittedAt);
        }

        public Spec caption(String value) {
            return new Spec(actionId, kind, status, featured, value, place, credit, flaggedReason, submittedAt);
        }

        public Spec flagged(String reason) {
            return new Spec(actionId, kind, status, featured, caption, place, credit, reason, submittedAt);
        }

        public Spec at(Instant time) {
            return new Spec(actionId, kind, status, featured, caption, place, credit, flaggedReason, time);
        }
    }

    /** An inserted piece of footage. */
    public record Stored(long id, String storedName, String thumbnailName, Path file, Path thumbnail) {
    }

    private static Path video;

    private final FootageFiles files;
    private final JdbcClient jdbc;

    FootageFixtures(FootageFiles files, JdbcClient jdbc) {
        this.files = files;
        this.jdbc = jdbc;
    }

    public static Spec photo() {
        return new Spec(null, "PHOTO", "PENDING", false, "Banners on the river bank", "Harbour square", "R. Lind", null, null);
    }

    public Stored insert(Campaign campaign, Spec spec) {
        try {
            Files.createDirectories(files.dir());
            String base = HexFormat.of().formatHex(UUIDs.bytes());
            boolean isVideo = "VIDEO".equals(spec.kind());
            String storedName = base + (isVideo ? ".mp4" : ".jpg");
            String thumbName = base + "-thumb.jpg";
            Path file = files.dir().resolve(storedName);
            Path thumb = files.dir().resolve(thumbName);
            if (isVideo) {
                Files.copy(tinyVideo(), file);
            } else {
                ImageIO.write(picture(640, 480, spec.caption()), "jpg", file.toFile());
            }
            ImageIO.write(picture(320, 240, spec.caption()), "jpg", thumb.toFile());
            long id = jdbc.sql("""
                            INSERT INTO footage (campaign_id, local_action_id, kind, status, featured, stored_name, thumbnail_name,
                                                 content_type, byte_size, width, height, caption, place, credit, consent_at,
                                                 submitter_email, flagged_reason, submitted_at)
                            VALUES (:campaign, :action, :kind, :status, :featured, :stored, :thumb, :type, :size, :w, :h, :caption,
                                    :place, :credit, now(), :email, :flagged, coalesce(CAST(:at AS TIMESTAMPTZ), now()))
                            RETURNING id""")
                    .param("campaign", campaign.id()).param("action", spec.actionId()).param("kind", spec.kind())
                    .param("status", spec.status()).param("featured", spec.featured()).param("stored", storedName)
                    .param("thumb", thumbName).param("type", isVideo ? "video/mp4" : "image/jpeg").param("size", Files.size(file))
                    .param("w", isVideo ? 320 : 640).param("h", isVideo ? 240 : 480).param("caption", spec.caption())
                    .param("place", spec.place()).param("credit", spec.credit())
                    .param("email", "sender-" + base.substring(0, 6) + "@example.net").param("flagged", spec.flaggedReason())
                    .param("at", spec.submittedAt() == null ? null : java.sql.Timestamp.from(spec.submittedAt()))
                    .query(Long.class).single();
            return new Stored(id, storedName, thumbName, file, thumb);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A published local action (inserted with SQL); latitude and longitude may be null. */
    public long action(Campaign campaign, Long organizationId, String title, String country, Double latitude, Double longitude) {
        return jdbc.sql("""
                        INSERT INTO local_action (campaign_id, organization_id, action_type, title, starts_at, time_zone, city, country,
                                                  latitude, longitude, contact_email)
                        VALUES (:campaign, :organization, 'RALLY', :title, now(), 'Europe/Lisbon', 'Riverside', :country, :lat, :lon,
                                'organizer@example.net') RETURNING id""")
                .param("campaign", campaign.id()).param("organization", organizationId).param("title", title)
                .param("country", country).param("lat", latitude).param("lon", longitude)
                .query(Long.class).single();
    }

    public String status(long footageId) {
        return jdbc.sql("SELECT status FROM footage WHERE id = :id").param("id", footageId).query(String.class).single();
    }

    public JdbcClient jdbc() {
        return jdbc;
    }

    private static BufferedImage picture(int width, int height, String seed) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        int hue = seed == null ? 0 : seed.hashCode();
        g.setColor(new Color(Color.HSBtoRGB((hue & 0xff) / 255f, 0.5f, 0.8f)));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.WHITE);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        return image;
    }

    /** A one-second 320x240 MP4, made once per test JVM by ffmpeg. */
    private static synchronized Path tinyVideo() throws IOException {
        if (video == null) {
            Path out = Files.createTempDirectory("footage-video").resolve("out.mp4");
            Process ffmpeg = new ProcessBuilder(List.of("ffmpeg", "-hide_banner", "-loglevel", "error", "-f", "lavfi", "-i",
                    "testsrc=size=320x240:rate=10", "-t", "1", "-pix_fmt", "yuv420p", out.toString()))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            try {
                if (!ffmpeg.waitFor(60, TimeUnit.SECONDS) || ffmpeg.exitValue() != 0) {
                    throw new IOException("ffmpeg could not make the test video");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            video = out;
        }
        return video;
    }

    private static final class UUIDs {
        static byte[] bytes() {
            UUID uuid = UUID.randomUUID();
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(16);
            buffer.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
            return buffer.array();
        }
    }
}
