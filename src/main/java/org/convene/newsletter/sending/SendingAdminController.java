package org.convene.newsletter.sending;

import org.convene.platform.web.NotFoundException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The progress page of an edition's send, with pause, resume and cancel (network admins). */
@Controller
class SendingAdminController {

    private final EditionSending sending;

    SendingAdminController(EditionSending sending) {
        this.sending = sending;
    }

    @PreAuthorize("@staffAccess.isNetworkAdmin()")
    @GetMapping("/admin/newsletter/editions/{id}/sending")
    String page(@PathVariable long id, Model model) {
        model.addAttribute("figures", figures(id));
        return "newsletter/sending-progress";
    }

    /** The progress block alone, polled by htmx every two seconds. */
    @PreAuthorize("@staffAccess.isNetworkAdmin()")
    @GetMapping("/admin/newsletter/editions/{id}/sending/progress")
    String progress(@PathVariable long id, Model model) {
        model.addAttribute("figures", figures(id));
        return "newsletter/sending-progress :: progress";
    }

    @PreAuthorize("@staffAccess.isNetworkAdmin()")
    @PostMapping("/admin/newsletter/editions/{id}/sending/{action:pause|resume|cancel}")
    String control(@PathVariable long id, @PathVariable String action, RedirectAttributes redirect) {
        figures(id);
        try {
            switch (action) {
                case "pause" -> sending.pause(id);
                case "resume" -> sending.resume(id);
                default -> sending.cancel(id);
            }
            redirect.addFlashAttribute("notice", "newsletter.sending.done." + action);
        } catch (EditionSending.NotAllowedException e) {
            redirect.addFlashAttribute("problem", "newsletter.sending.notAllowed." + action);
        }
        return "redirect:/admin/newsletter/editions/" + id + "/sending";
    }

    private EditionSending.Figures figures(long id) {
        return sending.figures(id).orElseThrow(() -> new NotFoundException("No such edition"));
    }
}
