package org.convene.events.web;

import java.time.Instant;
import java.util.List;
import org.convene.events.internal.Events;
import org.convene.events.internal.MeetingLink;
import org.convene.events.internal.MeetingLinks;
import org.convene.platform.web.ApiController;
import org.convene.platform.web.NotFoundException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;

/**
 * The meeting rooms of an event in the API, for staff who may edit the event only: the URLs are
 * never public, registrants reach them through their personal join links. PUT replaces the whole
 * list; a window end left out takes its default (opening before the start, closing at the end).
 */
@ApiController("/api/v1/events/{id}/meeting-links")
class MeetingLinksApiController {

    /** One meeting room with its window; {@code opensAt}/{@code closesAt} are the effective window (read only). */
    record MeetingLinkDocument(Long id, String url, Instant validFrom, Instant validUntil, Instant opensAt, Instant closesAt) {
        static MeetingLinkDocument of(MeetingLink l) {
            return new MeetingLinkDocument(l.id(), l.url(), l.validFrom(), l.validUntil(), l.opensAt(), l.closesAt());
        }
    }

    private final MeetingLinks meetingLinks;
    private final Events events;

    MeetingLinksApiController(MeetingLinks meetingLinks, Events events) {
        this.meetingLinks = meetingLinks;
        this.events = events;
    }

    @PreAuthorize("@eventAccess.canEdit(#id)")
    @GetMapping
    List<MeetingLinkDocument> list(@PathVariable long id) {
        return meetingLinks.of(events.find(id).orElseThrow(() -> new NotFoundException("There is no event with this id.")))
                .stream().map(MeetingLinkDocument::of).toList();
    }

    @PreAuthorize("@eventAccess.canEdit(#id)")
    @PutMapping
    List<MeetingLinkDocument> replace(@PathVariable long id, @RequestBody List<MeetingLinkDocument> links) {
        List<MeetingLink.Draft> drafts = links.stream()
                .map(l -> l == null ? null : new MeetingLink.Draft(l.url(), l.validFrom(), l.validUntil())).toList();
        return meetingLinks.replace(id, drafts).stream().map(MeetingLinkDocument::of).toList();
    }
}
