package org.convene.mail.web;

import java.util.List;
import org.convene.mail.internal.MailDelivery;
import org.convene.mail.internal.OutboxMail;
import org.convene.mail.internal.OutboxMails;
import org.convene.platform.web.NotFoundException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The Outbox page: every mail the platform queued, with its delivery status, for network admins. */
@Controller
class OutboxController {

    static final int PAGE_SIZE = 50;

    private final OutboxMails mails;
    private final MailDelivery delivery;

    OutboxController(OutboxMails mails, MailDelivery delivery) {
        this.mails = mails;
        this.delivery = delivery;
    }

    @PreAuthorize("hasRole('NETWORK_ADMIN')")
    @GetMapping("/admin/outbox")
    String list(@RequestParam(defaultValue = "0") int page, Model model) {
        int current = Math.max(page, 0);
        List<OutboxMail> found = mails.page(current, PAGE_SIZE + 1);
        model.addAttribute("mails", found.stream().limit(PAGE_SIZE).toList());
        model.addAttribute("page", current);
        model.addAttribute("hasOlder", found.size() > PAGE_SIZE);
        model.addAttribute("smtpConfigured", delivery.smtpConfigured());
        return "mail/outbox";
    }

    @PreAuthorize("hasRole('NETWORK_ADMIN')")
    @GetMapping("/admin/outbox/{id}")
    String show(@PathVariable long id, Model model) {
        model.addAttribute("mail", mails.find(id).orElseThrow(() -> new NotFoundException("No such mail")));
        return "mail/outbox-mail";
    }
}
