package org.convene.campaigns.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.convene.media.MediaProperties;
import org.springframework.stereotype.Component;

/**
 * Where footage files live: {@code convene.media.dir/footage}, each under a name the server made
 * (32 hex digits, an optional {@code -thumb}, and an extension), never the submitter's.
 */
@Component
public class FootageFiles {

    private static final String NAME = "[0-9a-f]{32}(-thumb)?\\.[a-z0-9]{2,5}";

    private final Path dir;

    FootageFiles(MediaProperties media) {
        this.dir = media.dir().resolve("footage");
    }

    public Path dir() {
        return dir;
    }

    /** The file of a stored name; empty for names the server could not have given or that are gone. */
    public Optional<Path> find(String storedName) {
        if (storedName == null || !storedName.matches(NAME)) {
            return Optional.empty();
        }
        Path file = dir.resolve(storedName);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }
}
