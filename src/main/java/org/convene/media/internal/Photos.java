package org.convene.media.internal;

import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEG;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegment;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegmentUtil;
import com.twelvemonkeys.imageio.metadata.tiff.TIFF;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import org.convene.media.CleanMedia;
import org.convene.media.GroundMediaProperties;
import org.convene.media.MediaKind;
import org.convene.media.RefusedMediaException;
import org.convene.media.RefusedMediaException.Reason;

/**
 * Re-encodes photos: the pixel count the header declares is checked before decoding, the decoder's
 * warnings (a file cut short) refuse the photo, the EXIF orientation is applied to the pixels, and
 * the pixels alone are written to a new file, so EXIF, GPS, XMP, IPTC, comments, embedded
 * thumbnails and camera serials stay behind.
 */
public final class Photos {

    private static final float JPEG_QUALITY = 0.92f;

    private final GroundMediaProperties properties;

    public Photos(GroundMediaProperties properties) {
        this.properties = properties;
    }

    public CleanMedia store(Path received, Path dir, String name, long size) throws IOException {
        int orientation = orientation(received);
        BufferedImage image = oriented(decode(received), orientation);
        boolean alpha = image.getColorModel().hasAlpha();
        Path clean = dir.resolve(name + (alpha ? ".png" : ".jpg"));
        Path thumbnail = dir.resolve(name + "-thumb.jpg");
        try {
            write(image, clean);
            writeThumbnail(image, thumbnail);
            return new CleanMedia(MediaKind.PHOTO, clean.getFileName().toString(), thumbnail.getFileName().toString(),
                    alpha ? "image/png" : "image/jpeg", Files.size(clean), image.getWidth(), image.getHeight(), null);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(clean);
            Files.deleteIfExists(thumbnail);
            throw e;
        }
    }

    /** Writes a JPEG thumbnail of the image, its longest side at most the configured thumbnail side. */
    public void writeThumbnail(BufferedImage image, Path file) throws IOException {
        BufferedImage small = scaleDown(image, properties.thumbnailSide());
        writeJpeg(small, file);
    }

    /** Reads an image the server made itself (such as a video frame), without the checks for uploads. */
    public static BufferedImage readTrusted(Path file) throws IOException {
        BufferedImage image = ImageIO.read(file.toFile());
        if (image == null) {
            throw new IOException("No image in " + file.getFileName());
        }
        return image;
    }

    private BufferedImage decode(Path file) throws IOException {
        List<String> warnings = new ArrayList<>();
        try (ImageInputStream input = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = input == null ? null : ImageIO.getImageReaders(input);
            if (readers == null || !readers.hasNext()) {
                throw new RefusedMediaException(Reason.UNKNOWN_TYPE, "No reader understands this photo.");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
                long width = reader.getWidth(0);
                long height = reader.getHeight(0);
                if (width < 1 || height < 1) {
                    throw new RefusedMediaException(Reason.DAMAGED, "The photo has no pixels.");
                }
                if (width * height > properties.maxPhotoPixels()) {
                    throw new RefusedMediaException(Reason.TOO_MANY_PIXELS, "The photo declares " + width + "x" + height
                            + " pixels; at most " + properties.maxPhotoPixels() + " pixels are accepted.");
                }
                BufferedImage image = reader.read(0);
                if (!warnings.isEmpty()) {
                    throw new RefusedMediaException(Reason.DAMAGED, "The photo is damaged or cut short: " + warnings.getFirst());
                }
                return image;
            } finally {
                reader.dispose();
            }
        } catch (RefusedMediaException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new RefusedMediaException(Reason.DAMAGED, "The photo could not be decoded; it may be damaged or cut short.");
        }
    }

    /** The EXIF orientation (1 to 8) of a JPEG; 1 when there is none or for other formats. */
    private static int orientation(Path file) {
        try (ImageInputStream input = ImageIO.createImageInputStream(file.toFile())) {
            List<JPEGSegment> exif = JPEGSegmentUtil.readSegments(input, JPEG.APP1, "Exif");
            if (exif.isEmpty()) {
                return 1;
            }
            try (InputStream data = exif.getFirst().data()) {
                data.read(); // the pad byte after "Exif\0"
                Directory directory = new TIFFReader().read(ImageIO.createImageInputStream(data));
                Entry entry = directory.getEntryById(TIFF.TAG_ORIENTATION);
                if (entry != null && entry.getValue() instanceof Number n && n.intValue() >= 1 && n.intValue() <= 8) {
                    return n.intValue();
                }
            }
        } catch (IOException | RuntimeException e) {
            // no readable EXIF: the photo is shown as stored
        }
        return 1;
    }

    /** The pixels turned and mirrored as the EXIF orientation asks, so the clean copy needs no tag. */
    static BufferedImage oriented(BufferedImage image, int orientation) {
        if (orientation <= 1 || orientation > 8) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        boolean swap = orientation >= 5;
        AffineTransform t = new AffineTransform();
        switch (orientation) {
            case 2 -> { t.translate(w, 0); t.scale(-1, 1); }
            case 3 -> { t.translate(w, h); t.rotate(Math.PI); }
            case 4 -> { t.translate(0, h); t.scale(1, -1); }
            case 5 -> { t.rotate(-Math.PI / 2); t.scale(-1, 1); }
            case 6 -> { t.translate(h, 0); t.rotate(Math.PI / 2); }
            case 7 -> { t.scale(-1, 1); t.translate(-h, 0); t.translate(0, w); t.rotate(3 * Math.PI / 2); }
            case 8 -> { t.translate(0, w); t.rotate(3 * Math.PI / 2); }
            default -> { }
        }
        BufferedImage target = new BufferedImage(swap ? h : w, swap ? w : h,
                image.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = target.createGraphics();
        try {
            g.drawImage(image, t, null);
        } finally {
            g.dispose();
        }
        return target;
    }

    private static BufferedImage scaleDown(BufferedImage image, int maxSide) {
        double factor = Math.min(1.0, (double) maxSide / Math.max(image.getWidth(), image.getHeight()));
        int width = Math.max(1, (int) Math.round(image.getWidth() * factor));
        int height = Math.max(1, (int) Math.round(image.getHeight() * factor));
        BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = target.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.drawImage(image, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return target;
    }

    private static void write(BufferedImage image, Path file) throws IOException {
        if (image.getColorModel().hasAlpha()) {
            try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW)) {
                if (!ImageIO.write(image, "png", out)) {
                    throw new IOException("No PNG writer");
                }
            }
        } else {
            writeJpeg(image, file);
        }
    }

    private static void writeJpeg(BufferedImage image, Path file) throws IOException {
        BufferedImage rgb = image;
        if (image.getType() != BufferedImage.TYPE_INT_RGB && image.getType() != BufferedImage.TYPE_3BYTE_BGR) {
            rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
            Graphics2D g = rgb.createGraphics();
            try {
                g.drawImage(image, 0, 0, null);
            } finally {
                g.dispose();
            }
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW);
             ImageOutputStream output = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(output);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(JPEG_QUALITY);
            writer.write(null, new IIOImage(rgb, null, null), param);
        } finally {
            writer.dispose();
        }
    }
}
