package org.convene.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.convene.media.RefusedMediaException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Photos and videos from the ground: accepted by content, stored without metadata, refused with a reason. */
class GroundMediaTest {

    @TempDir
    Path work;

    private Path stored() {
        return work.resolve("stored");
    }

    private GroundMedia media() {
        return media("ffmpeg", "ffprobe", 25 << 20, 64L << 20);
    }

    private static GroundMedia media(String ffmpeg, String ffprobe, long maxPhotoBytes, long maxVideoBytes) {
        return new GroundMedia(new GroundMediaProperties(maxPhotoBytes, maxVideoBytes, 40_000_000, 480, 2, ffmpeg, ffprobe,
                Duration.ofMinutes(1)));
    }

    private Path received(String name, byte[] bytes) throws IOException {
        Path file = work.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    @Test
    void aPhoneJpegLosesItsExifAndGpsAndIsTurnedUpright() throws Exception {
        byte[] upload = TestImages.geotaggedJpeg(400, 200, 6);
        assertThat(new String(upload, StandardCharsets.ISO_8859_1)).contains("Exif", "CameraCo");

        CleanMedia clean = media().store(received("IMG_0001.jpg", upload), stored());

        assertThat(clean.kind()).isEqualTo(MediaKind.PHOTO);
        assertThat(clean.storedName()).matches("[0-9a-f]{32}\\.jpg");
        assertThat(clean.thumbnailName()).isEqualTo(clean.storedName().replace(".jpg", "-thumb.jpg"));
        byte[] out = Files.readAllBytes(stored().resolve(clean.storedName()));
        String text = new String(out, StandardCharsets.ISO_8859_1);
        assertThat(text).doesNotContain("Exif", "CameraCo");
        assertThat(segmentsOf(out)).doesNotContain(0xE1);
        // Orientation 6 means "turn 90 degrees clockwise": the red left half is now on top.
        assertThat(clean.width()).isEqualTo(200);
        assertThat(clean.height()).isEqualTo(400);
        BufferedImage upright = ImageIO.read(stored().resolve(clean.storedName()).toFile());
        assertThat(new Color(upright.getRGB(100, 20)).getRed()).isGreaterThan(200);
        assertThat(new Color(upright.getRGB(100, 380)).getBlue()).isGreaterThan(200);
        assertThat(ImageIO.read(stored().resolve(clean.thumbnailName()).toFile()).getHeight()).isEqualTo(400);
        assertThat(clean.flaggedReason()).isNull();
    }

    @Test
    void everyOrientationComesOutUpright() throws Exception {
        for (int orientation = 1; orientation <= 8; orientation++) {
            CleanMedia clean = media().store(received("o" + orientation + ".jpg", TestImages.geotaggedJpeg(300, 100, orientation)), stored());
            BufferedImage image = ImageIO.read(stored().resolve(clean.storedName()).toFile());
            boolean turned = orientation >= 5;
            assertThat(image.getWidth()).as("orientation %d", orientation).isEqualTo(turned ? 100 : 300);
            // Where the red half (the stored picture's left) ends up when displayed as the tag asks.
            int[] redAt = switch (orientation) {
                case 1, 4 -> new int[] {30, 50};
                case 2, 3 -> new int[] {270, 50};
                case 5, 6 -> new int[] {50, 30};
                default -> new int[] {50, 270};
            };
            assertThat(new Color(image.getRGB(redAt[0], redAt[1])).getRed()).as("orientation %d", orientation).isGreaterThan(200);
        }
    }

    @Test
    void aTransparentPngStaysAPng() throws Exception {
        BufferedImage image = new BufferedImage(60, 40, BufferedImage.TYPE_INT_ARGB);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        CleanMedia clean = media().store(received("sign.png", png.toByteArray()), stored());
        assertThat(clean.contentType()).isEqualTo("image/png");
        assertThat(clean.storedName()).endsWith(".png");
    }

    @Test
    void filesThatAreNoPhotoOrVideoAreRefusedByContentWhateverTheirName() throws Exception {
        byte[] elf = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0x3e, 0};
        byte[] pe = new byte[256];
        pe[0] = 'M';
        pe[1] = 'Z';
        pe[0x3c] = (byte) 0x80;
        pe[0x80] = 'P';
        pe[0x81] = 'E';
        assertRefused("holiday.jpg", elf, Reason.NOT_ALLOWED);
        assertRefused("holiday.jpg", pe, Reason.NOT_ALLOWED);
        assertRefused("map.jpg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".getBytes(), Reason.NOT_ALLOWED);
        assertRefused("page.png", "<!doctype html><html><body>hi</body></html>".getBytes(), Reason.NOT_ALLOWED);
        assertRefused("notes.jpg", "just some words, not a picture at all".getBytes(), Reason.UNKNOWN_TYPE);
        assertRefused("empty.jpg", new byte[0], Reason.EMPTY);
    }

    @Test
    void polyglotsAreRefused() throws Exception {
        byte[] jpeg = TestImages.geotaggedJpeg(64, 64, 1);
        assertRefused("zip.jpg", concat(jpeg, zip()), Reason.POLYGLOT);
        assertRefused("page.jpg", concat(jpeg, "<html><script>alert(document.domain)</script></html>".getBytes()), Reason.POLYGLOT);
        byte[] pdfInside = jpeg.clone();
        System.arraycopy("%PDF-1.7".getBytes(), 0, pdfInside, 200, 8);
        assertRefused("doc.jpg", pdfInside, Reason.POLYGLOT);
    }

    @Test
    void damagedAndBombPhotosAreRefused() throws Exception {
        byte[] jpeg = TestImages.geotaggedJpeg(800, 600, 1);
        assertRefused("cut.jpg", Arrays.copyOf(jpeg, jpeg.length * 2 / 3), Reason.DAMAGED);
        assertRefused("bomb.png", ImagesTest.pngDeclaring(100_000, 100_000), Reason.TOO_MANY_PIXELS);
        GroundMedia small = media("ffmpeg", "ffprobe", 1_000, 64L << 20);
        assertThatThrownBy(() -> small.store(received("big.jpg", jpeg), stored()))
                .isInstanceOfSatisfying(RefusedMediaException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE));
        assertThat(small.maxBytes(MediaKind.PHOTO)).isEqualTo(1_000);
    }

    @Test
    void aVideoKeepsItsPictureButLosesItsLocationAndTitle() throws Exception {
        Path video = ffmpeg("in.mp4", "-f", "lavfi", "-i", "testsrc=size=320x240:rate=10", "-t", "2",
                "-metadata", "location=+52.3676+004.9041/", "-metadata", "title=Rally at the harbour", "-metadata", "artist=Noor");
        assertThat(probeTags(video)).contains("location", "title", "artist");

        CleanMedia clean = media().store(video, stored());

        assertThat(clean.kind()).isEqualTo(MediaKind.VIDEO);
        assertThat(clean.storedName()).endsWith(".mp4");
        assertThat(clean.contentType()).isEqualTo("video/mp4");
        assertThat(clean.width()).isEqualTo(320);
        assertThat(clean.flaggedReason()).isNull();
        String tags = probeTags(stored().resolve(clean.storedName()));
        assertThat(tags).doesNotContain("location", "title", "artist", "Noor", "52.3676");
        assertThat(ImageIO.read(stored().resolve(clean.thumbnailName()).toFile()).getWidth()).isEqualTo(320);
    }

    @Test
    void matroskaAndWebmStayInTheirContainer() throws Exception {
        CleanMedia webm = media().store(ffmpeg("in.webm", "-f", "lavfi", "-i", "testsrc=size=160x120:rate=5", "-t", "1",
                "-c:v", "libvpx", "-metadata", "title=Secret"), stored());
        assertThat(webm.storedName()).endsWith(".webm");
        assertThat(webm.contentType()).isEqualTo("video/webm");
        CleanMedia mkv = media().store(ffmpeg("in.mkv", "-f", "lavfi", "-i", "testsrc=size=160x120:rate=5", "-t", "1"), stored());
        assertThat(mkv.storedName()).endsWith(".mkv");
    }

    @Test
    void aCutVideoIsRefusedAndLeavesNothing() throws Exception {
        byte[] whole = Files.readAllBytes(ffmpeg("whole.mp4", "-f", "lavfi", "-i", "testsrc=size=320x240:rate=10", "-t", "2"));
        assertRefused("cut.mp4", Arrays.copyOf(whole, whole.length / 2), Reason.DAMAGED);
        GroundMedia small = media("ffmpeg", "ffprobe", 25 << 20, 1_000);
        assertThatThrownBy(() -> small.store(received("big.mp4", whole), stored()))
                .isInstanceOfSatisfying(RefusedMediaException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE));
    }

    @Test
    void withoutFfmpegAVideoIsKeptAsSentAndFlaggedForTheModerator() throws Exception {
        Path video = ffmpeg("in.mp4", "-f", "lavfi", "-i", "testsrc=size=160x120:rate=5", "-t", "1");
        CleanMedia kept = media("/nonexistent/ffmpeg", "/nonexistent/ffprobe", 25 << 20, 64L << 20).store(video, stored());
        assertThat(kept.flaggedReason()).contains("kept as sent");
        assertThat(Files.readAllBytes(stored().resolve(kept.storedName()))).isEqualTo(Files.readAllBytes(video));
    }

    private void assertRefused(String name, byte[] bytes, Reason reason) throws IOException {
        Path file = received(name, bytes);
        assertThatThrownBy(() -> media().store(file, stored()))
                .as(name).isInstanceOfSatisfying(RefusedMediaException.class, e -> {
                    assertThat(e.reason()).as(name + ": " + e.getMessage()).isEqualTo(reason);
                    assertThat(e.messageKey()).startsWith("media.refused.");
                });
        if (Files.isDirectory(stored())) {
            try (var left = Files.list(stored())) {
                assertThat(left.toList()).as("files left after refusing " + name).isEmpty();
            }
        }
    }

    private Path ffmpeg(String name, String... args) throws Exception {
        Path out = work.resolve(name);
        List<String> command = new java.util.ArrayList<>(List.of("ffmpeg", "-v", "error", "-nostdin", "-y"));
        command.addAll(List.of(args));
        command.add(out.toString());
        Process process = new ProcessBuilder(command).inheritIO().start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        return out;
    }

    private static String probeTags(Path file) throws Exception {
        Process process = new ProcessBuilder("ffprobe", "-v", "error", "-show_entries", "format_tags:stream_tags", "-of", "flat",
                file.toString()).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(30, TimeUnit.SECONDS);
        return out;
    }

    /** The JPEG marker bytes (0xE0 for APP0, 0xE1 for APP1...) of the segments before the image data. */
    private static List<Integer> segmentsOf(byte[] jpeg) {
        List<Integer> markers = new java.util.ArrayList<>();
        int i = 2;
        while (i + 4 < jpeg.length && (jpeg[i] & 0xff) == 0xFF) {
            int marker = jpeg[i + 1] & 0xff;
            markers.add(marker);
            if (marker == 0xDA) {
                break;
            }
            i += 2 + (((jpeg[i + 2] & 0xff) << 8) | (jpeg[i + 3] & 0xff));
        }
        return markers;
    }

    private static byte[] zip() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("payload.txt"));
            zip.write("hidden".getBytes());
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
