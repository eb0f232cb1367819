package org.convene.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Uploaded images: checked by content, limited before decoding, re-encoded without metadata. */
class ImagesTest {

    @TempDir
    Path dir;

    private Images images(long maxBytes) {
        return new Images(new MediaProperties(dir, maxBytes, 4096, 512));
    }

    @Test
    void pngWithGpsMetadataComesOutWithoutIt() throws Exception {
        byte[] upload = pngWithText("GPSLatitude", "52.3676 N; GPSLongitude 4.9041 E", 1200, 800);
        assertThat(new String(upload, StandardCharsets.ISO_8859_1)).contains("GPSLatitude");

        String name = images(5_000_000).storeLogo(new ByteArrayInputStream(upload), upload.length);

        byte[] stored = Files.readAllBytes(dir.resolve(name));
        String raw = new String(stored, StandardCharsets.ISO_8859_1);
        assertThat(raw).doesNotContain("GPS").doesNotContain("tEXt").doesNotContain("52.3676");
        BufferedImage result = ImageIO.read(new ByteArrayInputStream(stored));
        assertThat(Math.max(result.getWidth(), result.getHeight())).isEqualTo(512);
        assertThat(name).matches("[0-9a-f]{32}\\.(png|jpg)");
    }

    @Test
    void jpegWithExifSegmentComesOutWithoutIt() throws Exception {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", jpeg);
        byte[] plain = jpeg.toByteArray();
        byte[] exif = "Exif\0\0MM\0*GPSInfo secret-camera-serial-123".getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream withExif = new ByteArrayOutputStream();
        withExif.write(plain, 0, 2); // SOI
        withExif.write(0xFF);
        withExif.write(0xE1);
        int length = exif.length + 2;
        withExif.write(length >> 8);
        withExif.write(length & 0xFF);
        withExif.write(exif);
        withExif.write(plain, 2, plain.length - 2);
        byte[] upload = withExif.toByteArray();

        String name = images(5_000_000).storeLogo(new ByteArrayInputStream(upload), upload.length);

        String raw = new String(Files.readAllBytes(dir.resolve(name)), StandardCharsets.ISO_8859_1);
        assertThat(raw).doesNotContain("Exif").doesNotContain("secret-camera-serial");
    }

    @Test
    void textFileNamedPngIsRefused() {
        byte[] upload = "this is not an image, whatever its name says".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> images(5_000_000).storeLogo(new ByteArrayInputStream(upload), upload.length))
                .isInstanceOf(RefusedImageException.class)
                .extracting(e -> ((RefusedImageException) e).reason()).isEqualTo(RefusedImageException.Reason.NOT_AN_IMAGE);
    }

    @Test
    void svgIsRefused() {
        byte[] upload = """
                <?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">
                <script>alert(1)</script><rect width="10" height="10"/></svg>""".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> images(5_000_000).storeLogo(new ByteArrayInputStream(upload), upload.length))
                .isInstanceOf(RefusedImageException.class)
                .extracting(e -> ((RefusedImageException) e).reason()).isEqualTo(RefusedImageException.Reason.NOT_AN_IMAGE);
    }

    @Test
    void hugeDeclaredDimensionsAreRefusedBeforeDecoding() throws Exception {
        byte[] upload = pngDeclaring(50_000, 50_000);
        assertThatThrownBy(() -> images(5_000_000).storeLogo(new ByteArrayInputStream(upload), upload.length))
                .isInstanceOf(RefusedImageException.class)
                .extracting(e -> ((RefusedImageException) e).reason()).isEqualTo(RefusedImageException.Reason.TOO_MANY_PIXELS);
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void tooLargeFileIsRefused() throws Exception {
        byte[] upload = pngWithText("Comment", "x".repeat(5000), 100, 100);
        assertThatThrownBy(() -> images(2000).storeLogo(new ByteArrayInputStream(upload), upload.length))
                .extracting(e -> ((RefusedImageException) e).reason()).isEqualTo(RefusedImageException.Reason.TOO_LARGE);
        // a client that lies about the size is caught by counting the bytes
        assertThatThrownBy(() -> images(2000).storeLogo(new ByteArrayInputStream(upload), -1))
                .extracting(e -> ((RefusedImageException) e).reason()).isEqualTo(RefusedImageException.Reason.TOO_LARGE);
    }

    @Test
    void findsOnlyNamesItGaveOut() {
        assertThat(images(1000).find("../../etc/passwd")).isEmpty();
        assertThat(images(1000).find("0123456789abcdef0123456789abcdef.png")).isEmpty();
    }

    /** A real PNG carrying a tEXt chunk, written through ImageIO's metadata. */
    static byte[] pngWithText(String keyword, String value, int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(0, 0, width / 2, height / 2);
        g.dispose();
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), null);
        IIOMetadataNode entry = new IIOMetadataNode("tEXtEntry");
        entry.setAttribute("keyword", keyword);
        entry.setAttribute("value", value);
        IIOMetadataNode text = new IIOMetadataNode("tEXt");
        text.appendChild(entry);
        IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
        root.appendChild(text);
        metadata.mergeTree("javax_imageio_png_1.0", root);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(new IIOImage(image, null, metadata));
        }
        writer.dispose();
        return out.toByteArray();
    }

    /** A small PNG whose header claims enormous dimensions (a decompression bomb's signature). */
    static byte[] pngDeclaring(int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
        ihdr.write(new byte[] {'I', 'H', 'D', 'R'});
        ihdr.write(intBytes(width));
        ihdr.write(intBytes(height));
        ihdr.write(new byte[] {8, 2, 0, 0, 0});
        byte[] chunk = ihdr.toByteArray();
        out.write(intBytes(13));
        out.write(chunk);
        CRC32 crc = new CRC32();
        crc.update(chunk);
        out.write(intBytes((int) crc.getValue()));
        out.write(new byte[64]);
        return out.toByteArray();
    }

    private static byte[] intBytes(int v) {
        return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
    }
}
