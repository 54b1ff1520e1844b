package org.w3id.stalinkg.api;

import java.util.List;

import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaType;

/**
 * Content negotiation for the API, by the W3C recipe: the first offered type for no {@code Accept} (or {@code *}{@code
 * /*}), the best match otherwise, and 406 naming what is offered when nothing matches.
 */
final class Negotiation {

    private Negotiation() {}

    /**
     * The offered media type that {@code accept} prefers.
     *
     * @param offered media types without parameters, the default first
     * @param offer   how the offered types are described in a refusal ("this query answers in ...")
     * @throws ApiException 400 for an Accept header that does not parse; 406 when nothing offered is acceptable
     */
    static String choose(String accept, List<String> offered, String offer) {
        if (accept == null || accept.isBlank()) {
            return offered.get(0);
        }
        AcceptList proposal;
        try {
            proposal = new AcceptList(accept);
        } catch (RuntimeException ex) {
            throw new ApiException(400, "malformed Accept header");
        }
        MediaType chosen = AcceptList.match(proposal, AcceptList.create(offered.toArray(String[]::new)));
        if (chosen == null) {
            throw new ApiException(406, "cannot answer in " + accept + "; " + offer);
        }
        String type = chosen.getContentTypeStr();
        return offered.stream().filter(type::equals).findFirst().orElseThrow(() -> new IllegalStateException(type));
    }
}
