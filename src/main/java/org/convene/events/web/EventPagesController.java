package org.convene.events.web;

import java.util.Locale;
import org.convene.events.internal.Attendance;
import org.convene.events.internal.Event;
import org.convene.events.internal.EventCalendar;
import org.convene.events.internal.EventFormat;
import org.convene.events.internal.EventStatus;
import org.convene.events.internal.Events;
import org.convene.events.internal.RegistrationRefusedException;
import org.convene.events.internal.Registrations;
import org.convene.platform.PlatformProperties;
import org.convene.platform.web.InvalidInputException;
import org.convene.platform.web.NotFoundException;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The public event pages: the list of upcoming events, each event with its registration form, and its calendar file. */
@Controller
@PermitAll
class EventPagesController {

    private final Events events;
    private final Registrations registrations;
    private final EventCalendar calendar;
    private final PlatformProperties platform;
    private final RegistrationAllowance allowance;

    EventPagesController(Events events, Registrations registrations, EventCalendar calendar, PlatformProperties platform,
                         RegistrationAllowance allowance) {
        this.allowance = allowance;
        this.events = events;
        this.registrations = registrations;
        this.calendar = calendar;
        this.platform = platform;
    }

    @GetMapping("/events")
    String list(Model model, Locale locale) {
        model.addAttribute("events", events.upcoming(200).stream().map(e -> EventView.of(e, locale)).toList());
        return "events/list";
    }

    @GetMapping("/events/{slug}")
    String show(@PathVariable String slug, Model model, Locale locale) {
        Event event = visible(slug);
        RegistrationForm form = new RegistrationForm();
        form.setAttendance(event.format() == EventFormat.ONLINE ? Attendance.ONLINE : Attendance.IN_PERSON);
        return page(event, form, model, locale);
    }

    /** A calendar to subscribe to: the network's events, or one member organization's with {@code ?organization=}. */
    @GetMapping(value = "/events.ics", produces = "text/calendar")
    ResponseEntity<String> feed(@RequestParam(name = "organization", required = false) Long organization, Locale locale) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "calendar", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CACHE_CONTROL, "public, max-age=300")
                .body(calendar.of(events.forFeed(organization), locale));
    }

    @GetMapping(value = "/events/{slug}.ics", produces = "text/calendar")
    ResponseEntity<String> ics(@PathVariable String slug, Locale locale) {
        Event event = visible(slug);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "calendar", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(slug + ".ics").build().toString())
                .body(calendar.of(event, locale));
    }

    @PostMapping("/events/{slug}/registrations")
    String register(@PathVariable String slug, @ModelAttribute("form") RegistrationForm form, BindingResult errors,
                    Model model, Locale locale, RedirectAttributes redirect, HttpServletRequest request,
                    HttpServletResponse response) {
        Event event = visible(slug);
        if (errors.hasErrors()) {
            return page(event, form, model, locale);
        }
        if (!allowance.tryTake(request)) {
            errors.reject("registration.tooMany");
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            return page(event, form, model, locale);
        }
        try {
            Registrations.Outcome outcome = registrations.register(event.id(), form.getName(), form.getEmail(), form.getAttendance(),
                    form.getAnswers(), locale);
            redirect.addFlashAttribute("registeredStatus", outcome.registration().status().name());
            redirect.addFlashAttribute("registeredAttendance", outcome.registration().attendance().name());
            redirect.addFlashAttribute("registeredPosition", outcome.registration().waitlistPosition());
            redirect.addFlashAttribute("registeredBefore", !outcome.created());
            return "redirect:/events/" + slug + "#registration";
        } catch (InvalidInputException invalid) {
            invalid.errors().forEach(p -> errors.rejectValue(p.field(), p.code(), p.message()));
            return page(event, form, model, locale);
        } catch (RegistrationRefusedException refused) {
            errors.reject(refused.code(), refused.getMessage());
            return page(event, form, model, locale);
        }
    }

    private String page(Event event, RegistrationForm form, Model model, Locale locale) {
        model.addAttribute("view", EventView.of(event, locale));
        model.addAttribute("form", form);
        model.addAttribute("attendances", Attendance.values());
        model.addAttribute("positionCounted", Registrations.POSITION_COUNTED);
        model.addAttribute("pageUrl", platform.link("/events/" + event.slug()));
        model.addAttribute("coverUrl", event.coverImage() == null ? null : platform.link("/media/" + event.coverImage()));
        return "events/show";
    }

    /** Published and cancelled events are public; drafts do not exist for the public. */
    private Event visible(String slug) {
        return events.findBySlug(slug).filter(e -> e.status() != EventStatus.DRAFT)
                .orElseThrow(() -> new NotFoundException("No such event"));
    }
}
