package org.convene.events.web;

import java.util.Locale;
import org.convene.events.internal.Event;
import org.convene.events.internal.EventTimes;
import org.convene.events.internal.Events;
import org.convene.events.internal.MeetingLinks;
import org.convene.events.internal.OnlineAttendance;
import org.convene.platform.web.InvalidInputException;
import org.convene.platform.web.NotFoundException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The staff page of an event's meeting rooms (shown only to staff who may edit the event) and its online attendance. */
@Controller
class MeetingLinksAdminController {

    private final Events events;
    private final MeetingLinks meetingLinks;
    private final OnlineAttendance attendance;

    MeetingLinksAdminController(Events events, MeetingLinks meetingLinks, OnlineAttendance attendance) {
        this.events = events;
        this.meetingLinks = meetingLinks;
        this.attendance = attendance;
    }

    @PreAuthorize("@eventAccess.canEdit(#id)")
    @GetMapping("/admin/events/{id}/online")
    String show(@PathVariable long id, Model model, Locale locale) {
        return page(event(id), new MeetingLinkForm(), model, locale);
    }

    @PreAuthorize("@eventAccess.canEdit(#id)")
    @PostMapping("/admin/events/{id}/online")
    String add(@PathVariable long id, @ModelAttribute("form") MeetingLinkForm form, BindingResult errors, Model model,
               Locale locale, RedirectAttributes redirect) {
        Event event = event(id);
        if (errors.hasErrors()) {
            return page(event, form, model, locale);
        }
        try {
            meetingLinks.add(id, form.toDraft(event.zone()));
        } catch (InvalidInputException invalid) {
            invalid.errors().forEach(p -> errors.rejectValue(p.field(), p.code(), p.message()));
            return page(event, form, model, locale);
        }
        redirect.addFlashAttribute("notice", "events.online.admin.added");
        return "redirect:/admin/events/" + id + "/online";
    }

    @PreAuthorize("@eventAccess.canEdit(#id)")
    @PostMapping("/admin/events/{id}/online/{linkId}/delete")
    String remove(@PathVariable long id, @PathVariable long linkId, RedirectAttributes redirect) {
        event(id);
        meetingLinks.remove(id, linkId);
        redirect.addFlashAttribute("notice", "events.online.admin.removed");
        return "redirect:/admin/events/" + id + "/online";
    }

    private String page(Event event, MeetingLinkForm form, Model model, Locale locale) {
        model.addAttribute("view", EventView.of(event, locale));
        model.addAttribute("form", form);
        model.addAttribute("links", meetingLinks.of(event).stream().map(l -> new Row(l.id(), l.url(),
                EventTimes.format(l.opensAt(), event.zone(), locale), EventTimes.format(l.closesAt(), event.zone(), locale),
                l.validFrom() == null && l.validUntil() == null)).toList());
        model.addAttribute("defaultOpens", EventTimes.format(meetingLinks.defaultOpening(event), event.zone(), locale));
        model.addAttribute("joinedCount", attendance.count(event.id()));
        return "events/admin-online";
    }

    /** One meeting room as the page lists it. */
    record Row(long id, String url, String opens, String closes, boolean defaultWindow) {
    }

    private Event event(long id) {
        return events.find(id).orElseThrow(() -> new NotFoundException("No such event"));
    }
}
