package org.convene.publishing.signon;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.convene.platform.web.InvalidInputException;
import org.convene.publishing.internal.Publication;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Network staff: a statement's sign-on settings, the queue of organizations to verify, hiding names, the CSV export. */
@Controller
@PreAuthorize("@staffAccess.isNetworkAdmin()")
class SignOnAdminController {

    private final SignOn signOn;
    private final SignOnCsv csv;
    private final StatementTitles titles;

    SignOnAdminController(SignOn signOn, SignOnCsv csv, StatementTitles titles) {
        this.signOn = signOn;
        this.csv = csv;
        this.titles = titles;
    }

    @ModelAttribute("timeZones")
    List<String> timeZones() {
        return ZoneId.getAvailableZoneIds().stream().filter(z -> z.contains("/") && !z.startsWith("Etc/") && !z.startsWith("SystemV/"))
                .sorted().collect(java.util.stream.Collectors.toCollection(() -> new java.util.ArrayList<>(List.of("UTC"))));
    }

    @GetMapping("/admin/statements/{id}/sign-on")
    String settings(@PathVariable long id, Model model, Locale locale) {
        Publication statement = signOn.statement(id);
        model.addAttribute("form", SignOnSettingsForm.of(signOn.settings(id)));
        return settingsPage(statement, model, locale);
    }

    @PostMapping("/admin/statements/{id}/sign-on")
    String saveSettings(@PathVariable long id, @ModelAttribute("form") SignOnSettingsForm form, BindingResult errors, Model model,
                        Locale locale, RedirectAttributes redirect) {
        Publication statement = signOn.statement(id);
        if (!errors.hasErrors()) {
            try {
                try {
                    ZoneId.of(form.getTimeZone());
                } catch (java.time.DateTimeException | NullPointerException unknown) {
                    throw new InvalidInputException("timeZone", "signon.error.timeZone", "Choose a known time zone.");
                }
                signOn.saveSettings(id, form.isOpen(), form.closesAtInstant(), form.getTimeZone(), form.isIndividualsAllowed());
                redirect.addFlashAttribute("notice", "signon.settings.saved");
                return "redirect:/admin/statements/" + id + "/sign-on";
            } catch (InvalidInputException invalid) {
                invalid.errors().forEach(p -> errors.rejectValue(p.field(), p.code(), p.message()));
            }
        }
        return settingsPage(statement, model, locale);
    }

    @GetMapping("/admin/statements/{id}/sign-on/queue")
    String queue(@PathVariable long id, Model model, Locale locale) {
        Publication statement = signOn.statement(id);
        model.addAttribute("statement", statement);
        model.addAttribute("statementTitle", titles.of(statement, locale));
        model.addAttribute("pending", signOn.queue(id));
        model.addAttribute("individuals", signOn.all(id).stream().filter(e -> e.kind() == EndorsementKind.INDIVIDUAL).toList());
        return "publishing/signon-queue";
    }

    @PostMapping("/admin/endorsements/{id}/verification")
    String verify(@PathVariable long id, @RequestParam String decision, RedirectAttributes redirect) {
        Endorsement endorsement = signOn.verify(id, "approve".equals(decision));
        redirect.addFlashAttribute("notice", "approve".equals(decision) ? "signon.queue.approved" : "signon.queue.rejected");
        return "redirect:/admin/statements/" + endorsement.publicationId() + "/sign-on/queue";
    }

    @PostMapping("/admin/endorsements/{id}/visibility")
    String visibility(@PathVariable long id, @RequestParam boolean hidden, RedirectAttributes redirect) {
        Endorsement endorsement = signOn.setHidden(id, hidden);
        redirect.addFlashAttribute("notice", hidden ? "signon.queue.hidden" : "signon.queue.shown");
        return "redirect:/admin/statements/" + endorsement.publicationId() + "/sign-on/queue#individuals";
    }

    @GetMapping("/admin/statements/{id}/sign-on/signatories.csv")
    ResponseEntity<String> export(@PathVariable long id) {
        return csvResponse(signOn.statement(id), csv.signatories(id));
    }

    static ResponseEntity<String> csvResponse(Publication statement, String body) {
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(statement.slug() + "-signatories.csv").build().toString())
                .body(body);
    }

    private String settingsPage(Publication statement, Model model, Locale locale) {
        model.addAttribute("statement", statement);
        model.addAttribute("statementTitle", titles.of(statement, locale));
        model.addAttribute("pendingCount", signOn.queue(statement.id()).size());
        return "publishing/signon-settings";
    }
}
