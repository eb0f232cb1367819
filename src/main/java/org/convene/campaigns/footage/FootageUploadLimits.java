package org.convene.campaigns.footage;

import java.util.regex.Pattern;
import org.convene.platform.limits.StreamedBodies;
import org.convene.platform.limits.UploadForms;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The request size limits' view of footage: chunks may be as large as the chunk size; the form says when its upload was too large. */
@Configuration(proxyBeanMethods = false)
class FootageUploadLimits {

    private static final Pattern CHUNK = Pattern.compile("/api/v1/uploads/[A-Za-z0-9_-]{43}/chunks/[0-9]{1,9}");
    private static final Pattern FORM = Pattern.compile("/campaigns/[a-z0-9-]+/footage/new");

    @Bean
    StreamedBodies footageChunks(FootageUploads uploads) {
        return (method, path) -> "PUT".equals(method) && CHUNK.matcher(path).matches() ? uploads.chunkSize() : -1;
    }

    @Bean
    UploadForms footageForm() {
        return path -> FORM.matcher(path).matches();
    }
}
