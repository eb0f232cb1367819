package org.convene.events.web;

import java.util.Locale;
import org.convene.accounts.CurrentStaff;
import org.convene.events.internal.CheckIns;
import org.convene.events.internal.Event;
import org.convene.events.internal.EventTimes;
import org.convene.events.internal.Events;
import org.convene.platform.web.NotFoundException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The door: staff who may edit the event scan or type ticket codes on a phone. The form is a plain
 * POST that works without JavaScript; with it, htmx sends it and swaps in only the answer, and
 * the counts refresh themselves.
 */
@Controller
class CheckInController {

    /** A check-in answer as the page shows it: times in the event's zone, the other event's title in the reader's language. */
    record ResultView(CheckIns.Result result, String checkedInAt, String otherEventTitle, String otherEventStarts) {
    }

    private final CheckIns checkIns;
    private final Events events;

    CheckInController(CheckIns checkIns, Events events) {
        this.checkIns = checkIns;
        this.events = events;
    }

    @PreAuthorize("@eventAccess.canEdit(#id)")
    @GetMapping("/admin/events/{id}/check-in")
    String page(@PathVariable long id, Model model, Locale locale) {
        model.addAttribute("view", EventView.of(event(id), locale));
        model.addAttribute("eventId", id);
        model.addAttribute("counts", checkIns.counts(id));
        return "events/check-in";
    }

    @PreAuthorize("@eventAccess.canEdit(#id)")
    @PostMapping("/admin/events/{id}/check-in")
    String checkIn(@PathVariable long id, @RequestParam(defaultValue = "") String code,
                   @RequestHeader(name = "HX-Request", required = false) String htmx, Model model, Locale locale) {
        Event event = event(id);
        CheckIns.Result result = checkIns.checkIn(id, code, CurrentStaff.required());
        model.addAttribute("result", view(result, event, locale));
        model.addAttribute("view", EventView.of(event, locale));
        model.addAttribute("eventId", id);
        if (htmx != null) {
            return "events/check-in :: result";
        }
        model.addAttribute("counts", checkIns.counts(id));
        model.addAttribute("typed", result.outcome().admitted() ? "" : code);
        return "events/check-in";
    }

    @PreAuthorize("@eventAccess.canEdit(#id)")
    @GetMapping("/admin/events/{id}/check-in/counts")
    String counts(@PathVariable long id, Model model) {
        event(id);
        model.addAttribute("eventId", id);
        model.addAttribute("counts", checkIns.counts(id));
        return "events/check-in :: counts";
    }

    private Event event(long id) {
        return events.find(id).orElseThrow(() -> new NotFoundException("No such event"));
    }

    private static ResultView view(CheckIns.Result result, Event event, Locale locale) {
        Event other = result.otherEvent();
        return new ResultView(result, result.checkedInAt() == null ? null : java.time.format.DateTimeFormatter
                        .ofLocalizedDateTime(java.time.format.FormatStyle.MEDIUM).withLocale(locale).withZone(event.zone())
                        .format(result.checkedInAt()),
                other == null ? null : other.title().in(locale),
                other == null ? null : EventTimes.format(other.startsAt(), other.zone(), locale));
    }
}
