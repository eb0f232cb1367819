package org.convene.publishing.editing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.convene.directory.DemoNetworkLoaded;
import org.convene.publishing.PublicationFixtures;
import org.convene.publishing.internal.Publication;
import org.convene.publishing.internal.PublicationKind;
import org.convene.publishing.internal.Publications;
import org.convene.publishing.internal.Translation;
import org.convene.support.ConveneTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The demo network gets a published statement in three languages and two published news posts. */
@ConveneTest
class DemoPublicationsTest {

    @Autowired DemoPublications demo;
    @Autowired Publications publications;
    @Autowired PublicationFixtures fixtures;

    @Test
    void aStatementInThreeLanguagesAndTwoNewsPosts() throws InterruptedException {
        long before = fixtures.jdbc().sql("SELECT coalesce(max(id), 0) FROM publication").query(Long.class).single();
        demo.on(new DemoNetworkLoaded(0)); // a module listener: runs asynchronously
        for (int i = 0; i < 100 && fixtures.jdbc().sql("SELECT count(*) FROM publication WHERE id > :before AND status = 'PUBLISHED'")
                .param("before", before).query(Integer.class).single() < 3; i++) {
            Thread.sleep(100);
        }
        var created = fixtures.jdbc().sql("SELECT id FROM publication WHERE id > :before ORDER BY id").param("before", before)
                .query(Long.class).list().stream().map(id -> publications.find(id).orElseThrow()).toList();
        assertThat(created).extracting(Publication::kind)
                .containsExactly(PublicationKind.STATEMENT, PublicationKind.NEWS, PublicationKind.NEWS);
        assertThat(created).allSatisfy(p -> assertThat(p.isPublic(Instant.now())).isTrue());
        Publication statement = created.getFirst();
        assertThat(publications.translations(statement.id())).extracting(Translation::language).containsExactly("en", "ar", "es");
        assertThat(publications.translations(statement.id())).allSatisfy(t -> assertThat(t.isPublished()).isTrue());
        assertThat(publications.signatories(statement.id())).hasSize(2);
        assertThat(created.get(1).category()).isEqualTo("ASSEMBLIES");
    }
}
