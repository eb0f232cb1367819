package org.convene.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.convene.platform.web.InvalidInputException;
import org.convene.publishing.internal.Publication;
import org.convene.publishing.internal.PublicationDraft;
import org.convene.publishing.internal.PublicationKind;
import org.convene.publishing.internal.PublicationStatus;
import org.convene.publishing.internal.Publications;
import org.convene.support.ConveneTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@ConveneTest
class PublicationCoreTest {

    @Autowired PublicationFixtures fixtures;
    @Autowired Publications publications;

    @Test
    void aPublishedStatementHasItsOriginalTranslationFirst() {
        Publication statement = fixtures.publishedStatement();
        fixtures.addPublishedTranslation(statement.id(), "ar", "بيان مشترك", "نص");
        Publication found = publications.findBySlug(statement.slug()).orElseThrow();
        assertThat(found.slug()).startsWith("joint-statement-on-public-water-");
        assertThat(found.isPublic(Instant.now())).isTrue();
        assertThat(found.tags()).containsExactly("water");
        assertThat(publications.translations(found.id())).extracting(t -> t.language()).containsExactly("en", "ar");
    }

    @Test
    void aScheduledPublicationIsNotPublicBeforeItsTime() {
        PublicationDraft d = PublicationFixtures.draft(PublicationKind.NEWS, PublicationStatus.PUBLISHED);
        Publication scheduled = fixtures.create(new PublicationDraft(d.kind(), d.language(), d.title(), d.summary(), d.body(), d.dated(),
                d.status(), PublicationFixtures.inAnHour(), d.tags(), d.organizationIds()));
        assertThat(scheduled.isPublic(Instant.now())).isFalse();
        assertThat(scheduled.isPublic(Instant.now().plusSeconds(7200))).isTrue();
    }

    @Test
    void anUnknownLanguageAndABlankTitleAreRefusedWithoutARow() {
        PublicationDraft bad = new PublicationDraft(PublicationKind.STATEMENT, "xx", " ", "", "", LocalDate.of(2026, 1, 1),
                PublicationStatus.DRAFT, null, List.of(), List.of());
        int before = fixtures.jdbc().sql("SELECT count(*) FROM publication").query(Integer.class).single();
        assertThatThrownBy(() -> publications.create(bad)).isInstanceOfSatisfying(InvalidInputException.class, e ->
                assertThat(e.errors()).extracting(InvalidInputException.FieldProblem::field).containsExactly("language", "title"));
        assertThat(fixtures.jdbc().sql("SELECT count(*) FROM publication").query(Integer.class).single()).isEqualTo(before);
    }
}
