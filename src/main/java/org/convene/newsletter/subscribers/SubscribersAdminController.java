package org.convene.newsletter.subscribers;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.convene.newsletter.internal.Segment;
import org.convene.newsletter.internal.SubscriberStatus;
import org.convene.platform.web.InvalidInputException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Network admins' pages of the list: subscribers (search, filters, counts, segment preview), import, export and suppressions. */
@Controller
class SubscribersAdminController {

    private final SubscriberQueries queries;
    private final SubscriberCsv csv;
    private final Suppressions suppressions;

    SubscribersAdminController(SubscriberQueries queries, SubscriberCsv csv, Suppressions suppressions) {
        this.queries = queries;
        this.csv = csv;
        this.suppressions = suppressions;
    }

    @PreAuthorize("@staffAccess.isNetworkAdmin()")
    @GetMapping("/admin/newsletter/subscribers")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) SubscriberStatus status,
                @RequestParam(required = false) String language, @RequestParam(required = false) Long regionId,
                @RequestParam(required = false) String topic, @RequestParam(required = false) Long organizationId,
                @RequestParam(defaultValue = "1") int page, @RequestParam(required = false) List<String> segmentLanguages,
                @RequestParam(required = false) List<Long> segmentRegions, @RequestParam(required = false) List<String> segmentTopics,
                @RequestParam(required = false) List<Long> segmentOrganizations, @RequestParam(required = false) String preview, Model model) {
        SubscriberQueries.Filter filter = new SubscriberQueries.Filter(q, status, language, regionId, topic, organizationId);
        model.addAttribute("filter", filter);
        model.addAttribute("result", queries.search(filter, page));
        model.addAttribute("counts", queries.counts());
        Segment segment = new Segment(segmentLanguages, segmentRegions, segmentTopics, segmentOrganizations);
        model.addAttribute("segment", segment);
        model.addAttribute("recipients", preview != null ? queries.recipients(segment) : null);
        model.addAttribute("statuses", SubscriberStatus.values());
        return "newsletter/subscribers-admin";
    }

    @PreAuthorize("@staffAccess.isNetworkAdmin()")
    @GetMapping(value = "/admin/newsletter/subscribers/export.csv")
    ResponseEntity<StreamingResponseBody> export() {
        return exportResponse(csv);
    }

    static ResponseEntity<StreamingResponseBody> exportResponse(SubscriberCsv csv) {
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"newsletter-subscribers.csv\"")
                .body(csv::export);
    }

    @PreAuthorize("@staffAccess.isNetworkAdmin()")
    @GetMapping("/admin/newsletter/subscribers/import")
    String importForm(Model model) {
        model.addAttribute("confirmed", false);
        return "newsletter/subscribers-import";
    }

    @PreAuthorize("@staffAccess.isNetworkAdmin()")
    @PostMapping("/admin/newsletter/subscribers/import")
    String importCsv(@RequestParam(required = false) MultipartFile file, @RequestParam(defaultValue = "") String source,
                     @RequestParam(defaultValue = "") String consentText, @RequestParam(defaultValue = "false") boolean confirmed,
                     Model model, Locale locale, HttpServletResponse response) throws IOException {
        model.addAttribute("source", source);
        model.addAttribute("consentText", consentText);
        model.addAttribute("confirmed", confirmed);
        if (file == null || file.isEmpty()) {
            model.addAttribute("fileProblem", "newsletter.subscribers.import.error.file");
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "newsletter/subscribers-import";
        }
        try (var reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
            model.addAttribute("imported", csv.importCsv(reader, new SubscriberCsv.Declaration(source, consentText, confirmed), locale));
        } catch (InvalidInputException invalid) {
            invalid.errors().forEach(p -> model.addAttribute(p.field() + "Problem", p.code()));
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        } catch (SubscriberCsv.ImportRefusedException refused) {
            model.addAttribute("rowErrors", refused.rows());
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        }
        return "newsletter/subscribers-import";
    }

    @PreAuthorize("@staffAccess.isNetworkAdmin()")
    @GetMapping("/admin/newsletter/suppressions")
    String suppressions(@RequestParam(required = false) String q, @RequestParam(required = false) Suppressions.Reason reason,
                        @RequestParam(defaultValue = "1") int page, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("reason", reason);
        model.addAttribute("reasons", Suppressions.Reason.values());
        model.addAttribute("result", suppressions.search(q, reason, page));
        return "newsletter/subscribers-suppressions";
    }

    @PreAuthorize("@staffAccess.isNetworkAdmin()")
    @PostMapping("/admin/newsletter/suppressions")
    String suppress(@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String detail, Locale locale,
                    Model model, RedirectAttributes redirect, HttpServletResponse response) {
        try {
            boolean added = suppressions.addManually(email, detail, locale);
            redirect.addFlashAttribute("notice", added ? "newsletter.subscribers.suppressions.added" : "newsletter.subscribers.suppressions.already");
            return "redirect:/admin/newsletter/suppressions";
        } catch (InvalidInputException invalid) {
            model.addAttribute("emailProblem", invalid.errors().getFirst().code());
            model.addAttribute("newEmail", email);
            model.addAttribute("newDetail", detail);
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return suppressions(null, null, 1, model);
        }
    }

    @PreAuthorize("@staffAccess.isNetworkAdmin()")
    @PostMapping("/admin/newsletter/suppressions/remove")
    String remove(@RequestParam String email, RedirectAttributes redirect) {
        redirect.addFlashAttribute("notice", suppressions.removeManual(email) ? "newsletter.subscribers.suppressions.removed" : "newsletter.subscribers.suppressions.notManual");
        return "redirect:/admin/newsletter/suppressions";
    }
}
