package org.convene.publishing.editing;

import com.github.difflib.text.DiffRow;
import com.github.difflib.text.DiffRowGenerator;
import java.util.List;

/**
 * The differences between two revisions, line by line with the changed words marked: deleted words
 * in {@code <del>}, inserted ones in {@code <ins>}. The texts are HTML-escaped by the generator (its default line normalizer), so
 * the marked lines are safe to insert unescaped.
 */
final class RevisionDiff {

    /** One line of the comparison; {@code change} is EQUAL, INSERT, DELETE or CHANGE. */
    record Line(String change, String before, String after) {
        public boolean changed() {
            return !"EQUAL".equals(change);
        }
    }

    private static final DiffRowGenerator GENERATOR = DiffRowGenerator.create()
            .showInlineDiffs(true)
            .inlineDiffByWord(true)
            .mergeOriginalRevised(false)
            .oldTag(start -> start ? "<del>" : "</del>")
            .newTag(start -> start ? "<ins>" : "</ins>")
            .build();

    private RevisionDiff() {
    }

    static List<Line> between(String before, String after) {
        List<DiffRow> rows = GENERATOR.generateDiffRows(before.lines().toList(), after.lines().toList());
        return rows.stream().map(r -> new Line(r.getTag().name(), r.getOldLine(), r.getNewLine())).toList();
    }
}
