package org.convene.support;

import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Runs axe-core (the accessibility engine behind most WCAG checkers, from its WebJar) on a page and
 * returns its serious and critical violations of the WCAG 2.0–2.2 A/AA rules. The page's browser
 * context must bypass the Content-Security-Policy, only so that axe itself can be injected.
 */
public final class Accessibility {

    private static final String AXE = load();

    private Accessibility() {
    }

    @SuppressWarnings("unchecked")
    public static List<String> violations(Page target) {
        target.addScriptTag(new Page.AddScriptTagOptions().setContent(AXE));
        List<Map<String, Object>> found = (List<Map<String, Object>>) target.evaluate("""
                async () => {
                  const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
                  return result.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => ({ id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(' ')).join(', ') }));
                }""");
        return found.stream().map(v -> v.get("id") + " (" + v.get("impact") + "): " + v.get("nodes")).toList();
    }

    private static String load() {
        try (InputStream in = Accessibility.class.getResourceAsStream("/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
