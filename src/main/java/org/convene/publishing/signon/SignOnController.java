package org.convene.publishing.signon;

import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.convene.accounts.CurrentStaff;
import org.convene.platform.web.InvalidInputException;
import org.convene.publishing.internal.Publication;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Signing on to a statement: the standalone page {@code /statements/{slug}/sign-on} (works without
 * JavaScript, carries a CSRF token and so a session), the endorsement list as a fragment (no session,
 * for embedding and paging), the CSRF token for the embedded forms' script, the forms' submissions
 * and the individuals' e-mail confirmation link.
 */
@Controller
class SignOnController {

    private final SignOn signOn;
    private final SignOnPages pages;
    private final SignOnLinks links;
    private final SignOnAllowance allowance;
    private final StatementTitles titles;

    SignOnController(SignOn signOn, SignOnPages pages, SignOnLinks links, SignOnAllowance allowance, StatementTitles titles) {
        this.titles = titles;
        this.signOn = signOn;
        this.pages = pages;
        this.links = links;
        this.allowance = allowance;
    }

    @PermitAll
    @GetMapping("/statements/{slug}/sign-on")
    String page(@PathVariable String slug, @RequestParam(required = false) String order, @RequestParam(defaultValue = "1") int page,
                Model model, Locale locale) {
        return standalone(signOn.publicStatement(slug), model, locale, order, page);
    }

    /** The endorsements list alone (sorting and paging the individuals); nothing personal in it. */
    @PermitAll
    @GetMapping("/statements/{slug}/sign-on/endorsements")
    String endorsements(@PathVariable String slug, @RequestParam(required = false) String order, @RequestParam(defaultValue = "1") int page,
                        Model model, Locale locale) {
        pages.addTo(model, signOn.publicStatement(slug), locale, order, page, false);
        return "publishing/signon-fragments :: endorsements";
    }

    /**
     * The sign-on forms alone as the statement page embeds them (for htmx or a cache): no CSRF token,
     * no session; /js/signon.js fetches a token when a form is used.
     */
    @PermitAll
    @GetMapping("/statements/{slug}/sign-on/form")
    String forms(@PathVariable String slug, Model model, Locale locale) {
        pages.addTo(model, signOn.publicStatement(slug), locale, null, 1, false);
        return "publishing/signon-fragments :: forms";
    }

    /** The CSRF token for a sign-on form embedded in a page that carries none (fetched when the form is used). */
    @PermitAll
    @GetMapping("/sign-on/csrf")
    @ResponseBody
    ResponseEntity<Map<String, String>> csrf(CsrfToken token) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(Map.of("parameterName", token.getParameterName(), "headerName", token.getHeaderName(), "token", token.getToken()));
    }

    /** Members' admins come here from the statement page; the login brings them back to the sign-on page. */
    @PreAuthorize("isAuthenticated()")
    @GetMapping("/admin/sign-on/{slug}")
    String memberEntry(@PathVariable String slug) {
        return "redirect:/statements/" + signOn.publicStatement(slug).slug() + "/sign-on#member-sign-on";
    }

    @PreAuthorize("@staffAccess.canAdministerOrganization(#organizationId)")
    @PostMapping("/statements/{slug}/sign-on/members")
    String endorseAsMember(@PathVariable String slug, @RequestParam long organizationId, Locale locale, RedirectAttributes redirect) {
        Publication statement = signOn.publicStatement(slug);
        try {
            signOn.endorseAsMember(statement.id(), organizationId, CurrentStaff.required().id(), locale);
            redirect.addFlashAttribute("signonNotice", "signon.notice.endorsed");
        } catch (SignOnRefusedException | InvalidInputException refused) {
            redirect.addFlashAttribute("signonProblem", code(refused));
        }
        return "redirect:/statements/" + slug + "/sign-on#member-sign-on";
    }

    @PreAuthorize("@staffAccess.canAdministerOrganization(#organizationId)")
    @PostMapping("/statements/{slug}/sign-on/members/{organizationId}/withdraw")
    String withdraw(@PathVariable String slug, @PathVariable long organizationId, RedirectAttributes redirect) {
        Publication statement = signOn.publicStatement(slug);
        try {
            signOn.withdrawMember(statement.id(), organizationId);
            redirect.addFlashAttribute("signonNotice", "signon.notice.withdrawn");
        } catch (SignOnRefusedException refused) {
            redirect.addFlashAttribute("signonProblem", refused.code());
        }
        return "redirect:/statements/" + slug + "/sign-on#member-sign-on";
    }

    @PermitAll
    @PostMapping("/statements/{slug}/sign-on/organizations")
    String submitOrganization(@PathVariable String slug, @ModelAttribute("organizationForm") OrganizationSignOnForm form,
                              BindingResult errors, Model model, Locale locale, HttpServletRequest request,
                              HttpServletResponse response, RedirectAttributes redirect) {
        Publication statement = signOn.publicStatement(slug);
        if (!errors.hasErrors() && !allowance.tryTake(request)) {
            errors.reject("signon.error.tooMany", "Too many submissions from this address; try again in a minute.");
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        }
        if (!errors.hasErrors()) {
            try {
                signOn.submitOrganization(statement.id(), form.toSubmission(), locale);
                redirect.addFlashAttribute("signonNotice", "signon.notice.organizationSubmitted");
                return "redirect:/statements/" + slug + "/sign-on#sign-on-forms";
            } catch (InvalidInputException invalid) {
                invalid.errors().forEach(p -> errors.rejectValue(p.field(), p.code(), p.message()));
                response.setStatus(invalid instanceof DuplicateEndorsementException ? HttpStatus.CONFLICT.value() : HttpStatus.BAD_REQUEST.value());
            } catch (SignOnRefusedException refused) {
                errors.reject(refused.code(), refused.getMessage());
                response.setStatus(HttpStatus.CONFLICT.value());
            }
        }
        return standalone(statement, model, locale, null, 1);
    }

    @PermitAll
    @PostMapping("/statements/{slug}/sign-on/individuals")
    String signAsIndividual(@PathVariable String slug, @ModelAttribute("individualForm") IndividualSignOnForm form,
                            BindingResult errors, Model model, Locale locale, HttpServletRequest request,
                            HttpServletResponse response, RedirectAttributes redirect) {
        Publication statement = signOn.publicStatement(slug);
        if (!errors.hasErrors() && !allowance.tryTake(request)) {
            errors.reject("signon.error.tooMany", "Too many submissions from this address; try again in a minute.");
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        }
        if (!errors.hasErrors()) {
            try {
                signOn.signAsIndividual(statement.id(), form.toSubmission(), locale);
                redirect.addFlashAttribute("signonNotice", "signon.notice.checkMail");
                return "redirect:/statements/" + slug + "/sign-on#sign-on-forms";
            } catch (InvalidInputException invalid) {
                invalid.errors().forEach(p -> errors.rejectValue(p.field(), p.code(), p.message()));
                response.setStatus(invalid instanceof DuplicateEndorsementException ? HttpStatus.CONFLICT.value() : HttpStatus.BAD_REQUEST.value());
            } catch (SignOnRefusedException refused) {
                errors.reject(refused.code(), refused.getMessage());
                response.setStatus(HttpStatus.CONFLICT.value());
            }
        }
        return standalone(statement, model, locale, null, 1);
    }

    /** The link of the confirmation mail: a changed link is a 400 page, an expired one a 410 page, both saying so. */
    @PermitAll
    @GetMapping("/sign-on/confirm/{token}")
    String confirm(@PathVariable String token, Model model, Locale locale, HttpServletResponse response) {
        SignOnLinks.Check check = links.check(token, Instant.now());
        if (check instanceof SignOnLinks.Check.Valid(long id)) {
            Endorsement signature = signOn.confirm(id);
            Publication statement = signOn.publicStatement(signature.publicationId());
            model.addAttribute("statementTitle", titles.of(statement, locale));
            model.addAttribute("slug", statement.slug());
            model.addAttribute("signature", signature);
            return "publishing/signon-confirmed";
        }
        boolean expired = check instanceof SignOnLinks.Check.Expired;
        response.setStatus(expired ? HttpStatus.GONE.value() : HttpStatus.BAD_REQUEST.value());
        model.addAttribute("expired", expired);
        return "publishing/signon-link-invalid";
    }

    private String standalone(Publication statement, Model model, Locale locale, String order, int page) {
        pages.addTo(model, statement, locale, order, page, true);
        return "publishing/signon-page";
    }

    private static String code(RuntimeException refused) {
        return refused instanceof SignOnRefusedException r ? r.code() : ((InvalidInputException) refused).errors().getFirst().code();
    }
}
