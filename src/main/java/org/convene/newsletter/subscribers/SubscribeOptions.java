package org.convene.newsletter.subscribers;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.convene.directory.MemberDirectory;
import org.convene.platform.i18n.Languages;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The choices of the subscribe and preferences forms (the network's languages, the directory's
 * regions, the configured topics, member organizations), in the reader's language. A bean
 * ({@code @newsletterSubscribeOptions}), so that the embeddable form fragment needs nothing in the
 * including page's model.
 */
@Component("newsletterSubscribeOptions")
public class SubscribeOptions {

    public record Choice(String value, String label) {
    }

    private final MemberDirectory directory;
    private final SubscribersProperties properties;
    private final MessageSource messages;

    SubscribeOptions(MemberDirectory directory, SubscribersProperties properties, MessageSource messages) {
        this.directory = directory;
        this.properties = properties;
        this.messages = messages;
    }

    public List<Choice> languages() {
        return Languages.SUPPORTED.stream().map(code -> new Choice(code, Languages.nativeName(code))).toList();
    }

    public List<Choice> regions(Locale locale) {
        return directory.regions().stream().map(r -> new Choice(String.valueOf(r.id()), r.name().in(locale))).toList();
    }

    public List<Choice> topics(Locale locale) {
        return properties.topics().stream().map(t -> new Choice(t, topicLabel(t, locale))).toList();
    }

    public String topicLabel(String topic, Locale locale) {
        return messages.getMessage("newsletter.topic." + topic, null, topic, locale);
    }

    public List<Choice> organizations() {
        return directory.organizations().stream().sorted(Comparator.comparing(MemberDirectory.MemberOrganization::name))
                .map(o -> new Choice(String.valueOf(o.id()), o.name())).toList();
    }

    /** The reader's language if the network speaks it, else the default (preselected in the form). */
    public String languageFor(Locale locale) {
        return Languages.isSupported(locale.getLanguage()) ? locale.getLanguage() : Languages.DEFAULT;
    }

    public String consentText(Locale locale) {
        return messages.getMessage("newsletter.subscribers.consent", null, locale);
    }
}
