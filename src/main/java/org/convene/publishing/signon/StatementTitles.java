package org.convene.publishing.signon;

import java.util.List;
import java.util.Locale;
import org.convene.publishing.internal.Publication;
import org.convene.publishing.internal.Publications;
import org.convene.publishing.internal.Translation;
import org.springframework.stereotype.Component;

/** A statement's title in the reader's language when that translation is published, else in its original language. */
@Component
public class StatementTitles {

    public record Title(String text, String language) {
    }

    private final Publications publications;

    StatementTitles(Publications publications) {
        this.publications = publications;
    }

    public Title of(Publication statement, Locale locale) {
        List<Translation> translations = publications.translations(statement.id());
        Translation chosen = translations.stream().filter(t -> t.isPublished() && t.language().equals(locale.getLanguage())).findFirst()
                .or(() -> translations.stream().filter(t -> t.language().equals(statement.originalLanguage())).findFirst())
                .orElse(translations.getFirst());
        return new Title(chosen.title(), chosen.language());
    }
}
