package org.convene.publishing.resources;

import java.net.URI;
import java.net.URISyntaxException;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.security.SecureRandom;
import org.convene.accounts.AuditLog;
import org.convene.campaigns.CampaignDirectory;
import org.convene.directory.MemberDirectory;
import org.convene.media.Documents;
import org.convene.media.RefusedDocumentException;
import org.convene.platform.i18n.Languages;
import org.convene.platform.i18n.TranslatedText;
import org.convene.platform.i18n.TranslatedTextJdbcConversions;
import org.convene.platform.web.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates, changes, publishes and deletes resources. Every field is checked before the file is
 * stored; the file is stored before the row is written, and removed again when the row cannot be
 * written, so a refusal leaves neither a file nor a row behind. A replaced or deleted resource's
 * file is removed once the change is committed.
 */
@Service
public class Resources {

    static final String COLUMNS = """
            id, slug, kind, title, description, languages, tags, campaign_id, organization_id, published_on, status,
            file_name, file_type, file_size, url, downloads""";
    /** The file types the library accepts, checked by content. */
    static final Set<String> FILE_TYPES = Set.of(Documents.PDF, Documents.DOCX, Documents.XLSX, Documents.PPTX, Documents.ODT,
            Documents.ODS, Documents.ODP, Documents.EPUB, Documents.TEXT, Documents.PNG, Documents.JPEG, Documents.GIF,
            Documents.WEBP);
    static final int MAX_TITLE = 300;
    static final int MAX_DESCRIPTION = 10_000;
    static final int MAX_TAGS = 20;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Documents documents;
    private final ResourcesProperties properties;
    private final MemberDirectory directory;
    private final CampaignDirectory campaigns;
    private final MessageSource messages;
    private final AuditLog audit;

    Resources(JdbcClient jdbc, TransactionTemplate transactions, Documents documents, ResourcesProperties properties,
              MemberDirectory directory, CampaignDirectory campaigns, MessageSource messages, AuditLog audit) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.documents = documents;
        this.properties = properties;
        this.directory = directory;
        this.campaigns = campaigns;
        this.messages = messages;
        this.audit = audit;
    }

    public Resource create(ResourceDraft draft) {
        Refusals problems = check(draft);
        boolean link = !blank(draft.url());
        if (link && draft.file() != null) {
            problems.add("url", "resources.error.url.andFile");
        } else if (!link && draft.file() == null) {
            problems.add("file", "resources.error.file.required");
        }
        problems.throwIfAny();
        Documents.StoredDocument stored = link ? null : store(draft.file());
        try {
            long id = transactions.execute(status -> {
                long created = jdbc.sql("""
                                INSERT INTO resource (slug, kind, title, description, languages, tags, campaign_id, organization_id,
                                    published_on, status, file_name, file_type, file_size, url)
                                VALUES (:slug, :kind, :title, :description, CAST(:languages AS text[]), CAST(:tags AS text[]), :campaign,
                                    :organization, :publishedOn, :status, :fileName, :fileType, :fileSize, :url)
                                RETURNING id""")
                        .param("slug", slugFor(draft.title()))
                        .param("kind", kindOf(stored).name())
                        .params(values(draft))
                        .param("fileName", stored == null ? null : stored.name())
                        .param("fileType", stored == null ? null : stored.contentType())
                        .param("fileSize", stored == null ? null : stored.size())
                        .param("url", link ? draft.url().strip() : null)
                        .query(Long.class).single();
                audit.record("resource.create", "resource", created, draft.title().in(draft.title().fallback()));
                return created;
            });
            return find(id).orElseThrow();
        } catch (RuntimeException e) {
            if (stored != null) {
                documents.delete(stored.name());
            }
            throw e;
        }
    }

    /** Changes a resource; a file resource gets a new file when the draft has one, a link resource a new address. */
    public Resource update(long id, ResourceDraft draft) {
        Resource before = find(id).orElseThrow(() -> new NotFoundException("No such resource"));
        Refusals problems = check(draft);
        if (before.isLink()) {
            if (draft.file() != null) {
                problems.add("file", "resources.error.file.onLink");
            } else if (blank(draft.url())) {
                problems.add("url", "resources.error.url.required");
            }
        } else if (!blank(draft.url())) {
            problems.add("url", "resources.error.url.onFile");
        }
        problems.throwIfAny();
        Documents.StoredDocument stored = draft.file() == null ? null : store(draft.file());
        try {
            transactions.executeWithoutResult(status -> {
                jdbc.sql("""
                                UPDATE resource SET title = :title, description = :description, languages = CAST(:languages AS text[]),
                                    tags = CAST(:tags AS text[]), campaign_id = :campaign, organization_id = :organization,
                                    published_on = :publishedOn, status = :status, url = :url, kind = :kind,
                                    file_name = :fileName, file_type = :fileType, file_size = :fileSize, updated_at = now()
                                WHERE id = :id""")
                        .param("id", id).params(values(draft))
                        .param("url", before.isLink() ? draft.url().strip() : null)
                        .param("kind", before.isLink() ? ResourceKind.LINK.name() : stored == null ? before.kind().name() : kindOf(stored).name())
                        .param("fileName", stored == null ? before.fileName() : stored.name())
                        .param("fileType", stored == null ? before.fileType() : stored.contentType())
                        .param("fileSize", stored == null ? before.fileSize() : Long.valueOf(stored.size()))
                        .update();
                audit.record("resource.update", "resource", id, stored == null ? null : "file replaced");
            });
        } catch (RuntimeException e) {
            if (stored != null) {
                documents.delete(stored.name());
            }
            throw e;
        }
        if (stored != null) {
            documents.delete(before.fileName());
        }
        return find(id).orElseThrow();
    }

    public Resource setStatus(long id, ResourceStatus status) {
        int changed = jdbc.sql("UPDATE resource SET status = :status, updated_at = now() WHERE id = :id")
                .param("status", status.name()).param("id", id).update();
        if (changed == 0) {
            throw new NotFoundException("No such resource");
        }
        audit.record("resource.status", "resource", id, status.name());
        return find(id).orElseThrow();
    }

    /** Deletes a resource and its file. */
    public void delete(long id) {
        Resource resource = find(id).orElseThrow(() -> new NotFoundException("No such resource"));
        transactions.executeWithoutResult(status -> {
            jdbc.sql("DELETE FROM resource WHERE id = :id").param("id", id).update();
            audit.record("resource.delete", "resource", id, resource.title().in(resource.title().fallback()));
        });
        documents.delete(resource.fileName());
    }

    public Optional<Resource> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM resource WHERE id = :id").param("id", id).query(Resources::map).optional();
    }

    /** By id (digits) or slug. */
    public Optional<Resource> find(String idOrSlug) {
        if (idOrSlug != null && idOrSlug.matches("\\d{1,18}")) {
            return find(Long.parseLong(idOrSlug));
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM resource WHERE slug = :slug").param("slug", idOrSlug)
                .query(Resources::map).optional();
    }

    public Optional<Resource> findByFileName(String fileName) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM resource WHERE file_name = :name").param("name", fileName)
                .query(Resources::map).optional();
    }

    /** The resources a staff member may manage: all for network admins, else their organization's, newest first. */
    public List<Resource> editableBy(Long organizationId, boolean networkAdmin) {
        if (networkAdmin) {
            return jdbc.sql("SELECT " + COLUMNS + " FROM resource ORDER BY published_on DESC, id DESC LIMIT 1000")
                    .query(Resources::map).list();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM resource WHERE organization_id = :org ORDER BY published_on DESC, id DESC LIMIT 1000")
                .param("org", organizationId).query(Resources::map).list();
    }

    private Documents.StoredDocument store(ResourceDraft.Upload upload) {
        try {
            return documents.store(upload.content(), upload.declaredSize(), properties.maxFileBytes(), FILE_TYPES);
        } catch (RefusedDocumentException refused) {
            Refusals problems = new Refusals(messages);
            problems.add("file", "resources.error.file." + refused.reason().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            problems.throwIfAny();
            throw refused;
        }
    }

    private Refusals check(ResourceDraft draft) {
        Refusals problems = new Refusals(messages);
        if (draft.title() == null || draft.title().isEmpty()) {
            problems.add("title", "resources.error.title.required");
        } else if (draft.title().values().values().stream().anyMatch(t -> t.length() > MAX_TITLE)) {
            problems.add("title", "resources.error.title.long");
        }
        if (draft.description() != null && draft.description().values().values().stream().anyMatch(t -> t.length() > MAX_DESCRIPTION)) {
            problems.add("description", "resources.error.description.long");
        }
        if (draft.languages().isEmpty()) {
            problems.add("languages", "resources.error.languages.required");
        } else if (draft.languages().stream().anyMatch(l -> !Languages.isSupported(l))) {
            problems.add("languages", "resources.error.languages.unknown");
        }
        List<String> tags = cleanTags(draft.tags());
        if (tags.size() > MAX_TAGS) {
            problems.add("tags", "resources.error.tags.many");
        } else if (tags.stream().anyMatch(t -> t.length() > 40)) {
            problems.add("tags", "resources.error.tags.long");
        }
        if (draft.status() == null) {
            problems.add("status", "resources.error.status.required");
        }
        if (draft.campaignId() != null && campaigns.campaign(draft.campaignId()).isEmpty()) {
            problems.add("campaignId", "resources.error.campaign.unknown");
        }
        if (draft.organizationId() != null && directory.organization(draft.organizationId()).isEmpty()) {
            problems.add("organizationId", "resources.error.organization.unknown");
        }
        if (!blank(draft.url())) {
            String problem = urlProblem(draft.url().strip());
            if (problem != null) {
                problems.add("url", problem);
            }
        }
        return problems;
    }

    /** Only absolute http(s) addresses with a host: never javascript:, data:, ftp: or relative ones. */
    static String urlProblem(String url) {
        if (url.length() > 2000) {
            return "resources.error.url.long";
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                return "resources.error.url.scheme";
            }
            if (uri.getHost() == null || uri.getHost().isBlank()) {
                return "resources.error.url.invalid";
            }
            return null;
        } catch (URISyntaxException e) {
            return "resources.error.url.invalid";
        }
    }

    static List<String> cleanTags(List<String> tags) {
        LinkedHashSet<String> clean = new LinkedHashSet<>();
        for (String tag : tags) {
            if (tag != null && !tag.isBlank()) {
                clean.add(tag.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " "));
            }
        }
        return new ArrayList<>(clean);
    }

    private static java.util.Map<String, Object> values(ResourceDraft draft) {
        java.util.Map<String, Object> values = new java.util.HashMap<>();
        values.put("title", TranslatedTextJdbcConversions.jsonb(draft.title()));
        values.put("description", TranslatedTextJdbcConversions.jsonb(draft.description() == null ? TranslatedText.empty() : draft.description()));
        values.put("languages", arrayLiteral(draft.languages().stream().distinct().toList()));
        values.put("tags", arrayLiteral(cleanTags(draft.tags())));
        values.put("campaign", draft.campaignId());
        values.put("organization", draft.organizationId());
        values.put("publishedOn", draft.publishedOn() == null ? LocalDate.now() : draft.publishedOn());
        values.put("status", draft.status().name());
        return values;
    }

    private static ResourceKind kindOf(Documents.StoredDocument stored) {
        if (stored == null) {
            return ResourceKind.LINK;
        }
        return stored.contentType().startsWith("image/") ? ResourceKind.IMAGE : ResourceKind.DOCUMENT;
    }

    /** A PostgreSQL array literal; elements are quoted and escaped. */
    static String arrayLiteral(List<?> items) {
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append('"').append(String.valueOf(items.get(i)).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return out.append('}').toString();
    }

    static String slugFor(TranslatedText title) {
        String base = Normalizer.normalize(title.in(title.fallback()), Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (base.length() > 60) {
            base = base.substring(0, 60).replaceAll("-+$", "");
        }
        String suffix = Long.toString(RANDOM.nextLong(36L * 36 * 36 * 36 * 36, 36L * 36 * 36 * 36 * 36 * 36), 36);
        return (base.isEmpty() ? "resource" : base) + "-" + suffix;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
    }

    static Resource map(ResultSet rs, int row) throws SQLException {
        return new Resource(rs.getLong("id"), rs.getString("slug"), ResourceKind.valueOf(rs.getString("kind")),
                TranslatedTextJdbcConversions.fromJson(rs.getString("title")),
                TranslatedTextJdbcConversions.fromJson(rs.getString("description")),
                strings(rs.getArray("languages")), strings(rs.getArray("tags")),
                rs.getObject("campaign_id", Long.class), rs.getObject("organization_id", Long.class),
                rs.getObject("published_on", LocalDate.class), ResourceStatus.valueOf(rs.getString("status")),
                rs.getString("file_name"), rs.getString("file_type"), rs.getObject("file_size", Long.class), rs.getString("url"),
                rs.getLong("downloads"));
    }
}
