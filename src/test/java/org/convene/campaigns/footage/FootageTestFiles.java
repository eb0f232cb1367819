package org.convene.campaigns.footage;

import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.tiff.TIFF;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageInputStream;

/** Real (and deliberately bad) files for footage tests, made on the spot. */
final class FootageTestFiles {

    private FootageTestFiles() {
    }

    /** A JPEG of noise over a gradient: it compresses poorly, so a few hundred pixels make many chunks. */
    static byte[] noisyJpeg(int width, int height, long seed) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(seed);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int r = (x * 255 / width + random.nextInt(90)) & 0xff;
                int g = (y * 255 / height + random.nextInt(90)) & 0xff;
                image.setRGB(x, y, r << 16 | g << 8 | random.nextInt(256));
            }
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "jpeg", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The JPEG with an EXIF APP1 segment right after its SOI marker: a camera make and serial, and GPS
     * tags for 38°42'N 9°8'W (built by hand: a little-endian TIFF with IFD0 and a GPS IFD).
     */
    static byte[] withGps(byte[] jpeg) {
        ByteBuffer tiff = ByteBuffer.allocate(200).order(ByteOrder.LITTLE_ENDIAN);
        tiff.put(new byte[] {'I', 'I', 42, 0}).putInt(8);
        // IFD0 at 8: Make (ASCII, at 38), BodySerialNumber (ASCII, at 46), GPS IFD pointer (to 60)
        tiff.putShort((short) 3);
        tiff.putShort((short) 0x010F).putShort((short) 2).putInt(8).putInt(38);
        tiff.putShort((short) 0xA431).putShort((short) 2).putInt(12).putInt(46);
        tiff.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(60);
        tiff.putInt(0);
        tiff.put("Fictcam\0".getBytes(StandardCharsets.US_ASCII)).put("SN-4417-XQ\0\0\0\0".getBytes(StandardCharsets.US_ASCII));
        // GPS IFD at 60: LatitudeRef, Latitude (3 rationals at 114), LongitudeRef, Longitude (at 138)
        tiff.position(60);
        tiff.putShort((short) 4);
        tiff.putShort((short) 1).putShort((short) 2).putInt(2).put(new byte[] {'N', 0, 0, 0});
        tiff.putShort((short) 2).putShort((short) 5).putInt(3).putInt(114);
        tiff.putShort((short) 3).putShort((short) 2).putInt(2).put(new byte[] {'W', 0, 0, 0});
        tiff.putShort((short) 4).putShort((short) 5).putInt(3).putInt(138);
        tiff.putInt(0);
        tiff.position(114);
        tiff.putInt(38).putInt(1).putInt(42).putInt(1).putInt(3000).putInt(100);
        tiff.putInt(9).putInt(1).putInt(8).putInt(1).putInt(1500).putInt(100);
        byte[] body = Arrays.copyOf(tiff.array(), 162);
        byte[] exif = "Exif\0\0".getBytes(StandardCharsets.US_ASCII);
        int length = 2 + exif.length + body.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.write(0xFF);
        out.write(0xE1);
        out.write(length >> 8);
        out.write(length & 0xff);
        out.writeBytes(exif);
        out.writeBytes(body);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /** The payloads of the APPn segments of a JPEG (marker byte first), up to the start of scan. */
    static List<byte[]> appSegments(byte[] jpeg) {
        List<byte[]> segments = new ArrayList<>();
        int i = 2;
        while (i + 4 <= jpeg.length && (jpeg[i] & 0xff) == 0xFF) {
            int marker = jpeg[i + 1] & 0xff;
            if (marker == 0xDA || marker == 0xD9) {
                break;
            }
            int length = ((jpeg[i + 2] & 0xff) << 8) | (jpeg[i + 3] & 0xff);
            if (marker >= 0xE0 && marker <= 0xEF) {
                byte[] segment = new byte[length - 1];
                segment[0] = (byte) marker;
                System.arraycopy(jpeg, i + 4, segment, 1, length - 2);
                segments.add(segment);
            }
            i += 2 + length;
        }
        return segments;
    }

    static boolean hasExif(byte[] jpeg) {
        return appSegments(jpeg).stream().anyMatch(s -> (s[0] & 0xff) == 0xE1
                && new String(s, 1, Math.min(4, s.length - 1), StandardCharsets.ISO_8859_1).equals("Exif"));
    }

    /** Whether the JPEG's EXIF (read by TwelveMonkeys) has a GPS IFD with tags in it. */
    static boolean hasGps(byte[] jpeg) {
        for (byte[] segment : appSegments(jpeg)) {
            if ((segment[0] & 0xff) != 0xE1 || !new String(segment, 1, 4, StandardCharsets.ISO_8859_1).equals("Exif")) {
                continue;
            }
            try (ImageInputStream in = ImageIO.createImageInputStream(new java.io.ByteArrayInputStream(segment, 7, segment.length - 7))) {
                Directory ifd0 = new TIFFReader().read(in);
                var gps = ifd0.getEntryById(TIFF.TAG_GPS_IFD);
                if (gps != null && (!(gps.getValue() instanceof Directory directory) || directory.size() > 0)) {
                    return true;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return false;
    }

    /** A JPEG that is also a ZIP archive (the archive appended after the image's end marker). */
    static byte[] jpegZipPolyglot(byte[] jpeg) {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("index.html"));
            out.write("<html><body><script>alert(document.domain)</script></body></html>".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return concat(jpeg, zip.toByteArray());
    }

    static byte[] jpegWithHtml(byte[] jpeg) {
        return concat(jpeg, "<html><head><script>fetch('/admin')</script></head><body>hi</body></html>".getBytes(StandardCharsets.UTF_8));
    }

    /** The start of a Linux executable (ELF header) padded to size. */
    static byte[] elf(int size) {
        byte[] bytes = new byte[size];
        new Random(7).nextBytes(bytes);
        System.arraycopy(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0x3e, 0}, 0, bytes, 0, 20);
        return bytes;
    }

    /** A Windows executable's start: the MZ header with a PE signature. */
    static byte[] pe(int size) {
        byte[] bytes = new byte[size];
        bytes[0] = 'M';
        bytes[1] = 'Z';
        bytes[0x3c] = (byte) 0x80;
        bytes[0x80] = 'P';
        bytes[0x81] = 'E';
        return bytes;
    }

    /** A small, valid PNG that declares 100,000 x 100,000 pixels (a decompression bomb's header). */
    static byte[] hugePng() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(100_000).putInt(100_000).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(out, "IHDR", ihdr.array());
        java.util.zip.Deflater deflater = new java.util.zip.Deflater(9);
        deflater.setInput(new byte[1 << 20]);
        deflater.finish();
        byte[] buffer = new byte[1 << 16];
        int n = deflater.deflate(buffer);
        chunk(out, "IDAT", Arrays.copyOf(buffer, n));
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /** A short real MP4 (H.264) made by ffmpeg, with a location in its container metadata. */
    static byte[] mp4(Path dir, int seconds) {
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve("clip-" + System.nanoTime() + ".mp4");
            Process ffmpeg = new ProcessBuilder("ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25",
                    "-t", Integer.toString(seconds), "-c:v", "libx264", "-pix_fmt", "yuv420p", "-g", "25",
                    "-metadata", "location=+38.7167-009.1333/", file.toString()).redirectErrorStream(true).start();
            String output = new String(ffmpeg.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (ffmpeg.waitFor() != 0) {
                throw new IllegalStateException("ffmpeg failed: " + output);
            }
            byte[] bytes = Files.readAllBytes(file);
            Files.delete(file);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The per-frame hashes of a video's video stream packets (ffmpeg framemd5, copied, not decoded): equal when the content is intact. */
    static List<String> videoPacketHashes(Path file) {
        try {
            Process ffmpeg = new ProcessBuilder("ffmpeg", "-v", "error", "-i", file.toString(), "-map", "0:v", "-c", "copy", "-f", "framemd5", "-")
                    .start();
            String output = new String(ffmpeg.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            ffmpeg.waitFor();
            return output.lines().filter(l -> !l.startsWith("#")).map(l -> l.substring(l.lastIndexOf(',') + 1).strip()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
