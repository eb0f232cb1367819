package org.convene.events.web;

import jakarta.annotation.security.PermitAll;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.convene.events.internal.AttendanceConfirmations;
import org.convene.events.internal.Attendance;
import org.convene.events.internal.Event;
import org.convene.events.internal.EventCalendar;
import org.convene.events.internal.Events;
import org.convene.events.internal.Registration;
import org.convene.events.internal.RegistrationLinks;
import org.convene.events.internal.RegistrationRefusedException;
import org.convene.events.internal.RegistrationStatus;
import org.convene.events.internal.Registrations;
import org.convene.platform.web.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What the reminder mails link to behind the personal link: confirming or cancelling with one
 * button, and the registrant's own calendar file (with their join link when they take part online).
 * The confirm and cancel links only show a page: mail scanners open links, so only the button
 * (a POST with the CSRF token) changes anything.
 */
@Controller
@PermitAll
class RegistrantReminderController {

    private final RegistrationLinks links;
    private final PersonalLinks personalLinks;
    private final Registrations registrations;
    private final Events events;
    private final AttendanceConfirmations confirmations;
    private final EventCalendar calendar;
    private final MessageSource messages;

    RegistrantReminderController(RegistrationLinks links, Registrations registrations, Events events,
                                 AttendanceConfirmations confirmations, EventCalendar calendar, MessageSource messages,
                                 PersonalLinks personalLinks) {
        this.personalLinks = personalLinks;
        this.links = links;
        this.registrations = registrations;
        this.events = events;
        this.confirmations = confirmations;
        this.calendar = calendar;
        this.messages = messages;
    }

    @GetMapping("/registrations/{token}/confirm")
    String confirmPage(@PathVariable String token, Model model, Locale locale) {
        return page(token, "confirm", model, locale);
    }

    @GetMapping("/registrations/{token}/cancel")
    String cancelPage(@PathVariable String token, Model model, Locale locale) {
        return page(token, "cancel", model, locale);
    }

    @PostMapping("/registrations/{token}/confirm")
    String confirm(@PathVariable String token, RedirectAttributes redirect) {
        Registration registration = registrationOf(token);
        try {
            confirmations.confirm(registration.id());
            redirect.addFlashAttribute("notice", "events.online.confirm.done");
        } catch (RegistrationRefusedException refused) {
            redirect.addFlashAttribute("problem", refused.code());
        }
        return "redirect:/registrations/" + token;
    }

    @GetMapping(value = "/registrations/{token}/event.ics", produces = "text/calendar")
    ResponseEntity<String> ics(@PathVariable String token, Locale locale) {
        Registration registration = registrationOf(token);
        Event event = events.find(registration.eventId()).orElseThrow(() -> new NotFoundException("No such event"));
        String joinLink = joins(registration) ? links.joinLink(registration.id()) : null;
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "calendar", StandardCharsets.UTF_8))
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(event.slug() + ".ics").build().toString())
                .body(calendar.personal(event, locale, messages.getMessage("events.online.calendar.join", null, locale), joinLink));
    }

    /** Whether the registration has a join link: online and confirmed (online registrations are never waitlisted). */
    static boolean joins(Registration registration) {
        return registration.attendance() == Attendance.ONLINE && registration.status() == RegistrationStatus.CONFIRMED;
    }

    private String page(String token, String action, Model model, Locale locale) {
        Registration registration = registrationOf(token);
        Event event = events.find(registration.eventId()).orElseThrow(() -> new NotFoundException("No such event"));
        model.addAttribute("registration", registration);
        model.addAttribute("view", EventView.of(event, locale));
        model.addAttribute("token", token);
        model.addAttribute("action", action);
        String refusal = action.equals("confirm") ? confirmations.refusal(registration, event)
                : registration.status() == RegistrationStatus.CANCELLED ? "events.online.cancel.already"
                : event.isCancelled() ? "registration.refused.cancelled"
                : event.isOver(java.time.Instant.now()) ? "registration.refused.past" : null;
        model.addAttribute("refusal", refusal);
        model.addAttribute("confirmedAt", confirmations.confirmedAt(registration.id()).isPresent());
        return "events/registration-check";
    }

    private Registration registrationOf(String token) {
        return personalLinks.registrationOf(token);
    }
}
