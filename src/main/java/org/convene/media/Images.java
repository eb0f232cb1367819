package org.convene.media;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.apache.tika.Tika;
import org.convene.media.RefusedImageException.Reason;
import org.springframework.stereotype.Service;

/**
 * Stores uploaded images safely: the type comes from the content (never the file name), the size
 * is limited in bytes and, before any decoding, in the pixel dimensions the header declares (so a
 * small file cannot unpack into gigabytes); the image is then decoded, scaled down and re-encoded,
 * which leaves every piece of metadata (EXIF, GPS, comments) behind, and stored under a random name.
 */
@Service
public class Images {

    /** A stored image, ready to be served. */
    public record StoredImage(Path file, String contentType) {
    }

    private static final Set<String> ACCEPTED = Set.of("image/png", "image/jpeg", "image/gif", "image/webp");
    private static final Tika TIKA = new Tika();

    private final MediaProperties properties;

    public Images(MediaProperties properties) {
        this.properties = properties;
    }

    /**
     * Checks, re-encodes and stores a logo.
     *
     * @param declaredSize the size the upload claims, or -1 when unknown; the bytes read are checked as well
     * @return the stored image's name, to be served at {@code /media/{name}}
     * @throws RefusedImageException when the upload is too large or not an accepted image
     */
    public String storeLogo(InputStream upload, long declaredSize) {
        return store(upload, declaredSize, properties.logoSize());
    }

    /** As {@link #storeLogo}, for a cover picture (an event's): scaled down to at most {@value #COVER_SIDE} pixels a side. */
    public String storeCover(InputStream upload, long declaredSize) {
        return store(upload, declaredSize, COVER_SIDE);
    }

    /** The longest side of a stored cover picture. */
    public static final int COVER_SIDE = 1600;

    private String store(InputStream upload, long declaredSize, int longestSide) {
        long max = properties.maxImageBytes();
        if (declaredSize > max) {
            throw new RefusedImageException(Reason.TOO_LARGE, "The image is larger than " + max + " bytes.");
        }
        byte[] bytes = readAtMost(upload, max);
        String type = TIKA.detect(bytes);
        if (!ACCEPTED.contains(type)) {
            throw new RefusedImageException(Reason.NOT_AN_IMAGE, "Only JPEG, PNG, WebP and GIF images are accepted, not " + type + ".");
        }
        BufferedImage image = decode(bytes);
        BufferedImage scaled = scaleDown(image, longestSide);
        boolean png = scaled.getColorModel().hasAlpha();
        String name = org.convene.media.internal.RandomNames.next() + (png ? ".png" : ".jpg");
        write(scaled, png ? "png" : "jpeg", properties.dir().resolve(name));
        return name;
    }

    /** A stored image by its name; empty for names this service never gave out. */
    public Optional<StoredImage> find(String name) {
        if (name == null || !name.matches("[0-9a-f]{32}\\.(png|jpg)")) {
            return Optional.empty();
        }
        Path file = properties.dir().resolve(name);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return Optional.of(new StoredImage(file, name.endsWith(".png") ? "image/png" : "image/jpeg"));
    }

    private static byte[] readAtMost(InputStream upload, long max) {
        try (InputStream in = upload) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
            if (bytes.length > max) {
                throw new RefusedImageException(Reason.TOO_LARGE, "The image is larger than " + max + " bytes.");
            }
            return bytes;
        } catch (IOException e) {
            throw new RefusedImageException(Reason.NOT_AN_IMAGE, "The upload could not be read.");
        }
    }

    private BufferedImage decode(byte[] bytes) {
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
            if (input == null || !readers.hasNext()) {
                throw new RefusedImageException(Reason.NOT_AN_IMAGE, "No reader understands this image.");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                int limit = properties.maxImagePixels();
                if (width > limit || height > limit) {
                    throw new RefusedImageException(Reason.TOO_MANY_PIXELS,
                            "The image is " + width + "x" + height + " pixels; at most " + limit + "x" + limit + " are accepted.");
                }
                BufferedImage image = reader.read(0);
                if (image == null || width < 1 || height < 1) {
                    throw new RefusedImageException(Reason.NOT_AN_IMAGE, "The image is empty.");
                }
                return image;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof RefusedImageException refused) {
                throw refused;
            }
            throw new RefusedImageException(Reason.NOT_AN_IMAGE, "The image could not be decoded.");
        }
    }

    private static BufferedImage scaleDown(BufferedImage image, int maxSide) {
        double factor = Math.min(1.0, (double) maxSide / Math.max(image.getWidth(), image.getHeight()));
        int width = Math.max(1, (int) Math.round(image.getWidth() * factor));
        int height = Math.max(1, (int) Math.round(image.getHeight() * factor));
        boolean alpha = image.getColorModel().hasAlpha();
        BufferedImage target = new BufferedImage(width, height, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = target.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(image, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return target;
    }

    private static void write(BufferedImage image, String format, Path file) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("No writer for " + format);
            }
            Files.createDirectories(file.getParent());
            Files.write(file, out.toByteArray(), StandardOpenOption.CREATE_NEW);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
