package org.convene.newsletter.editions;

import java.util.Locale;
import org.convene.newsletter.internal.EditionRendering;
import org.convene.newsletter.internal.RenderedEdition;
import org.convene.platform.web.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * An edition as a mail in one language: an HTML part for mail clients (tables, at most 600px wide,
 * inline styles, absolute image URLs with alt text, {@code dir="rtl"} for Arabic, a preheader and
 * a footer with why the reader gets it and the preferences and unsubscribe placeholders) and a
 * plain-text part with the same content. Rendered by a Thymeleaf engine of its own
 * ({@code templates/newsletter/mail/edition.html} and {@code edition.txt}), which escapes every
 * text; Markdown comes through {@code RichText}. No open or click tracking.
 */
@Component
public class MailEditionRendering implements EditionRendering {

    private final Editions editions;
    private final EditionContent content;
    private final EditionsProperties properties;
    private final SpringTemplateEngine engine;

    MailEditionRendering(Editions editions, EditionContent content, EditionsProperties properties, MessageSource messages) {
        this.editions = editions;
        this.content = content;
        this.properties = properties;
        this.engine = new SpringTemplateEngine();
        engine.setTemplateEngineMessageSource(messages);
        engine.addTemplateResolver(resolver(TemplateMode.HTML, ".html", 1));
        engine.addTemplateResolver(resolver(TemplateMode.TEXT, ".txt", 2));
    }

    private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String suffix, int order) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/newsletter/mail/");
        resolver.setSuffix(suffix);
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCheckExistence(true);
        resolver.setOrder(order);
        resolver.setCacheable(true);
        return resolver;
    }

    @Override
    public RenderedEdition render(long editionId, String language) {
        Edition edition = editions.find(editionId).orElseThrow(() -> new NotFoundException("No such edition"));
        return render(edition, language);
    }

    public RenderedEdition render(Edition edition, String language) {
        EditionContent.View view = content.view(edition, language);
        Context context = new Context(Locale.forLanguageTag(view.language()));
        context.setVariable("edition", view);
        context.setVariable("postalAddress", properties.postalAddress());
        context.setVariable("preferencesUrl", RenderedEdition.PREFERENCES_URL);
        context.setVariable("unsubscribeUrl", RenderedEdition.UNSUBSCRIBE_URL);
        String html = engine.process("edition", context);
        String text = engine.process("edition-text", context);
        return new RenderedEdition(view.label() + ": " + view.subject(), html, text.replaceAll("\n{3,}", "\n\n").strip() + "\n");
    }
}
