package org.convene.media;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.apache.tika.Tika;
import org.convene.media.RefusedDocumentException.Reason;
import org.convene.media.internal.RandomNames;
import org.springframework.stereotype.Service;

/**
 * Stores documents (PDFs, office documents, e-books, plain text and images) under server-made names
 * in {@code convene.media.dir/documents}. The type comes from the bytes alone, never from the file
 * name or the type the sender declared. Office documents and e-books are ZIP packages: tika-core
 * only sees a ZIP, so the package is opened and accepted only when its {@code [Content_Types].xml}
 * (OOXML) or {@code mimetype} entry (ODF, EPUB) says what it is; any other ZIP is refused, and so
 * are macro-enabled packages. Images are decoded and re-encoded through {@link Images}, so they lose
 * their metadata; PDFs, office documents and text are stored exactly as sent (their metadata stays).
 */
@Service
public class Documents {

    public static final String PDF = "application/pdf";
    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation";
    public static final String ODT = "application/vnd.oasis.opendocument.text";
    public static final String ODS = "application/vnd.oasis.opendocument.spreadsheet";
    public static final String ODP = "application/vnd.oasis.opendocument.presentation";
    public static final String EPUB = "application/epub+zip";
    public static final String TEXT = "text/plain";
    public static final String PNG = "image/png";
    public static final String JPEG = "image/jpeg";
    public static final String GIF = "image/gif";
    public static final String WEBP = "image/webp";

    /** Every type this service can recognize, with the file extension it stores it under. */
    private static final Map<String, String> EXTENSIONS = Map.ofEntries(
            Map.entry(PDF, "pdf"), Map.entry(DOCX, "docx"), Map.entry(XLSX, "xlsx"), Map.entry(PPTX, "pptx"),
            Map.entry(ODT, "odt"), Map.entry(ODS, "ods"), Map.entry(ODP, "odp"), Map.entry(EPUB, "epub"),
            Map.entry(TEXT, "txt"), Map.entry(PNG, "png"), Map.entry(JPEG, "jpg"));
    private static final Set<String> IMAGES = Set.of(PNG, JPEG, GIF, WEBP);
    private static final Set<String> PACKAGE_TYPES = Set.of(ODT, ODS, ODP, EPUB);
    private static final String NAME = "[0-9a-f]{32}\\.(pdf|docx|xlsx|pptx|odt|ods|odp|epub|txt|png|jpg)";
    private static final Tika TIKA = new Tika();

    /** A stored document: its server-made name, the type its bytes showed and its size in bytes. */
    public record StoredDocument(String name, String contentType, long size) {
    }

    /** A stored document found by name, ready to be served. */
    public record DocumentFile(Path file, String contentType, long size) {
    }

    private final MediaProperties properties;
    private final Images images;

    public Documents(MediaProperties properties, Images images) {
        this.properties = properties;
        this.images = images;
    }

    /**
     * Checks and stores an upload.
     *
     * @param declaredSize the size the upload claims, or -1 when unknown; the bytes read are counted as well
     * @param maxBytes     the largest upload accepted
     * @param allowedTypes the types (as the constants of this class) the caller accepts
     * @throws RefusedDocumentException when the upload is empty, too large or not of an accepted type; nothing is left on disk then
     */
    public StoredDocument store(InputStream upload, long declaredSize, long maxBytes, Set<String> allowedTypes) {
        if (declaredSize > maxBytes) {
            throw new RefusedDocumentException(Reason.TOO_LARGE, "The file is larger than " + maxBytes + " bytes.");
        }
        Path dir = dir();
        Path incoming = dir.resolve(".incoming-" + RandomNames.next());
        try {
            long size = copyAtMost(upload, incoming, maxBytes);
            if (size == 0) {
                throw new RefusedDocumentException(Reason.EMPTY, "The file is empty.");
            }
            String type = detect(incoming);
            if (!allowedTypes.contains(type)) {
                throw new RefusedDocumentException(Reason.NOT_ALLOWED, "Files of type " + type + " are not accepted.");
            }
            if (IMAGES.contains(type)) {
                return storeImage(incoming, size);
            }
            String name = RandomNames.next() + "." + EXTENSIONS.get(type);
            Files.move(incoming, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
            return new StoredDocument(name, type, size);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(incoming);
        }
    }

    /** A stored document by name; empty for names this service never gave out. */
    public Optional<DocumentFile> find(String name) {
        if (name == null || !name.matches(NAME)) {
            return Optional.empty();
        }
        Path file = dir().resolve(name);
        try {
            return Files.isRegularFile(file) ? Optional.of(new DocumentFile(file, typeOf(name), Files.size(file))) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Removes a stored document (nothing happens for unknown names). */
    public void delete(String name) {
        if (name != null && name.matches(NAME)) {
            deleteQuietly(dir().resolve(name));
        }
    }

    /** The usual file extension of a type this service stores, for download names. */
    public static String extensionOf(String contentType) {
        return EXTENSIONS.getOrDefault(contentType, "bin");
    }

    private static String typeOf(String name) {
        String extension = name.substring(name.indexOf('.') + 1);
        return EXTENSIONS.entrySet().stream().filter(e -> e.getValue().equals(extension)).map(Map.Entry::getKey)
                .findFirst().orElse("application/octet-stream");
    }

    private StoredDocument storeImage(Path incoming, long size) throws IOException {
        Images.Reencoded image;
        try (InputStream in = Files.newInputStream(incoming)) {
            image = images.reencode(in, size);
        } catch (RefusedImageException refused) {
            throw new RefusedDocumentException(refused.reason() == RefusedImageException.Reason.TOO_LARGE ? Reason.TOO_LARGE : Reason.DAMAGED,
                    refused.getMessage());
        }
        String name = RandomNames.next() + "." + EXTENSIONS.get(image.contentType());
        Files.write(dir().resolve(name), image.bytes());
        return new StoredDocument(name, image.contentType(), image.bytes().length);
    }

    /** The type by content: Tika's magic for most, then a look inside ZIP packages. */
    private static String detect(Path file) throws IOException {
        String type;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            type = TIKA.detect(in);
        }
        byte[] head = new byte[4];
        try (InputStream in = Files.newInputStream(file)) {
            in.readNBytes(head, 0, 4);
        }
        boolean zip = head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
        if (zip || type.equals("application/zip") || type.startsWith("application/x-tika-ooxml") || PACKAGE_TYPES.contains(type)) {
            return packageType(file);
        }
        return type;
    }

    private static String packageType(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry mimetype = zip.getEntry("mimetype");
            if (mimetype != null) {
                String declared = readSmall(zip, mimetype).strip();
                if (PACKAGE_TYPES.contains(declared)) {
                    return declared;
                }
                throw new RefusedDocumentException(Reason.NOT_AN_OFFICE_DOCUMENT, "The package declares type " + declared + ".");
            }
            ZipEntry contentTypes = zip.getEntry("[Content_Types].xml");
            if (contentTypes != null) {
                String declared = readSmall(zip, contentTypes).toLowerCase(Locale.ROOT);
                if (declared.contains("macroenabled") || hasEntryEndingWith(zip, "vbaproject.bin")) {
                    throw new RefusedDocumentException(Reason.NOT_AN_OFFICE_DOCUMENT, "Office documents with macros are not accepted.");
                }
                if (zip.getEntry("word/document.xml") != null) {
                    return DOCX;
                }
                if (zip.getEntry("xl/workbook.xml") != null) {
                    return XLSX;
                }
                if (zip.getEntry("ppt/presentation.xml") != null) {
                    return PPTX;
                }
            }
            throw new RefusedDocumentException(Reason.NOT_AN_OFFICE_DOCUMENT, "The ZIP archive is not an office document.");
        } catch (ZipException e) {
            throw new RefusedDocumentException(Reason.DAMAGED, "The ZIP package cannot be read.");
        } catch (IOException e) {
            throw new RefusedDocumentException(Reason.DAMAGED, "The package cannot be read.");
        }
    }

    private static boolean hasEntryEndingWith(ZipFile zip, String suffix) {
        for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
            if (entries.nextElement().getName().toLowerCase(Locale.ROOT).endsWith(suffix)) {
                return true;
            }
        }
        return false;
    }

    /** An entry's first 256 KiB as text: enough for a type declaration, never a decompression bomb. */
    private static String readSmall(ZipFile zip, ZipEntry entry) throws IOException {
        try (InputStream in = zip.getInputStream(entry)) {
            return new String(in.readNBytes(256 * 1024), StandardCharsets.UTF_8);
        }
    }

    private static long copyAtMost(InputStream upload, Path target, long max) throws IOException {
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = upload; OutputStream out = Files.newOutputStream(target)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                total += n;
                if (total > max) {
                    throw new RefusedDocumentException(Reason.TOO_LARGE, "The file is larger than " + max + " bytes.");
                }
                out.write(buffer, 0, n);
            }
        }
        return total;
    }

    private Path dir() {
        Path dir = properties.dir().resolve("documents");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover incoming file is harmless; the next start does not read it
        }
    }
}
