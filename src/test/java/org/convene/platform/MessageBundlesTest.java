package org.convene.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.convene.platform.i18n.Languages;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Every message key exists in every language the interface speaks, and no language has stray keys. */
class MessageBundlesTest {

    @TestFactory
    Stream<DynamicTest> everyLanguageHasEveryKey() throws IOException {
        Resource[] bundles = new PathMatchingResourcePatternResolver().getResources("classpath:messages/*.properties");
        Set<String> bases = new TreeSet<>();
        for (Resource r : bundles) {
            String name = r.getFilename();
            if (name != null && !name.matches(".*_[a-z]{2}\\.properties")) {
                bases.add(name.replace(".properties", ""));
            }
        }
        assertThat(bases).contains("common", "accounts");
        return bases.stream().flatMap(base -> Languages.SUPPORTED.stream().filter(l -> !l.equals(Languages.DEFAULT))
                .map(lang -> DynamicTest.dynamicTest(base + "_" + lang, () -> {
                    Set<String> english = load("messages/" + base + ".properties").stringPropertyNames();
                    Set<String> translated = load("messages/" + base + "_" + lang + ".properties").stringPropertyNames();
                    Set<String> missing = new TreeSet<>(english);
                    missing.removeAll(translated);
                    Set<String> stray = new TreeSet<>(translated);
                    stray.removeAll(english);
                    assertThat(missing).as("keys missing in %s_%s", base, lang).isEmpty();
                    assertThat(stray).as("keys in %s_%s that English lacks", base, lang).isEmpty();
                })));
    }

    private static Properties load(String path) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessageBundlesTest.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
