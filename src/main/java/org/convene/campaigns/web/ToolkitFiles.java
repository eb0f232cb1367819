package org.convene.campaigns.web;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.tika.Tika;
import org.convene.accounts.AuditLog;
import org.convene.campaigns.internal.ActionType;
import org.convene.campaigns.internal.Campaign;
import org.convene.media.MediaProperties;
import org.convene.platform.web.InvalidInputException;
import org.springframework.core.io.InputStreamSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Toolkit files of a campaign's action types (posters, briefings, sign templates). Accepted by their
 * content (PDF, images, office documents, ZIP), never by their name or declared type; stored under
 * {@code convene.media.dir/toolkit} with server-generated names, written only after the checks and
 * removed again if the row cannot be saved.
 */
@Component
public class ToolkitFiles {

    /** A stored toolkit file. {@code storedName} is the server's name: 32 hex digits and an extension. */
    public record ToolkitFile(long id, long campaignId, ActionType actionType, String title, String storedName, String contentType,
                              long byteSize) {

        /** The name a download is saved under: the title, made safe, with the stored extension. */
        public String downloadName() {
            String base = title.replaceAll("[\\p{Cntrl}/\\\\:*?\"<>|]+", " ").strip();
            String ext = storedName.substring(storedName.lastIndexOf('.'));
            return (base.isEmpty() ? "toolkit" : base) + (base.toLowerCase(Locale.ROOT).endsWith(ext) ? "" : ext);
        }
    }

    /** Content types (as detected from the bytes) accepted, with the extension and type served. */
    private record Kind(String extension, String servedType) {
    }

    private static final Map<String, Kind> ACCEPTED = Map.ofEntries(
            Map.entry("application/pdf", new Kind("pdf", "application/pdf")),
            Map.entry("image/png", new Kind("png", "image/png")),
            Map.entry("image/jpeg", new Kind("jpg", "image/jpeg")),
            Map.entry("image/gif", new Kind("gif", "image/gif")),
            Map.entry("image/webp", new Kind("webp", "image/webp")),
            Map.entry("application/zip", new Kind("zip", "application/zip")),
            Map.entry("application/x-tika-ooxml", new Kind("ooxml", "application/octet-stream")),
            Map.entry("application/x-tika-msoffice", new Kind("ole", "application/octet-stream")),
            Map.entry("application/vnd.oasis.opendocument.text", new Kind("odt", "application/vnd.oasis.opendocument.text")),
            Map.entry("application/vnd.oasis.opendocument.spreadsheet", new Kind("ods", "application/vnd.oasis.opendocument.spreadsheet")),
            Map.entry("application/vnd.oasis.opendocument.presentation", new Kind("odp", "application/vnd.oasis.opendocument.presentation")));
    /** Office containers tell Word from Excel only by what is inside; the name sent picks among these, else a neutral one. */
    private static final Map<String, List<String>> OFFICE_EXTENSIONS = Map.of(
            "ooxml", List.of("docx", "xlsx", "pptx"), "ole", List.of("doc", "xls", "ppt"));
    private static final Map<String, String> OFFICE_TYPES = Map.of(
            "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            "doc", "application/msword", "xls", "application/vnd.ms-excel", "ppt", "application/vnd.ms-powerpoint");
    private static final String NAME = "[0-9a-f]{32}\\.[a-z]{3,4}";
    private static final String COLUMNS = "id, campaign_id, action_type, title, stored_name, content_type, byte_size";
    private static final Tika TIKA = new Tika();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Path dir;
    private final ToolkitProperties properties;
    private final AuditLog audit;

    ToolkitFiles(JdbcClient jdbc, MediaProperties media, ToolkitProperties properties, AuditLog audit) {
        this.jdbc = jdbc;
        this.dir = media.dir().resolve("toolkit");
        this.properties = properties;
        this.audit = audit;
    }

    /**
     * Checks and stores a file for one of the campaign's suggested action types.
     *
     * @param size the upload's size in bytes (the bytes copied are counted as well)
     * @throws InvalidInputException (fields {@code toolkitType}, {@code toolkitTitle}, {@code toolkitFile}) when refused; nothing is kept then
     */
    @Transactional
    public ToolkitFile add(Campaign campaign, ActionType type, String title, InputStreamSource upload, long size, String sentName) {
        if (type == null || campaign.suggestion(type).isEmpty()) {
            throw new InvalidInputException("toolkitType", "campaign.toolkit.error.type", "Choose one of the campaign's action types.");
        }
        String cleanTitle = title == null || title.isBlank() ? baseName(sentName) : title.strip();
        if (cleanTitle.isEmpty() || cleanTitle.length() > 200) {
            throw new InvalidInputException("toolkitTitle", "campaign.toolkit.error.title", "Give the file a title of at most 200 characters.");
        }
        if (upload == null || size <= 0) {
            throw new InvalidInputException("toolkitFile", "campaign.toolkit.error.empty", "Choose a file; an empty file is not accepted.");
        }
        if (size > properties.maxBytes()) {
            throw tooLarge();
        }
        String detected;
        try (InputStream in = new BufferedInputStream(upload.getInputStream())) {
            detected = TIKA.detect(in);
        } catch (IOException e) {
            throw refused("unreadable");
        }
        Kind kind = ACCEPTED.get(detected);
        if (kind == null) {
            throw refused(detected);
        }
        String extension = officeExtension(kind.extension(), sentName);
        String servedType = OFFICE_TYPES.getOrDefault(extension, kind.servedType());
        String storedName = randomName() + "." + extension;
        Path file = dir.resolve(storedName);
        long written = write(upload, file);
        if (written <= 0 || written > properties.maxBytes()) {
            deleteQuietly(file);
            throw written <= 0 ? new InvalidInputException("toolkitFile", "campaign.toolkit.error.empty",
                    "Choose a file; an empty file is not accepted.") : tooLarge();
        }
        deleteOnRollback(file);
        long id = jdbc.sql("""
                        INSERT INTO campaign_toolkit_file (campaign_id, action_type, title, stored_name, content_type, byte_size)
                        VALUES (:campaign, :type, :title, :name, :contentType, :size) RETURNING id""")
                .param("campaign", campaign.id()).param("type", type.name()).param("title", cleanTitle)
                .param("name", storedName).param("contentType", servedType).param("size", written)
                .query(Long.class).single();
        audit.record("campaign.toolkit.add", "campaign", campaign.id(), cleanTitle);
        return new ToolkitFile(id, campaign.id(), type, cleanTitle, storedName, servedType, written);
    }

    /** Removes a file of this campaign; its bytes go once the removal is committed. */
    @Transactional
    public boolean remove(long campaignId, long fileId) {
        Optional<ToolkitFile> found = jdbc.sql("SELECT " + COLUMNS + " FROM campaign_toolkit_file WHERE id = :id AND campaign_id = :campaign")
                .param("id", fileId).param("campaign", campaignId).query(ToolkitFiles::map).optional();
        if (found.isEmpty()) {
            return false;
        }
        jdbc.sql("DELETE FROM campaign_toolkit_file WHERE id = :id").param("id", fileId).update();
        audit.record("campaign.toolkit.remove", "campaign", campaignId, found.get().title());
        Path file = dir.resolve(found.get().storedName());
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                deleteQuietly(file);
            }
        });
        return true;
    }

    /** A campaign's files, per action type in upload order. */
    public List<ToolkitFile> of(long campaignId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM campaign_toolkit_file WHERE campaign_id = :campaign ORDER BY id")
                .param("campaign", campaignId).query(ToolkitFiles::map).list();
    }

    /** A file of this campaign by its stored name, with its bytes on disk; empty for names the server never gave. */
    public Optional<Stored> find(long campaignId, String storedName) {
        if (storedName == null || !storedName.matches(NAME)) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM campaign_toolkit_file WHERE campaign_id = :campaign AND stored_name = :name")
                .param("campaign", campaignId).param("name", storedName).query(ToolkitFiles::map).optional()
                .map(f -> new Stored(f, dir.resolve(f.storedName())))
                .filter(s -> Files.isRegularFile(s.path()));
    }

    public record Stored(ToolkitFile file, Path path) {
    }

    Path dir() {
        return dir;
    }

    private static String officeExtension(String extension, String sentName) {
        List<String> choices = OFFICE_EXTENSIONS.get(extension);
        if (choices == null) {
            return extension;
        }
        String sent = sentName == null ? "" : sentName.toLowerCase(Locale.ROOT);
        String fromName = sent.contains(".") ? sent.substring(sent.lastIndexOf('.') + 1) : "";
        return choices.contains(fromName) ? fromName : (extension.equals("ooxml") ? "zip" : "bin");
    }

    private long write(InputStreamSource upload, Path file) {
        try {
            Files.createDirectories(dir);
            try (InputStream in = upload.getInputStream();
                 var out = Files.newOutputStream(file, java.nio.file.StandardOpenOption.CREATE_NEW)) {
                byte[] buffer = new byte[64 * 1024];
                long total = 0;
                int n;
                while ((n = in.read(buffer)) > 0) {
                    total += n;
                    if (total > properties.maxBytes()) {
                        break;
                    }
                    out.write(buffer, 0, n);
                }
                return total;
            }
        } catch (IOException e) {
            deleteQuietly(file);
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteOnRollback(Path file) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status != STATUS_COMMITTED) {
                        deleteQuietly(file);
                    }
                }
            });
        }
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a stray file under a random name harms nobody; the row is what counts
        }
    }

    private InvalidInputException tooLarge() {
        return new InvalidInputException("toolkitFile", "campaign.toolkit.error.large",
                "The file is larger than " + properties.maxBytes() + " bytes.");
    }

    private static InvalidInputException refused(String detected) {
        return new InvalidInputException("toolkitFile", "campaign.toolkit.error.type-refused",
                "Only PDF, images (JPEG, PNG, WebP, GIF), office documents and ZIP files are accepted; this file's content is " + detected + ".");
    }

    private static String baseName(String sentName) {
        if (sentName == null) {
            return "";
        }
        String name = sentName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        return name.contains(".") ? name.substring(0, name.lastIndexOf('.')).strip() : name.strip();
    }

    private static String randomName() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static ToolkitFile map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new ToolkitFile(rs.getLong("id"), rs.getLong("campaign_id"), ActionType.valueOf(rs.getString("action_type")),
                rs.getString("title"), rs.getString("stored_name"), rs.getString("content_type"), rs.getLong("byte_size"));
    }
}
