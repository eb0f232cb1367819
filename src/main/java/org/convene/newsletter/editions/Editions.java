package org.convene.newsletter.editions;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.convene.campaigns.CampaignDirectory;
import org.convene.events.EventDirectory;
import org.convene.newsletter.internal.Segment;
import org.convene.platform.i18n.TranslatedText;
import org.convene.platform.i18n.TranslatedTextJdbcConversions;
import org.convene.platform.web.InvalidInputException;
import org.convene.platform.web.InvalidInputException.FieldProblem;
import org.convene.publishing.PublishedStatements;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Composing editions: the head (number, subject, introduction, segment), the blocks in order and
 * the schedule. Every check runs before anything is written; a change to an edition that has
 * started sending is refused ({@link EditionLockedException}). The sending engine reads the same
 * tables: it picks up SCHEDULED editions whose {@code scheduled_at} has come.
 */
@Service
public class Editions {

    public static final int MAX_SUBJECT = 200;
    public static final int MAX_INTRODUCTION = 20_000;
    public static final int MAX_TEXT = 50_000;
    public static final int MAX_BLOCKS = 50;
    public static final int MAX_ROUNDUP_ITEMS = 20;
    /** A scheduled time this far in the past is taken as a mistake rather than "now". */
    static final java.time.Duration PAST_TOLERANCE = java.time.Duration.ofMinutes(1);

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COLUMNS = """
            id, year, number, subject::text AS subject, introduction::text AS introduction, segment::text AS segment, status,
            scheduled_at, started_at, finished_at""";

    private final JdbcClient jdbc;
    private final CampaignDirectory campaigns;
    private final PublishedStatements statements;
    private final EventDirectory events;
    private final PartnerRoundupSource partnerItems;
    private final Clock clock;

    Editions(JdbcClient jdbc, CampaignDirectory campaigns, PublishedStatements statements, EventDirectory events,
             PartnerRoundupSource partnerItems) {
        this.jdbc = jdbc;
        this.campaigns = campaigns;
        this.statements = statements;
        this.events = events;
        this.partnerItems = partnerItems;
        this.clock = Clock.systemUTC();
    }

    public int thisYear() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC)).getYear();
    }

    /** The number the next edition of the year would have. */
    public int nextNumber(int year) {
        return jdbc.sql("SELECT coalesce(max(number), 0) + 1 FROM edition WHERE year = :year").param("year", year).query(Integer.class).single();
    }

    @Transactional
    public Edition create(EditionDraft draft) {
        int year = draft.year() == null ? thisYear() : draft.year();
        int number = draft.number() == null ? nextNumber(year) : draft.number();
        check(draft, year, number, null);
        long id = jdbc.sql("""
                        INSERT INTO edition (year, number, subject, introduction, segment)
                        VALUES (:year, :number, :subject, :introduction, CAST(:segment AS jsonb))
                        ON CONFLICT (year, number) DO NOTHING RETURNING id""")
                .param("year", year).param("number", number)
                .param("subject", TranslatedTextJdbcConversions.jsonb(draft.subject()))
                .param("introduction", TranslatedTextJdbcConversions.jsonb(orEmpty(draft.introduction())))
                .param("segment", segmentJson(draft.segment()))
                .query(Long.class).optional()
                .orElseThrow(() -> duplicate(year, number));
        return find(id).orElseThrow();
    }

    @Transactional
    public Edition update(long id, EditionDraft draft) {
        Edition edition = lockEditable(id);
        int year = draft.year() == null ? edition.year() : draft.year();
        int number = draft.number() == null ? edition.number() : draft.number();
        check(draft, year, number, id);
        jdbc.sql("""
                        UPDATE edition SET year = :year, number = :number, subject = :subject, introduction = :introduction,
                               segment = CAST(:segment AS jsonb), updated_at = now()
                        WHERE id = :id""")
                .param("year", year).param("number", number)
                .param("subject", TranslatedTextJdbcConversions.jsonb(draft.subject()))
                .param("introduction", TranslatedTextJdbcConversions.jsonb(orEmpty(draft.introduction())))
                .param("segment", segmentJson(draft.segment())).param("id", id).update();
        return find(id).orElseThrow();
    }

    /** Deletes a draft that was never sent. */
    @Transactional
    public void delete(long id) {
        Edition edition = lockEditable(id);
        if (edition.status() != EditionStatus.DRAFT) {
            throw new EditionLockedException(edition.status());
        }
        jdbc.sql("DELETE FROM edition WHERE id = :id").param("id", id).update();
    }

    public Optional<Edition> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM edition WHERE id = :id").param("id", id).query(this::map).optional()
                .map(e -> withBlocks(e));
    }

    /** Every edition, the latest first. */
    public List<Edition> list() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM edition ORDER BY year DESC, number DESC LIMIT 500").query(this::map).list();
    }

    // ---- blocks

    @Transactional
    public Edition addBlock(long id, Block block) {
        Edition edition = lockEditable(id);
        checkBlock(block);
        List<Block> blocks = new ArrayList<>(edition.blocks());
        if (blocks.size() >= MAX_BLOCKS) {
            throw new InvalidInputException("kind", "newsletter.editions.error.tooManyBlocks", "An edition has at most " + MAX_BLOCKS + " blocks.");
        }
        blocks.add(block);
        return writeBlocks(id, blocks);
    }

    @Transactional
    public Edition updateBlock(long id, int position, Block block) {
        Edition edition = lockEditable(id);
        List<Block> blocks = new ArrayList<>(edition.blocks());
        int index = indexOf(blocks, position);
        if (block.kind() != blocks.get(index).kind()) {
            throw new InvalidInputException("kind", "newsletter.editions.error.kindChanged", "A block keeps its kind; add a new block instead.");
        }
        if (block.kind() == BlockKind.IMAGE && (block.image() == null || block.image().isBlank())) {
            block = Block.image(blocks.get(index).image(), block.caption(), block.alt());
        }
        checkBlock(block);
        blocks.set(index, block);
        return writeBlocks(id, blocks);
    }

    @Transactional
    public Edition removeBlock(long id, int position) {
        Edition edition = lockEditable(id);
        List<Block> blocks = new ArrayList<>(edition.blocks());
        blocks.remove(indexOf(blocks, position));
        return writeBlocks(id, blocks);
    }

    /** Moves a block one place up (towards the top) or down; at either end nothing moves. */
    @Transactional
    public Edition moveBlock(long id, int position, boolean up) {
        Edition edition = lockEditable(id);
        List<Block> blocks = new ArrayList<>(edition.blocks());
        int index = indexOf(blocks, position);
        int other = up ? index - 1 : index + 1;
        if (other < 0 || other >= blocks.size()) {
            return edition;
        }
        java.util.Collections.swap(blocks, index, other);
        return writeBlocks(id, blocks);
    }

    // ---- recipients and schedule

    /** How many subscribers the segment reaches now. */
    public long recipientCount(Segment segment) {
        return jdbc.sql("SELECT count(*) FROM subscriber s WHERE " + segment.where()).params(segment.params()).query(Long.class).single();
    }

    /**
     * Schedules the edition for a time (null: now, "send now"). A time more than a minute in the
     * past is refused: it is more likely a mistyped date than a wish to send at once.
     */
    @Transactional
    public Edition schedule(long id, Instant at) {
        Edition edition = lockEditable(id);
        Instant now = clock.instant();
        if (at != null && at.isBefore(now.minus(PAST_TOLERANCE))) {
            throw new InvalidInputException("scheduledAt", "newsletter.editions.error.scheduledInPast", "The scheduled time has already passed.");
        }
        if (edition.blocks().isEmpty() && orEmpty(edition.introduction()).isEmpty()) {
            throw new InvalidInputException("scheduledAt", "newsletter.editions.error.empty", "The edition has no content yet.");
        }
        Instant when = at == null || at.isBefore(now) ? now : at;
        jdbc.sql("UPDATE edition SET status = 'SCHEDULED', scheduled_at = :at, updated_at = now() WHERE id = :id")
                .param("at", Timestamp.from(when.truncatedTo(ChronoUnit.MICROS))).param("id", id).update();
        return find(id).orElseThrow();
    }

    /** Takes a scheduled edition back to draft; refused once sending has started. */
    @Transactional
    public Edition cancelSchedule(long id) {
        Edition edition = lockEditable(id);
        if (edition.status() == EditionStatus.SCHEDULED) {
            jdbc.sql("UPDATE edition SET status = 'DRAFT', scheduled_at = NULL, updated_at = now() WHERE id = :id AND status = 'SCHEDULED'")
                    .param("id", id).update();
        }
        return find(id).orElseThrow();
    }

    // ---- the public archive

    /** A page of sent editions, the latest first. */
    public List<Edition> sent(int page, int size) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM edition WHERE status = 'SENT'
                        ORDER BY coalesce(finished_at, scheduled_at, updated_at) DESC, year DESC, number DESC LIMIT :size OFFSET :offset""")
                .param("size", size).param("offset", (long) Math.max(page, 0) * size).query(this::map).list();
    }

    public long sentCount() {
        return jdbc.sql("SELECT count(*) FROM edition WHERE status = 'SENT'").query(Long.class).single();
    }

    public Optional<Edition> findSent(int year, int number) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM edition WHERE year = :year AND number = :number AND status = 'SENT'")
                .param("year", year).param("number", number).query(this::map).optional().map(this::withBlocks);
    }

    // ---- checks

    private void check(EditionDraft draft, int year, int number, Long id) {
        List<FieldProblem> problems = new ArrayList<>();
        if (year < 2000 || year > 2999) {
            problems.add(new FieldProblem("year", "newsletter.editions.error.year", "The year must be between 2000 and 2999."));
        }
        if (number < 1 || number > 100_000) {
            problems.add(new FieldProblem("number", "newsletter.editions.error.number", "The number must be 1 or more."));
        }
        TranslatedText subject = draft.subject();
        if (subject == null || subject.isEmpty()) {
            problems.add(new FieldProblem("subject", "newsletter.editions.error.subjectMissing", "The subject is required."));
        } else if (subject.values().values().stream().anyMatch(v -> v.length() > MAX_SUBJECT)) {
            problems.add(new FieldProblem("subject", "newsletter.editions.error.subjectTooLong",
                    "The subject can have at most " + MAX_SUBJECT + " characters."));
        } else if (subject.values().values().stream().anyMatch(v -> v.contains("\n") || v.contains("\r"))) {
            problems.add(new FieldProblem("subject", "newsletter.editions.error.subjectLines", "The subject must fit on one line."));
        }
        if (draft.introduction() != null && draft.introduction().values().values().stream().anyMatch(v -> v.length() > MAX_INTRODUCTION)) {
            problems.add(new FieldProblem("introduction", "newsletter.editions.error.introductionTooLong",
                    "The introduction can have at most " + MAX_INTRODUCTION + " characters."));
        }
        if (problems.isEmpty() && jdbc.sql("SELECT count(*) FROM edition WHERE year = :year AND number = :number AND id <> :id")
                .param("year", year).param("number", number).param("id", id == null ? -1L : id).query(Long.class).single() > 0) {
            throw duplicate(year, number);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private InvalidInputException duplicate(int year, int number) {
        return new InvalidInputException("number", "newsletter.editions.error.duplicate",
                "There is already an edition " + number + " in " + year + "; the next free number is " + nextNumber(year) + ".");
    }

    private void checkBlock(Block block) {
        if (block.kind() == null) {
            throw new InvalidInputException("kind", "newsletter.editions.error.kind", "Choose what kind of block to add.");
        }
        switch (block.kind()) {
            case TEXT -> {
                if (block.text().isEmpty()) {
                    throw new InvalidInputException("text", "newsletter.editions.error.textMissing", "Write the text of the block.");
                }
                if (block.text().values().values().stream().anyMatch(v -> v.length() > MAX_TEXT)) {
                    throw new InvalidInputException("text", "newsletter.editions.error.textTooLong", "The text is too long.");
                }
            }
            case CAMPAIGN -> {
                if (block.campaignId() == null || campaigns.campaign(block.campaignId()).isEmpty()) {
                    throw new InvalidInputException("campaignId", "newsletter.editions.error.noCampaign", "There is no such published campaign.");
                }
            }
            case STATEMENT -> {
                if (block.publicationId() == null || statements.find(block.publicationId()).isEmpty()) {
                    throw new InvalidInputException("publicationId", "newsletter.editions.error.noStatement", "There is no such published statement.");
                }
            }
            case EVENT -> {
                if (block.eventId() == null || events.event(block.eventId()).isEmpty()) {
                    throw new InvalidInputException("eventId", "newsletter.editions.error.noEvent", "There is no such published public event.");
                }
            }
            case PARTNER_ROUNDUP -> {
                if (block.itemIds().size() > MAX_ROUNDUP_ITEMS) {
                    throw new InvalidInputException("itemIds", "newsletter.editions.error.tooManyItems",
                            "A round-up has at most " + MAX_ROUNDUP_ITEMS + " items.");
                }
                if (!block.itemIds().isEmpty() && partnerItems.items(block.itemIds()).size() != block.itemIds().stream().distinct().count()) {
                    throw new InvalidInputException("itemIds", "newsletter.editions.error.noItem", "Some of the partner-media items do not exist.");
                }
            }
            case IMAGE -> {
                List<FieldProblem> problems = new ArrayList<>();
                if (block.image() == null || !block.image().matches("[A-Za-z0-9._-]{1,200}")) {
                    problems.add(new FieldProblem("image", "newsletter.editions.error.imageMissing", "Upload a picture."));
                }
                if (block.alt().isEmpty()) {
                    problems.add(new FieldProblem("alt", "newsletter.editions.error.altMissing",
                            "Describe the picture for readers who cannot see it (alt text)."));
                }
                if (block.alt().values().values().stream().anyMatch(v -> v.length() > 500)
                        || block.caption().values().values().stream().anyMatch(v -> v.length() > 1000)) {
                    problems.add(new FieldProblem("caption", "newsletter.editions.error.captionTooLong", "The caption or alt text is too long."));
                }
                if (!problems.isEmpty()) {
                    throw new InvalidInputException(problems);
                }
            }
        }
    }

    private Edition lockEditable(long id) {
        String status = jdbc.sql("SELECT status FROM edition WHERE id = :id FOR UPDATE").param("id", id).query(String.class).optional()
                .orElseThrow(() -> new org.convene.platform.web.NotFoundException("No such edition"));
        EditionStatus current = EditionStatus.valueOf(status);
        if (!current.isEditable()) {
            throw new EditionLockedException(current);
        }
        return find(id).orElseThrow();
    }

    private static int indexOf(List<Block> blocks, int position) {
        for (int i = 0; i < blocks.size(); i++) {
            if (blocks.get(i).position() == position) {
                return i;
            }
        }
        throw new org.convene.platform.web.NotFoundException("No such block");
    }

    private Edition writeBlocks(long id, List<Block> blocks) {
        jdbc.sql("DELETE FROM edition_block WHERE edition_id = :id").param("id", id).update();
        int position = 1;
        for (Block block : blocks) {
            jdbc.sql("INSERT INTO edition_block (edition_id, position, kind, content) VALUES (:id, :position, :kind, CAST(:content AS jsonb))")
                    .param("id", id).param("position", position++).param("kind", block.kind().name()).param("content", content(block)).update();
        }
        jdbc.sql("UPDATE edition SET updated_at = now() WHERE id = :id").param("id", id).update();
        return find(id).orElseThrow();
    }

    // ---- storage

    static String content(Block block) {
        Map<String, Object> doc = new LinkedHashMap<>();
        switch (block.kind()) {
            case TEXT -> doc.put("text", text(block.text()));
            case CAMPAIGN -> doc.put("campaignId", block.campaignId());
            case STATEMENT -> doc.put("publicationId", block.publicationId());
            case EVENT -> doc.put("eventId", block.eventId());
            case PARTNER_ROUNDUP -> doc.put("itemIds", block.itemIds());
            case IMAGE -> {
                doc.put("image", block.image());
                doc.put("caption", text(block.caption()));
                doc.put("alt", text(block.alt()));
            }
        }
        return JSON.writeValueAsString(doc);
    }

    private static Map<String, Object> text(TranslatedText text) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("fallback", text.fallback());
        doc.put("values", text.values());
        return doc;
    }

    @SuppressWarnings("unchecked")
    private static TranslatedText text(Object doc) {
        if (!(doc instanceof Map<?, ?> map)) {
            return TranslatedText.empty();
        }
        return new TranslatedText((String) map.get("fallback"), (Map<String, String>) map.get("values"));
    }

    private static Long id(Object value) {
        return value instanceof Number n ? n.longValue() : null;
    }

    static Block block(int position, String kind, String json) {
        Map<String, Object> doc = JSON.readValue(json, new TypeReference<Map<String, Object>>() { });
        BlockKind k = BlockKind.valueOf(kind);
        List<Long> items = doc.get("itemIds") instanceof List<?> list ? list.stream().map(Editions::id).filter(java.util.Objects::nonNull).toList() : List.of();
        return new Block(position, k, text(doc.get("text")), id(doc.get("campaignId")), id(doc.get("publicationId")), id(doc.get("eventId")),
                items, (String) doc.get("image"), text(doc.get("caption")), text(doc.get("alt")));
    }

    static String segmentJson(Segment segment) {
        Segment s = segment == null ? Segment.everyone() : segment;
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("languages", s.languages());
        doc.put("regionIds", s.regionIds());
        doc.put("topics", s.topics());
        doc.put("organizationIds", s.organizationIds());
        return JSON.writeValueAsString(doc);
    }

    @SuppressWarnings("unchecked")
    static Segment segment(String json) {
        if (json == null || json.isBlank()) {
            return Segment.everyone();
        }
        Map<String, Object> doc = JSON.readValue(json, new TypeReference<Map<String, Object>>() { });
        java.util.function.Function<Object, List<Long>> ids = o -> o instanceof List<?> l
                ? l.stream().map(Editions::id).filter(java.util.Objects::nonNull).toList() : List.of();
        return new Segment((List<String>) doc.get("languages"), ids.apply(doc.get("regionIds")), (List<String>) doc.get("topics"),
                ids.apply(doc.get("organizationIds")));
    }

    private static TranslatedText orEmpty(TranslatedText text) {
        return text == null ? TranslatedText.empty() : text;
    }

    private Edition withBlocks(Edition e) {
        List<Block> blocks = jdbc.sql("SELECT position, kind, content::text FROM edition_block WHERE edition_id = :id ORDER BY position")
                .param("id", e.id()).query((rs, n) -> block(rs.getInt(1), rs.getString(2), rs.getString(3))).list();
        return new Edition(e.id(), e.year(), e.number(), e.subject(), e.introduction(), e.segment(), e.status(), e.scheduledAt(),
                e.startedAt(), e.finishedAt(), blocks);
    }

    private Edition map(ResultSet rs, int row) throws SQLException {
        return new Edition(rs.getLong("id"), rs.getInt("year"), rs.getInt("number"),
                TranslatedTextJdbcConversions.fromJson(rs.getString("subject")), TranslatedTextJdbcConversions.fromJson(rs.getString("introduction")),
                segment(rs.getString("segment")), EditionStatus.valueOf(rs.getString("status")), instant(rs, "scheduled_at"),
                instant(rs, "started_at"), instant(rs, "finished_at"), List.of());
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
