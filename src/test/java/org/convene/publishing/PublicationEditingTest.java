package org.convene.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.convene.platform.web.InvalidInputException;
import org.convene.platform.web.NotFoundException;
import org.convene.publishing.editing.PublicationEditing;
import org.convene.publishing.internal.Publication;
import org.convene.publishing.internal.PublicationKind;
import org.convene.publishing.internal.PublicationStatus;
import org.convene.publishing.internal.Publications;
import org.convene.support.ConveneTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The editing service: translations with revisions, restore, the workflow and scheduling, and what it refuses. */
@ConveneTest
class PublicationEditingTest {

    @Autowired PublicationFixtures fixtures;
    @Autowired PublicationEditing editing;
    @Autowired Publications publications;

    private int count(String sql, long id) {
        return fixtures.jdbc().sql(sql).param("id", id).query(Integer.class).single();
    }

    @Test
    void everySaveKeepsARevisionAndRestoringAddsOne() {
        Publication p = fixtures.create(PublicationFixtures.draft(PublicationKind.STATEMENT, PublicationStatus.DRAFT), "Editor One");
        editing.saveTranslation(p.id(), "en", new PublicationEditing.Text("First title", "", "Water is public.", null), "Editor One");
        editing.saveTranslation(p.id(), "en", new PublicationEditing.Text("Second title", "", "Water stays public.", null), "Editor Two");
        List<PublicationEditing.Revision> revisions = editing.revisions(p.id());
        assertThat(revisions).hasSize(3).extracting(PublicationEditing.Revision::author)
                .containsExactly("Editor Two", "Editor One", "Editor One");
        long first = revisions.get(1).id();
        editing.restore(p.id(), first, "Editor Three");
        assertThat(publications.translation(p.id(), "en").orElseThrow().title()).isEqualTo("First title");
        assertThat(editing.revisions(p.id())).hasSize(4).first()
                .satisfies(r -> assertThat(r.restoredFrom()).isEqualTo(first))
                .satisfies(r -> assertThat(r.author()).isEqualTo("Editor Three"));
    }

    @Test
    void restoringARevisionOfAnotherPublicationIsNotFound() {
        Publication mine = fixtures.create(PublicationFixtures.draft(PublicationKind.STATEMENT, PublicationStatus.DRAFT), "A");
        Publication other = fixtures.create(PublicationFixtures.draft(PublicationKind.NEWS, PublicationStatus.DRAFT), "B");
        long foreign = editing.revisions(other.id()).getFirst().id();
        assertThatThrownBy(() -> editing.restore(mine.id(), foreign, "A")).isInstanceOf(NotFoundException.class);
        assertThat(count("SELECT count(*) FROM publication_revision WHERE publication_id = :id", mine.id())).isEqualTo(1);
    }

    @Test
    void aTranslationIntoALanguageTheNetworkDoesNotUseIsRefusedWithoutARow() {
        Publication p = fixtures.draftStatement();
        assertThatThrownBy(() -> editing.saveTranslation(p.id(), "de", new PublicationEditing.Text("Titel", "", "Text", null), "A"))
                .isInstanceOfSatisfying(InvalidInputException.class, e ->
                        assertThat(e.errors()).extracting(InvalidInputException.FieldProblem::field).containsExactly("language"));
        assertThat(count("SELECT count(*) FROM publication_translation WHERE publication_id = :id", p.id())).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM publication_revision WHERE publication_id = :id AND language = 'de'", p.id())).isZero();
    }

    @Test
    void aBodyOverTheLimitIsRefusedAndNothingIsWritten() {
        Publication p = fixtures.draftStatement();
        String tooLong = "a".repeat(200_001);
        assertThatThrownBy(() -> editing.saveTranslation(p.id(), "es", new PublicationEditing.Text("Título", "", tooLong, null), "A"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.errors()).extracting(InvalidInputException.FieldProblem::field).containsExactly("body");
                    assertThat(e.getMessage()).contains("200,000");
                });
        assertThat(publications.translation(p.id(), "es")).isEmpty();
        // exactly at the limit is fine
        editing.saveTranslation(p.id(), "es", new PublicationEditing.Text("Título", "", "a".repeat(200_000), null), "A");
        assertThat(publications.translation(p.id(), "es")).isPresent();
    }

    @Test
    void aScheduleInThePastIsRefusedAndTheStatusStays() {
        Publication p = fixtures.draftStatement();
        Instant yesterday = Instant.now().minusSeconds(86_400);
        assertThatThrownBy(() -> editing.setStatus(p.id(), PublicationStatus.PUBLISHED, yesterday))
                .isInstanceOfSatisfying(InvalidInputException.class, e ->
                        assertThat(e.errors()).extracting(InvalidInputException.FieldProblem::field).containsExactly("publishAt"));
        assertThat(publications.find(p.id()).orElseThrow().status()).isEqualTo(PublicationStatus.DRAFT);
    }

    @Test
    void publishingPublishesTheOriginalLanguageAndAFutureTimeSchedulesIt() {
        Publication p = fixtures.draftStatement();
        Instant later = Instant.now().plusSeconds(3600).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Publication scheduled = editing.setStatus(p.id(), PublicationStatus.PUBLISHED, later);
        assertThat(scheduled.isPublic(Instant.now())).isFalse();
        assertThat(scheduled.isPublic(later)).isTrue();
        assertThat(publications.translation(p.id(), "en").orElseThrow().isPublished()).isTrue();
        Publication back = editing.setStatus(p.id(), PublicationStatus.IN_REVIEW, null);
        assertThat(back.isPublic(later)).isFalse();
    }
}
