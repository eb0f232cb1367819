package org.convene.events.web;

import jakarta.annotation.security.PermitAll;
import java.util.Locale;
import org.convene.events.internal.Attendance;
import org.convene.events.internal.AttendanceConfirmations;
import org.convene.events.internal.Event;
import org.convene.events.internal.Events;
import org.convene.events.internal.Registration;
import org.convene.events.internal.RegistrationLinks;
import org.convene.events.internal.RegistrationRefusedException;
import org.convene.events.internal.Registrations;
import org.convene.events.internal.Tickets;
import org.convene.platform.web.InvalidInputException;
import org.convene.platform.web.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The registrant's personal page behind the signed link of their e-mail: status and waitlist
 * position, the calendar file, switching attendance type, cancelling. Anyone holding the link may
 * use it; a changed or made-up link is a plain 404.
 */
@Controller
@PermitAll
class RegistrationPageController {

    private final RegistrationLinks links;
    private final Registrations registrations;
    private final Events events;
    private final PersonalLinks personalLinks;
    private final AttendanceConfirmations confirmations;
    private final Tickets tickets;

    RegistrationPageController(RegistrationLinks links, Registrations registrations, Events events,
                               AttendanceConfirmations confirmations, PersonalLinks personalLinks, Tickets tickets) {
        this.personalLinks = personalLinks;
        this.confirmations = confirmations;
        this.tickets = tickets;
        this.links = links;
        this.registrations = registrations;
        this.events = events;
    }

    @GetMapping("/registrations/{token}")
    String show(@PathVariable String token, Model model, Locale locale) {
        Registration registration = registrationOf(token);
        Event event = events.find(registration.eventId()).orElseThrow(() -> new NotFoundException("No such event"));
        model.addAttribute("registration", registration);
        model.addAttribute("view", EventView.of(event, locale));
        model.addAttribute("token", token);
        boolean joins = RegistrantReminderController.joins(registration);
        model.addAttribute("joinLink", joins ? links.joinLink(registration.id()) : null);
        model.addAttribute("joinPath", joins ? "/join/" + links.joinToken(registration.id()) : null);
        model.addAttribute("attendanceConfirmed", confirmations.confirmedAt(registration.id()).isPresent());
        model.addAttribute("ticketCode", tickets.code(registration).orElse(null));
        return "events/registration";
    }

    @PostMapping("/registrations/{token}/cancel")
    String cancel(@PathVariable String token, RedirectAttributes redirect) {
        Registration registration = registrationOf(token);
        try {
            registrations.cancel(registration.id());
            redirect.addFlashAttribute("notice", "registration.cancelled");
        } catch (RegistrationRefusedException refused) {
            redirect.addFlashAttribute("problem", refused.code());
        }
        return "redirect:/registrations/" + token;
    }

    @PostMapping("/registrations/{token}/attendance")
    String changeAttendance(@PathVariable String token, @RequestParam Attendance attendance, RedirectAttributes redirect) {
        Registration registration = registrationOf(token);
        try {
            registrations.changeAttendance(registration.id(), attendance);
            redirect.addFlashAttribute("notice", "registration.attendanceChanged");
        } catch (RegistrationRefusedException refused) {
            redirect.addFlashAttribute("problem", refused.code());
        } catch (InvalidInputException invalid) {
            redirect.addFlashAttribute("problem", invalid.errors().getFirst().code());
        }
        return "redirect:/registrations/" + token;
    }

    private Registration registrationOf(String token) {
        return personalLinks.registrationOf(token);
    }
}
