package org.convene.events.web;

import jakarta.annotation.security.PermitAll;
import java.time.Duration;
import java.util.Locale;
import org.convene.events.internal.Event;
import org.convene.events.internal.Events;
import org.convene.events.internal.Registration;
import org.convene.events.internal.Tickets;
import org.convene.platform.web.NotFoundException;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The printable ticket of a confirmed in-person registration and its QR image, behind the same
 * signed personal link. Without a ticket (online, waitlisted, cancelled) the page leads back to
 * the personal page and the image is a 404.
 */
@Controller
@PermitAll
class TicketController {

    private final Events events;
    private final Tickets tickets;
    private final PersonalLinks personalLinks;

    TicketController(Events events, Tickets tickets, PersonalLinks personalLinks) {
        this.personalLinks = personalLinks;
        this.events = events;
        this.tickets = tickets;
    }

    @GetMapping("/registrations/{token}/ticket")
    String ticket(@PathVariable String token, Model model, Locale locale) {
        Registration registration = registrationOf(token);
        Event event = events.find(registration.eventId()).orElseThrow(() -> new NotFoundException("No such event"));
        String code = tickets.code(registration).orElse(null);
        if (code == null || event.isCancelled()) {
            return "redirect:/registrations/" + token;
        }
        model.addAttribute("registration", registration);
        model.addAttribute("view", EventView.of(event, locale));
        model.addAttribute("token", token);
        model.addAttribute("ticketCode", code);
        return "events/ticket";
    }

    @GetMapping(value = "/registrations/{token}/ticket.png", produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> qrCode(@PathVariable String token) {
        String code = tickets.code(registrationOf(token)).orElseThrow(() -> new NotFoundException("No ticket"));
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePrivate())
                .contentType(MediaType.IMAGE_PNG).body(Tickets.qrPng(code, 320));
    }

    private Registration registrationOf(String token) {
        return personalLinks.registrationOf(token);
    }
}
