package org.sanlian.publication;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public feed of published penalty decisions (行政处罚法 Art. 48): no login, read only, and only the redacted
 * record (a natural person by surname only; no ID number, no address). The page {@code /public/penalty-decisions.html}
 * shows it.
 */
@RestController
class PublicDecisionsController {

    private final Publications publications;

    public PublicDecisionsController(Publications publications) {
        this.publications = publications;
    }

    @GetMapping("/public/penalty-decisions")
    @Operation(summary = "行政处罚决定公示（公开，无需登录）")
    public List<Publications.PublicDecision> published() {
        return publications.published();
    }
}
