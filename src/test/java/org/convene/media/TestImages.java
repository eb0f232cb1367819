package org.convene.media;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** Real images for tests. */
public final class TestImages {

    private TestImages() {
    }

    public static byte[] png(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(new Color(11, 93, 122));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.WHITE);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A JPEG as a phone writes it: an EXIF segment with the camera's make, an orientation tag and
     * GPS coordinates (52.37 N, 4.90 E). The left half of the picture is red, the right half blue, so
     * a test can see whether the orientation was applied.
     */
    public static byte[] geotaggedJpeg(int width, int height, int orientation) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, width / 2, height);
        g.setColor(Color.BLUE);
        g.fillRect(width / 2, 0, width - width / 2, height);
        g.dispose();
        try {
            ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
            ImageIO.write(image, "jpeg", jpeg);
            byte[] plain = jpeg.toByteArray();
            int afterApp0 = 4 + (((plain[4] & 0xff) << 8) | (plain[5] & 0xff));
            byte[] tiff = exif(orientation);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(plain, 0, afterApp0);
            int length = 2 + 6 + tiff.length;
            out.write(new byte[] {(byte) 0xFF, (byte) 0xE1, (byte) (length >>> 8), (byte) length, 'E', 'x', 'i', 'f', 0, 0});
            out.write(tiff);
            out.write(plain, afterApp0, plain.length - afterApp0);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A little-endian TIFF structure: IFD0 (Make, Orientation, GPS pointer) and a GPS IFD. */
    private static byte[] exif(int orientation) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(162).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
        b.putShort((short) 3);
        entry(b, 0x010F, 2, 9, 50);
        b.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        entry(b, 0x8825, 4, 1, 60);
        b.putInt(0);
        b.put("CameraCo\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).put((byte) 0);
        b.position(60);
        b.putShort((short) 4);
        b.putShort((short) 1).putShort((short) 2).putInt(2).put((byte) 'N').put((byte) 0).putShort((short) 0);
        entry(b, 0x0002, 5, 3, 114);
        b.putShort((short) 3).putShort((short) 2).putInt(2).put((byte) 'E').put((byte) 0).putShort((short) 0);
        entry(b, 0x0004, 5, 3, 138);
        b.putInt(0);
        for (int[] r : new int[][] {{52, 1}, {22, 1}, {312, 100}, {4, 1}, {54, 1}, {146, 100}}) {
            b.putInt(r[0]).putInt(r[1]);
        }
        return b.array();
    }

    private static void entry(java.nio.ByteBuffer b, int tag, int type, int count, int offset) {
        b.putShort((short) tag).putShort((short) type).putInt(count).putInt(offset);
    }
}
