package org.convene.platform.limits;

import jakarta.annotation.security.PermitAll;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;

/** A test-only upload endpoint, one for pages and one under the API, to check upload limits. */
@Controller
class UploadProbeController {

    @PermitAll
    @ResponseBody
    @PostMapping({"/test/upload", "/api/v1/test-upload"})
    String upload(@RequestParam MultipartFile file) {
        return "received " + file.getSize() + " bytes";
    }
}
