package org.convene.newsletter.editions;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.convene.media.Images;
import org.convene.media.RefusedImageException;
import org.convene.newsletter.internal.Segment;
import org.convene.platform.i18n.Languages;
import org.convene.platform.i18n.TranslatedTextForm;
import org.convene.platform.web.ApiController;
import org.convene.platform.web.InvalidInputException;
import org.convene.platform.web.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Newsletter editions in the REST API, for network admins with a personal API token: the head,
 * the blocks, an HTML preview per language, test sends and the schedule. Editions that have
 * started sending answer 409 to every change.
 */
@ApiController("/api/v1/newsletter")
@Tag(name = "Newsletter editions")
class EditionApiController {

    /** Translated texts are {@code {"fallback":"en","values":{"en":"..."}}}. */
    record EditionDocument(Long id, Integer year, Integer number, TranslatedTextForm subject, TranslatedTextForm introduction,
                           Segment segment, EditionStatus status, Instant scheduledAt, Instant startedAt, Instant finishedAt,
                           List<BlockDocument> blocks, Long recipients) {

        EditionDraft toDraft() {
            return new EditionDraft(year, number, subject == null ? null : subject.toText(),
                    introduction == null ? null : introduction.toText(), segment);
        }
    }

    /** A block; the fields that count depend on kind (see the composer). image is a name returned by POST /images. */
    record BlockDocument(Integer position, BlockKind kind, TranslatedTextForm text, Long campaignId, Long publicationId, Long eventId,
                         List<Long> itemIds, String image, TranslatedTextForm caption, TranslatedTextForm alt) {

        Block toBlock() {
            return new Block(0, kind, text == null ? null : text.toText(), campaignId, publicationId, eventId, itemIds, image,
                    caption == null ? null : caption.toText(), alt == null ? null : alt.toText());
        }

        static BlockDocument of(Block b) {
            return new BlockDocument(b.position(), b.kind(), TranslatedTextForm.of(b.text()), b.campaignId(), b.publicationId(),
                    b.eventId(), b.itemIds(), b.image(), TranslatedTextForm.of(b.caption()), TranslatedTextForm.of(b.alt()));
        }
    }

    record TestSendRequest(List<String> addresses, String language) {
    }

    /** null scheduledAt: now ("send now"). */
    record ScheduleRequest(Instant scheduledAt) {
    }

    private final Editions editions;
    private final MailEditionRendering rendering;
    private final TestSends testSends;
    private final Images images;

    EditionApiController(Editions editions, MailEditionRendering rendering, TestSends testSends, Images images) {
        this.editions = editions;
        this.rendering = rendering;
        this.testSends = testSends;
        this.images = images;
    }

    @Operation(summary = "Every edition, the latest first (without blocks)")
    @PreAuthorize("@staffAccess.isNetworkAdmin()")
    @GetMapping("/editions")
    List<EditionDocument> list() {
        return editions.list().stream().map(e -> document(e, null)).toList();
    }

    @Operation(summary = "Create an edition; year and number may be left out (this year, the next number); 400 on a duplicate number")
    @PreAuthorize("@staffAccess.isNetworkAdmin()")
    @PostMapping("/editions")
    ResponseEntity<EditionDocument> create(@RequestBody EditionDocument request) {
        Edition edition = editions.create(request.toDraft());
        return ResponseEntity.status(HttpStatus.CREATED).header("Location", "/api/v1/newsletter/editions/" + edition.id())
                .body(document(edition, editions.recipientCount(edition.segment())));
    }

    @Operation(summary = "One edition with its blocks and current recipient count")
    @PreAuthorize("@staffAccess.isNetworkAdmin()")
    @GetMapping("/editions/{id}")
    EditionDocument get(@PathVariable long id) {
        Edition edition = edition(id);
        return document(edition, editions.recipientCount(edition.segment()));
    }

    @Operation(summary = "Change an edition's head (409 once sending has started)")
    @PreAuthorize("@staffAccess.isNetworkAdmin()")
    @PutMapping("/editions/{id}")
    EditionDocument update(@PathVariable long id, @RequestBody EditionDocument request) {
        edition(id);
        Edition edition = editions.update(id, request.toDraft());
        return document(edition, editions.recipientCount(edition.segment()));
    }

    @Operation(summary = "Delete a draft edition (409 otherwise)")
    @PreAuthorize("@staffAccess.isNetworkAdmin()")
    @DeleteMapping("/editions/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        edition(id);
        editions.delete(id);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "The blocks of an edition, in order")
    @PreAuthorize("@staffAccess.isNetworkAdmin()")
    @GetMapping("/editions/{id}/blocks")
    List<BlockDocument> blocks(@PathVariable long id) {
        return edition(id).blocks().stream().map(BlockDocument::of).toList();
    }

    @Operation(summary = "Add a block at the end; 400 when it refers to a missing campaign, statement, event or item, or an image lacks alt text")
    @PreAuthorize("@staffAccess.isNetworkAdmin()")
    @PostMapping("/editions/{id}/blocks")
    ResponseEntity<List<BlockDocument>> addBlock(@PathVariable long id, @RequestBody BlockDocument request) {
        edition(id);
        Edition edition = editions.addBlock(id, request.toBlock());
        return ResponseEntity.status(HttpStatus.CREATED).body(edition.blocks().stream().map(BlockDocument::of).toList());
    }

    @Operation(summary = "Replace a block (same kind)")
    @PreAuthorize("@staffAccess.isNetworkAdmin()")
    @PutMapping("/editions/{id}/blocks/{position}")
    List<BlockDocument> updateBlock(@PathVariable long id, @PathVariable int position, @RequestBody BlockDocument request) {
        edition(id);
        return editions.updateBlock(id, position, request.toBlock()).blocks().stream().map(BlockDocument::of).toList();
    }

    @Operation(summary = "Remove a block; the ones below move up")
    @PreAuthorize("@staffAccess.isNetworkAdmin()")
    @DeleteMapping("/editions/{id}/blocks/{position}")
    List<BlockDocument> removeBlock(@PathVariable long id, @PathVariable int position) {
        edition(id);
        return editions.removeBlock(id, position).blocks().stream().map(BlockDocument::of).toList();
    }

    @Operation(summary = "Move a block one place up or down (direction=up|down)")
    @PreAuthorize("@staffAccess.isNetworkAdmin()")
    @PostMapping("/editions/{id}/blocks/{position}/move")
    List<BlockDocument> moveBlock(@PathVariable long id, @PathVariable int position, @RequestParam String direction) {
        edition(id);
        if (!"up".equals(direction) && !"down".equals(direction)) {
            throw new InvalidInputException("direction", "newsletter.editions.error.direction", "direction is up or down.");
        }
        return editions.moveBlock(id, position, "up".equals(direction)).blocks().stream().map(BlockDocument::of).toList();
    }

    @Operation(summary = "Upload a picture for an image block; answers its name")
    @PreAuthorize("@staffAccess.isNetworkAdmin()")
    @PostMapping(value = "/images", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Map<String, String>> upload(@RequestParam("file") MultipartFile file) {
        try {
            String name = images.storeCover(file.getInputStream(), file.getSize());
            return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("image", name, "url", "/media/" + name));
        } catch (RefusedImageException refused) {
            throw new InvalidInputException("file", refused.messageKey(), "The picture was refused.");
        } catch (IOException unreadable) {
            throw new InvalidInputException("file", "media.notAnImage", "Not a picture.");
        }
    }

    @Operation(summary = "The mail's HTML part in a language (the subject's fallback when the edition lacks it)")
    @PreAuthorize("@staffAccess.isNetworkAdmin()")
    @GetMapping(value = "/editions/{id}/preview", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> preview(@PathVariable long id, @RequestParam(required = false) String lang) {
        Edition edition = edition(id);
        String language = Languages.isSupported(lang) ? lang : edition.subject().fallback();
        return ResponseEntity.ok().contentType(new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8))
                .header("Content-Security-Policy", "default-src 'none'; img-src * data:; style-src 'unsafe-inline'; frame-ancestors 'none'")
                .body(rendering.render(edition, language).html());
    }

    @Operation(summary = "Send a test to at most 10 addresses, the subject prefixed [TEST]")
    @PreAuthorize("@staffAccess.isNetworkAdmin()")
    @PostMapping("/editions/{id}/test-sends")
    ResponseEntity<Map<String, Object>> testSend(@PathVariable long id, @RequestBody TestSendRequest request) {
        edition(id);
        int sent = testSends.send(id, request.addresses(), request.language());
        return ResponseEntity.accepted().body(Map.of("queued", sent));
    }

    @Operation(summary = "Schedule the edition (scheduledAt null: now); 400 for a time in the past, 409 once sending has started")
    @PreAuthorize("@staffAccess.isNetworkAdmin()")
    @PostMapping("/editions/{id}/schedule")
    EditionDocument schedule(@PathVariable long id, @RequestBody(required = false) ScheduleRequest request) {
        edition(id);
        Edition edition = editions.schedule(id, request == null ? null : request.scheduledAt());
        return document(edition, editions.recipientCount(edition.segment()));
    }

    @Operation(summary = "Cancel the schedule: the edition is a draft again (409 once sending has started)")
    @PreAuthorize("@staffAccess.isNetworkAdmin()")
    @DeleteMapping("/editions/{id}/schedule")
    EditionDocument cancelSchedule(@PathVariable long id) {
        edition(id);
        Edition edition = editions.cancelSchedule(id);
        return document(edition, editions.recipientCount(edition.segment()));
    }

    private Edition edition(long id) {
        return editions.find(id).orElseThrow(() -> new NotFoundException("No such edition"));
    }

    private static EditionDocument document(Edition e, Long recipients) {
        return new EditionDocument(e.id(), e.year(), e.number(), TranslatedTextForm.of(e.subject()), TranslatedTextForm.of(e.introduction()),
                e.segment(), e.status(), e.scheduledAt(), e.startedAt(), e.finishedAt(),
                e.blocks().stream().map(BlockDocument::of).toList(), recipients);
    }
}
