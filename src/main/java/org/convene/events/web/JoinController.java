package org.convene.events.web;

import jakarta.annotation.security.PermitAll;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import org.convene.events.internal.Attendance;
import org.convene.events.internal.Event;
import org.convene.events.internal.EventTimes;
import org.convene.events.internal.Events;
import org.convene.events.internal.MeetingLink;
import org.convene.events.internal.MeetingLinks;
import org.convene.events.internal.OnlineAttendance;
import org.convene.events.internal.Registration;
import org.convene.events.internal.RegistrationLinks;
import org.convene.events.internal.RegistrationStatus;
import org.convene.events.internal.Registrations;
import org.convene.platform.web.NotFoundException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.http.ResponseEntity;

/**
 * The personal join link of an online registrant. While a meeting room is open it records the
 * attendance and redirects there (the Location header is the only place a meeting URL reaches a
 * registrant); before, it shows a countdown; after, that the event is over. Anything else is
 * refused with a reason; a token that does not verify as a join token is a plain 404.
 */
@Controller
@PermitAll
class JoinController {

    private final RegistrationLinks links;
    private final Registrations registrations;
    private final Events events;
    private final MeetingLinks meetingLinks;
    private final OnlineAttendance attendance;

    JoinController(RegistrationLinks links, Registrations registrations, Events events, MeetingLinks meetingLinks,
                   OnlineAttendance attendance) {
        this.links = links;
        this.registrations = registrations;
        this.events = events;
        this.meetingLinks = meetingLinks;
        this.attendance = attendance;
    }

    @GetMapping("/join/{token}")
    Object join(@PathVariable String token, Model model, Locale locale) {
        Registration registration = links.verifyJoin(token).stream().boxed().findFirst().flatMap(registrations::find)
                .orElseThrow(() -> new NotFoundException("No such join link"));
        Event event = events.find(registration.eventId()).orElseThrow(() -> new NotFoundException("No such event"));
        model.addAttribute("view", EventView.of(event, locale));
        model.addAttribute("personalPath", links.path(registration.id()));
        Instant now = Instant.now();
        String refusal = event.isCancelled() ? "events.online.join.eventCancelled"
                : registration.status() == RegistrationStatus.CANCELLED ? "events.online.join.registrationCancelled"
                : registration.attendance() != Attendance.ONLINE || registration.status() != RegistrationStatus.CONFIRMED
                ? "events.online.join.inPerson" : null;
        if (refusal != null) {
            model.addAttribute("refusal", refusal);
            return page("events/join-refused", HttpStatus.FORBIDDEN, model);
        }
        Optional<MeetingLink> open = meetingLinks.openNow(event, now);
        if (open.isPresent()) {
            attendance.joined(registration);
            return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(open.get().url()))
                    .header(HttpHeaders.CACHE_CONTROL, "no-store").header("Referrer-Policy", "no-referrer").build();
        }
        Optional<Instant> next = meetingLinks.nextOpening(event, now);
        if (next.isEmpty() && event.isOver(now)) {
            return page("events/join-over", HttpStatus.OK, model);
        }
        // before the first window, between two, or no room set up yet: wait (for the default opening at least)
        Instant opensAt = next.orElseGet(() -> meetingLinks.defaultOpening(event));
        boolean ready = next.isPresent();
        if (!ready && !opensAt.isAfter(now) && !meetingLinks.of(event).isEmpty()) {
            return page("events/join-over", HttpStatus.OK, model);
        }
        model.addAttribute("ready", ready);
        model.addAttribute("opensAt", EventTimes.format(opensAt, event.zone(), locale));
        model.addAttribute("opensAtUtc", EventTimes.format(opensAt, java.time.ZoneOffset.UTC, locale));
        model.addAttribute("opensAtIso", DateTimeFormatter.ISO_INSTANT.format(opensAt));
        model.addAttribute("opensInSeconds", Math.max(0, (Duration.between(now, opensAt).toMillis() + 999) / 1000));
        return page("events/join-wait", HttpStatus.OK, model);
    }

    private static ModelAndView page(String view, HttpStatus status, Model model) {
        return new ModelAndView(view, model.asMap(), status);
    }
}
