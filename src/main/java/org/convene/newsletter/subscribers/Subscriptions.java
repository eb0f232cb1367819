package org.convene.newsletter.subscribers;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.convene.directory.MemberDirectory;
import org.convene.newsletter.internal.NewsletterLinks;
import org.convene.newsletter.internal.SubscriberStatus;
import org.convene.platform.i18n.Languages;
import org.convene.platform.web.InvalidInputException;
import org.convene.platform.web.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Subscribing with double opt-in, confirming, preferences and leaving. The public answer to a
 * subscription is always the same ("check your inbox"), whoever the address belongs to: a new or
 * pending address gets the confirmation mail, a subscribed one a note with its preferences link, a
 * suppressed one nothing, except an address that unsubscribed itself and now asks again (it gets the
 * confirmation, and confirming lifts its suppression).
 */
@Service
public class Subscriptions {

    /** What a person asks for; {@code organizationId} and {@code regionId} may be null. */
    public record Request(String email, String name, String language, Long regionId, List<String> topics, Long organizationId) {
        public Request {
            email = email == null ? "" : email.strip();
            name = name == null ? "" : name.strip();
            topics = topics == null ? List.of() : List.copyOf(new LinkedHashSet<>(topics));
        }
    }

    /** What a confirmation link led to. */
    public enum Confirmation { CONFIRMED, EXPIRED, INVALID }

    public record ConfirmResult(Confirmation outcome, Subscriber subscriber) {
    }

    private final JdbcClient jdbc;
    private final EmailAddresses addresses;
    private final MemberDirectory directory;
    private final SubscribersProperties properties;
    private final SubscriberMails mails;
    private final NewsletterLinks links;
    private final MessageSource messages;

    Subscriptions(JdbcClient jdbc, EmailAddresses addresses, MemberDirectory directory, SubscribersProperties properties,
                  SubscriberMails mails, NewsletterLinks links, MessageSource messages) {
        this.jdbc = jdbc;
        this.addresses = addresses;
        this.directory = directory;
        this.properties = properties;
        this.mails = mails;
        this.links = links;
        this.messages = messages;
    }

    /** The problems of a request, each with its field (empty when it is fine). */
    List<InvalidInputException.FieldProblem> problems(Request request, Locale locale) {
        List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
        switch (addresses.check(request.email())) {
            case INVALID -> problems.add(problem("email", "newsletter.subscribers.error.email", locale));
            case DISPOSABLE -> problems.add(problem("email", "newsletter.subscribers.error.disposable", locale));
            case OK -> { }
        }
        if (request.name().length() > 200) {
            problems.add(problem("name", "newsletter.subscribers.error.name", locale));
        }
        if (!Languages.isSupported(request.language())) {
            problems.add(problem("language", "newsletter.subscribers.error.language", locale));
        }
        if (request.regionId() != null && directory.regions().stream().noneMatch(r -> r.id() == request.regionId())) {
            problems.add(problem("regionId", "newsletter.subscribers.error.region", locale));
        }
        if (!properties.topics().containsAll(request.topics())) {
            problems.add(problem("topics", "newsletter.subscribers.error.topics", locale));
        }
        if (request.organizationId() != null && directory.organization(request.organizationId()).isEmpty()) {
            problems.add(problem("organizationId", "newsletter.subscribers.error.organization", locale));
        }
        return problems;
    }

    private InvalidInputException.FieldProblem problem(String field, String code, Locale locale) {
        return new InvalidInputException.FieldProblem(field, code, messages.getMessage(code, null, locale));
    }

    /** The consent text the form shows, in a language. */
    public String consentText(String language) {
        return messages.getMessage("newsletter.subscribers.consent", null, Locale.forLanguageTag(language));
    }

    /**
     * Takes a subscription; {@code source} says where it came from (e.g. {@code form:/newsletter},
     * {@code api}). Refuses invalid input; otherwise the caller answers "check your inbox", whatever happened.
     */
    @Transactional
    public void subscribe(Request request, String source, Locale locale) {
        List<InvalidInputException.FieldProblem> problems = problems(request, locale);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String email = request.email();
        Optional<String> suppressed = jdbc.sql("SELECT reason FROM suppression WHERE email = lower(:email) FOR UPDATE")
                .param("email", email).query(String.class).optional();
        if (suppressed.isPresent() && !"UNSUBSCRIBED".equals(suppressed.get())) {
            return;
        }
        Optional<Subscriber> existing = byEmail(email, true);
        if (existing.isPresent() && suppressed.isEmpty()
                && (existing.get().status() == SubscriberStatus.SUBSCRIBED || existing.get().status() == SubscriberStatus.PAUSED)) {
            mails.alreadySubscribed(existing.get());
            return;
        }
        String consent = consentText(request.language());
        long id;
        if (existing.isPresent()) {
            id = existing.get().id();
            jdbc.sql("""
                            UPDATE subscriber SET name = :name, language = :language, region_id = :region, organization_id = :organization,
                                topics = CAST(:topics AS text[]), status = 'PENDING', consent_at = now(), consent_source = :source,
                                consent_text = :consent, confirmed_at = NULL, updated_at = now()
                            WHERE id = :id""")
                    .param("id", id).param("name", request.name()).param("language", request.language())
                    .param("region", request.regionId()).param("organization", request.organizationId())
                    .param("topics", SubscriberQueries.textArray(request.topics())).param("source", source).param("consent", consent).update();
        } else {
            Optional<Long> inserted = jdbc.sql("""
                            INSERT INTO subscriber (email, name, language, region_id, organization_id, topics, status, consent_at,
                                consent_source, consent_text)
                            VALUES (:email, :name, :language, :region, :organization, CAST(:topics AS text[]), 'PENDING', now(), :source, :consent)
                            ON CONFLICT (lower(email)) DO NOTHING RETURNING id""")
                    .param("email", email).param("name", request.name()).param("language", request.language())
                    .param("region", request.regionId()).param("organization", request.organizationId())
                    .param("topics", SubscriberQueries.textArray(request.topics())).param("source", source).param("consent", consent)
                    .query(Long.class).optional();
            if (inserted.isEmpty()) {
                return; // a simultaneous request for the same address took it; that one sends the mail
            }
            id = inserted.get();
        }
        mails.confirmation(subscriber(id));
    }

    /** Opens a confirmation link: PENDING becomes SUBSCRIBED; an unsubscribe suppression of the address is lifted. */
    @Transactional
    public ConfirmResult confirm(String token, Instant now) {
        var id = links.verifyConfirm(token, now);
        if (id.isEmpty()) {
            // signed but past its time (it verifies at the epoch): expired; anything else was changed
            boolean expired = links.verifyConfirm(token, Instant.EPOCH).isPresent();
            return new ConfirmResult(expired ? Confirmation.EXPIRED : Confirmation.INVALID, null);
        }
        Optional<Subscriber> found = find(id.getAsLong());
        if (found.isEmpty()) {
            return new ConfirmResult(Confirmation.INVALID, null);
        }
        Subscriber subscriber = found.get();
        if (subscriber.status() == SubscriberStatus.UNSUBSCRIBED) {
            // they left after this link was sent: an old link does not bring them back; subscribing again does
            return new ConfirmResult(Confirmation.EXPIRED, null);
        }
        if (subscriber.status() == SubscriberStatus.PENDING) {
            jdbc.sql("UPDATE subscriber SET status = 'SUBSCRIBED', confirmed_at = now(), updated_at = now() WHERE id = :id")
                    .param("id", subscriber.id()).update();
            jdbc.sql("DELETE FROM suppression WHERE email = lower(:email) AND reason = 'UNSUBSCRIBED'").param("email", subscriber.email()).update();
        }
        return new ConfirmResult(Confirmation.CONFIRMED, subscriber(subscriber.id()));
    }

    public Optional<Subscriber> find(long id) {
        return jdbc.sql("SELECT " + Subscriber.COLUMNS + " FROM subscriber s WHERE s.id = :id").param("id", id).query(Subscriber::map).optional();
    }

    public Subscriber subscriber(long id) {
        return find(id).orElseThrow(() -> new NotFoundException("No such subscriber"));
    }

    Optional<Subscriber> byEmail(String email, boolean lock) {
        return jdbc.sql("SELECT " + Subscriber.COLUMNS + " FROM subscriber s WHERE lower(s.email) = lower(:email)" + (lock ? " FOR UPDATE" : ""))
                .param("email", email).query(Subscriber::map).optional();
    }

    /** Changes language, region and topics (the e-mail address stays). */
    @Transactional
    public Subscriber savePreferences(long id, String language, Long regionId, List<String> topics, Locale locale) {
        Subscriber subscriber = subscriber(id);
        Request request = new Request(subscriber.email(), subscriber.name(), language, regionId, topics, subscriber.organizationId());
        List<InvalidInputException.FieldProblem> problems = problems(request, locale).stream()
                .filter(p -> !p.field().equals("email")).toList();
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        jdbc.sql("""
                        UPDATE subscriber SET language = :language, region_id = :region, topics = CAST(:topics AS text[]), updated_at = now()
                        WHERE id = :id""")
                .param("id", id).param("language", request.language()).param("region", request.regionId())
                .param("topics", SubscriberQueries.textArray(request.topics())).update();
        return subscriber(id);
    }

    /** Pauses (nothing is sent until resumed) or resumes a confirmed subscription. */
    @Transactional
    public Subscriber pause(long id, boolean paused) {
        jdbc.sql("UPDATE subscriber SET status = :to, updated_at = now() WHERE id = :id AND status = :from")
                .param("id", id).param("to", paused ? "PAUSED" : "SUBSCRIBED").param("from", paused ? "SUBSCRIBED" : "PAUSED").update();
        return subscriber(id);
    }

    /** Unsubscribes and suppresses the address, so that no list or import brings it back. */
    @Transactional
    public Subscriber unsubscribe(long id, String how) {
        Subscriber subscriber = subscriber(id);
        jdbc.sql("UPDATE subscriber SET status = 'UNSUBSCRIBED', updated_at = now() WHERE id = :id").param("id", id).update();
        jdbc.sql("INSERT INTO suppression (email, reason, detail) VALUES (lower(:email), 'UNSUBSCRIBED', :detail) ON CONFLICT (email) DO NOTHING")
                .param("email", subscriber.email()).param("detail", how).update();
        return subscriber(id);
    }
}
