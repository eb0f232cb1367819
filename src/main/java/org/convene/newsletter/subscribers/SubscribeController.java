package org.convene.newsletter.subscribers;

import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import org.convene.newsletter.internal.NewsletterLinks;
import org.convene.platform.web.InvalidInputException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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

/**
 * The public side of the newsletter list: the subscribe page {@code /newsletter} (a normal form with
 * a CSRF token), the embeddable form fragment (no token, no session: /js/newsletter-subscribe.js
 * fetches a token from {@code /newsletter/csrf} when it is used), the confirmation link, the
 * preferences page and unsubscribing (RFC 8058 one-click POST, and a page with one button for a GET).
 */
@Controller
class SubscribeController {

    private final Subscriptions subscriptions;
    private final NewsletterLinks links;
    private final SubscribeAllowance allowance;
    private final SubscribeOptions options;

    SubscribeController(Subscriptions subscriptions, NewsletterLinks links, SubscribeAllowance allowance, SubscribeOptions options) {
        this.subscriptions = subscriptions;
        this.links = links;
        this.allowance = allowance;
        this.options = options;
    }

    @PermitAll
    @GetMapping("/newsletter")
    String page(Model model, Locale locale) {
        SubscribeForm form = new SubscribeForm();
        form.setLanguage(options.languageFor(locale));
        form.setTopics(new java.util.ArrayList<>(options.topics(locale).stream().map(SubscribeOptions.Choice::value).toList()));
        model.addAttribute("subscribeForm", form);
        return "newsletter/subscribe-page";
    }

    /** The form alone, as public pages embed it: nothing personal, no CSRF token, no session. */
    @PermitAll
    @GetMapping("/newsletter/form")
    String fragment() {
        return "newsletter/subscribe-fragments :: form";
    }

    /** The CSRF token for the embedded form (fetched when the form is first used). */
    @PermitAll
    @GetMapping("/newsletter/csrf")
    @ResponseBody
    ResponseEntity<Map<String, String>> csrf(CsrfToken token) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(Map.of("parameterName", token.getParameterName(), "headerName", token.getHeaderName(), "token", token.getToken()));
    }

    @PermitAll
    @PostMapping("/newsletter")
    String subscribe(@ModelAttribute("subscribeForm") SubscribeForm form, BindingResult errors, Locale locale,
                     HttpServletRequest request, HttpServletResponse response) {
        if (errors.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "newsletter/subscribe-page";
        }
        if (!allowance.tryTake(request)) {
            errors.reject("newsletter.subscribers.error.tooMany", "Too many subscriptions from this address; try again in a minute.");
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            return "newsletter/subscribe-page";
        }
        try {
            subscriptions.subscribe(form.toRequest(), form.source(), locale);
        } catch (InvalidInputException invalid) {
            invalid.errors().forEach(p -> errors.rejectValue(p.field(), p.code(), p.message()));
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "newsletter/subscribe-page";
        }
        return "redirect:/newsletter/check-your-inbox";
    }

    /** The one answer to every accepted subscription, whoever the address belongs to. */
    @PermitAll
    @GetMapping("/newsletter/check-your-inbox")
    String sent() {
        return "newsletter/subscribe-sent";
    }

    /** A changed link is a 400 page; an expired one a 410 page offering to subscribe again. */
    @PermitAll
    @GetMapping("/newsletter/confirm/{token}")
    String confirm(@PathVariable String token, Model model, HttpServletResponse response) {
        Subscriptions.ConfirmResult result = subscriptions.confirm(token, Instant.now());
        if (result.outcome() == Subscriptions.Confirmation.CONFIRMED) {
            model.addAttribute("preferencesUrl", links.preferencesUrl(result.subscriber().id()));
            return "newsletter/subscribe-confirmed";
        }
        return invalid(result.outcome() == Subscriptions.Confirmation.EXPIRED, model, response);
    }

    @PermitAll
    @GetMapping("/newsletter/preferences/{token}")
    String preferences(@PathVariable String token, @RequestParam(required = false) String saved, Model model, HttpServletResponse response) {
        OptionalLong id = links.verifyPreferences(token, Instant.now());
        if (id.isEmpty() || subscriptions.find(id.getAsLong()).isEmpty()) {
            return invalid(false, model, response);
        }
        Subscriber subscriber = subscriptions.subscriber(id.getAsLong());
        PreferencesForm form = new PreferencesForm();
        form.setLanguage(subscriber.language());
        form.setRegionId(subscriber.regionId());
        form.setTopics(new java.util.ArrayList<>(subscriber.topics()));
        model.addAttribute("preferencesForm", form);
        return preferencesPage(token, subscriber, saved, model);
    }

    @PermitAll
    @PostMapping("/newsletter/preferences/{token}")
    String savePreferences(@PathVariable String token, @ModelAttribute("preferencesForm") PreferencesForm form, BindingResult errors,
                           Model model, Locale locale, HttpServletResponse response) {
        OptionalLong id = links.verifyPreferences(token, Instant.now());
        if (id.isEmpty() || subscriptions.find(id.getAsLong()).isEmpty()) {
            return invalid(false, model, response);
        }
        if (!errors.hasErrors()) {
            try {
                subscriptions.savePreferences(id.getAsLong(), form.getLanguage(), form.getRegionId(), form.getTopics(), locale);
                return "redirect:/newsletter/preferences/" + token + "?saved=preferences";
            } catch (InvalidInputException invalid) {
                invalid.errors().forEach(p -> errors.rejectValue(p.field(), p.code(), p.message()));
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return preferencesPage(token, subscriptions.subscriber(id.getAsLong()), null, model);
    }

    @PermitAll
    @PostMapping("/newsletter/preferences/{token}/pause")
    String pause(@PathVariable String token, @RequestParam(defaultValue = "true") boolean paused, Model model, HttpServletResponse response) {
        OptionalLong id = links.verifyPreferences(token, Instant.now());
        if (id.isEmpty() || subscriptions.find(id.getAsLong()).isEmpty()) {
            return invalid(false, model, response);
        }
        subscriptions.pause(id.getAsLong(), paused);
        return "redirect:/newsletter/preferences/" + token + "?saved=" + (paused ? "paused" : "resumed");
    }

    @PermitAll
    @PostMapping("/newsletter/preferences/{token}/unsubscribe")
    String unsubscribeFromPreferences(@PathVariable String token, Model model, HttpServletResponse response) {
        OptionalLong id = links.verifyPreferences(token, Instant.now());
        if (id.isEmpty() || subscriptions.find(id.getAsLong()).isEmpty()) {
            return invalid(false, model, response);
        }
        subscriptions.unsubscribe(id.getAsLong(), "preferences page");
        return "redirect:/newsletter/preferences/" + token + "?saved=unsubscribed";
    }

    /** The link in the mail: a page with one button (a GET never unsubscribes: mail scanners follow links). */
    @PermitAll
    @GetMapping("/newsletter/unsubscribe/{token}")
    String unsubscribePage(@PathVariable String token, Model model, HttpServletResponse response) {
        OptionalLong id = links.verifyUnsubscribe(token, Instant.now());
        if (id.isEmpty() || subscriptions.find(id.getAsLong()).isEmpty()) {
            return invalid(false, model, response);
        }
        model.addAttribute("token", token);
        model.addAttribute("done", false);
        return "newsletter/preferences-unsubscribe";
    }

    /**
     * RFC 8058 one-click unsubscribe (a mail client's POST with {@code List-Unsubscribe=One-Click}) and
     * the page's button: no login, no CSRF token (the path is exempt; the signed token is the proof), 200.
     */
    @PermitAll
    @PostMapping("/newsletter/unsubscribe/{token}")
    String unsubscribe(@PathVariable String token, Model model, HttpServletResponse response) {
        OptionalLong id = links.verifyUnsubscribe(token, Instant.now());
        if (id.isEmpty() || subscriptions.find(id.getAsLong()).isEmpty()) {
            return invalid(false, model, response);
        }
        subscriptions.unsubscribe(id.getAsLong(), "one-click unsubscribe");
        model.addAttribute("token", token);
        model.addAttribute("done", true);
        model.addAttribute("preferencesUrl", links.preferencesUrl(id.getAsLong()));
        return "newsletter/preferences-unsubscribe";
    }

    private String preferencesPage(String token, Subscriber subscriber, String saved, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("subscriber", subscriber);
        model.addAttribute("saved", saved != null && List.of("preferences", "paused", "resumed", "unsubscribed").contains(saved) ? saved : null);
        return "newsletter/preferences-page";
    }

    private static String invalid(boolean expired, Model model, HttpServletResponse response) {
        response.setStatus(expired ? HttpStatus.GONE.value() : HttpStatus.BAD_REQUEST.value());
        model.addAttribute("expired", expired);
        return "newsletter/subscribe-link-invalid";
    }
}
