package org.convene.campaigns.footage;

import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.convene.campaigns.internal.Campaign;
import org.convene.campaigns.internal.CampaignStatus;
import org.convene.campaigns.internal.Campaigns;
import org.convene.media.GroundMedia;
import org.convene.media.MediaKind;
import org.convene.media.RefusedMediaException;
import org.convene.platform.web.InvalidInputException;
import org.convene.platform.web.NotFoundException;
import org.springframework.boot.servlet.autoconfigure.MultipartProperties;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The public upload page of a campaign and the submitter's personal page. With JavaScript the page
 * sends every file through the resumable upload API; without it, the form posts the files as a
 * plain multipart upload (within the multipart limits) and they go through the same steps.
 */
@Controller
@PermitAll
class FootageSubmissionController {

    /** Codes whose texts the page's script shows for an API refusal. */
    private static final List<String> REFUSALS = List.of("footage.refused.closed", "footage.refused.too-many",
            "footage.refused.chunk-repeated", "footage.refused.chunk-out-of-order", "footage.refused.chunk-short",
            "footage.refused.chunk-busy", "footage.refused.more-than-declared", "footage.refused.incomplete",
            "footage.refused.all-received", "footage.error.consent-required", "footage.error.email-required", "footage.error.email",
            "footage.error.action", "footage.error.too-long", "media.refused.empty", "media.refused.unknown-type", "media.refused.not-allowed",
            "media.refused.polyglot", "media.refused.too-large", "media.refused.too-many-pixels", "media.refused.damaged");

    private final Campaigns campaigns;
    private final FootageUploads uploads;
    private final FootageSubmissions submissions;
    private final FootageLinks links;
    private final FootageAllowance allowance;
    private final MessageSource messages;
    private final MultipartProperties multipart;
    private final GroundMedia media;

    FootageSubmissionController(Campaigns campaigns, FootageUploads uploads, FootageSubmissions submissions, FootageLinks links,
                                FootageAllowance allowance, MessageSource messages, MultipartProperties multipart, GroundMedia media) {
        this.media = media;
        this.campaigns = campaigns;
        this.uploads = uploads;
        this.submissions = submissions;
        this.links = links;
        this.allowance = allowance;
        this.messages = messages;
        this.multipart = multipart;
    }

    @GetMapping("/campaigns/{slug}/footage/new")
    String form(@PathVariable String slug, @RequestParam(name = "action", required = false) Long actionId, Model model, Locale locale) {
        Campaign campaign = visible(slug);
        FootageForm form = new FootageForm();
        form.setActionId(actionId == null ? null : uploads.action(campaign.id(), actionId).map(FootageUploads.ActionChoice::id).orElse(null));
        model.addAttribute("form", form);
        return page(campaign, model, locale);
    }

    @PostMapping("/campaigns/{slug}/footage/new")
    String send(@PathVariable String slug, @ModelAttribute("form") FootageForm form, BindingResult errors,
                @RequestParam(name = "files", required = false) List<MultipartFile> files, Model model, Locale locale,
                HttpServletRequest request, RedirectAttributes redirect) {
        Campaign campaign = visible(slug);
        if (!campaign.isOpen()) {
            return page(campaign, model, locale);
        }
        List<MultipartFile> chosen = files == null ? List.of() : files.stream().filter(f -> !f.isEmpty() || !f.getOriginalFilename().isBlank()).toList();
        Submission submission = form.submission(locale.getLanguage());
        uploads.problems(campaign, submission).forEach(p -> errors.rejectValue(p.field(), p.code(), p.message()));
        if (chosen.isEmpty()) {
            errors.reject("footage.error.no-files", "Choose at least one photo or video.");
        }
        if (!errors.hasErrors() && !allowance.tryTake(request)) {
            errors.reject("footage.refused.too-many", "Too many uploads from this address; try again in a minute.");
        }
        if (errors.hasErrors()) {
            return page(campaign, model, locale);
        }
        int sent = 0;
        List<String> refusals = new ArrayList<>();
        for (MultipartFile file : chosen) {
            String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? "upload" : file.getOriginalFilename();
            try {
                sendWhole(campaign, name, file, submission, locale);
                sent++;
            } catch (UploadRefusedException refused) {
                refusals.add(name + ": " + text(refused.code(), refused.getMessage(), locale));
            } catch (RefusedMediaException refused) {
                refusals.add(name + ": " + text(refused.messageKey(), refused.getMessage(), locale));
            } catch (InvalidInputException invalid) {
                refusals.add(name + ": " + text(invalid.errors().getFirst().code(), invalid.getMessage(), locale));
            }
        }
        redirect.addFlashAttribute("sent", sent);
        redirect.addFlashAttribute("refusals", refusals);
        return "redirect:/campaigns/" + slug + "/footage/new" + (form.getActionId() == null ? "" : "?action=" + form.getActionId());
    }

    /** A file of the plain form, through the same steps as a resumable upload (its chunks read one after the other from the part). */
    private void sendWhole(Campaign campaign, String name, MultipartFile file, Submission submission, Locale locale) {
        FootageUploads.Started started = uploads.start(campaign, name, file.getSize());
        try (InputStream in = file.getInputStream()) {
            for (int index = 0; index < started.upload().chunks(); index++) {
                long length = Math.min(started.upload().chunkSize(), started.upload().size() - (long) index * started.upload().chunkSize());
                uploads.receive(started.token(), index, new PartOfStream(in, length));
            }
        } catch (IOException | RuntimeException e) {
            if (uploads.find(started.token()).isPresent()) {
                uploads.discard(started.token());
            }
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new UploadRefusedException(400, "footage.refused.chunk-short", "The file could not be read.");
        }
        uploads.complete(started.token(), submission, locale);
    }

    /** The next {@code length} bytes of a stream, and then its end (the stream itself stays open). */
    private static final class PartOfStream extends InputStream {

        private final InputStream in;
        private long left;

        PartOfStream(InputStream in, long length) {
            this.in = in;
            this.left = length;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 1 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }
    }

    private String page(Campaign campaign, Model model, Locale locale) {
        List<FootageUploads.ActionChoice> actions = uploads.actions(campaign.id());
        model.addAttribute("campaign", campaign);
        model.addAttribute("campaignTitle", campaign.title().in(locale));
        model.addAttribute("campaignTitleLang", campaign.title().languageShownFor(locale));
        model.addAttribute("open", campaign.isOpen());
        model.addAttribute("actions", actions.size() > FootageUploads.ACTIONS_LISTED ? List.of() : actions);
        model.addAttribute("tooManyActions", actions.size() > FootageUploads.ACTIONS_LISTED);
        FootageForm form = (FootageForm) model.getAttribute("form");
        model.addAttribute("chosenAction", form == null || form.getActionId() == null ? null
                : uploads.action(campaign.id(), form.getActionId()).orElse(null));
        model.addAttribute("chunkSize", uploads.chunkSize());
        model.addAttribute("formFileMegabytes", multipart.getMaxFileSize().toMegabytes());
        model.addAttribute("maxPhotoMegabytes", media.maxBytes(MediaKind.PHOTO) >> 20);
        model.addAttribute("maxVideoMegabytes", media.maxBytes(MediaKind.VIDEO) >> 20);
        model.addAttribute("formRequestMegabytes", multipart.getMaxRequestSize().toMegabytes());
        Map<String, String> texts = new LinkedHashMap<>();
        REFUSALS.forEach(code -> texts.put(code, text(code, code, locale)));
        model.addAttribute("refusalTexts", texts);
        return "campaigns/footage-new";
    }

    private Campaign visible(String slug) {
        return campaigns.findBySlug(slug).filter(c -> c.status() != CampaignStatus.DRAFT).orElseThrow(() -> new NotFoundException("No such campaign"));
    }

    @GetMapping("/footage/submissions/{token}")
    String submission(@PathVariable String token, Model model, Locale locale) {
        SubmittedFootage footage = footageOf(token);
        Campaign campaign = campaigns.find(footage.campaignId()).orElseThrow();
        model.addAttribute("footage", footage);
        model.addAttribute("token", token);
        model.addAttribute("campaign", campaign);
        model.addAttribute("campaignTitle", campaign.title().in(locale));
        model.addAttribute("campaignTitleLang", campaign.title().languageShownFor(locale));
        model.addAttribute("action", footage.actionId() == null ? null : uploads.action(campaign.id(), footage.actionId()).orElse(null));
        return "campaigns/footage-submission";
    }

    @PostMapping("/footage/submissions/{token}/withdraw")
    String withdraw(@PathVariable String token, RedirectAttributes redirect) {
        SubmittedFootage footage = footageOf(token);
        submissions.withdraw(footage.id());
        redirect.addFlashAttribute("notice", "footage.submission.withdrawn");
        return "redirect:/footage/submissions/" + token;
    }

    private SubmittedFootage footageOf(String token) {
        return links.verify(token).stream().boxed().findFirst().flatMap(submissions::find)
                .orElseThrow(() -> new NotFoundException("No such submission"));
    }

    private String text(String code, String fallback, Locale locale) {
        return messages.getMessage(code, null, fallback, locale);
    }
}
