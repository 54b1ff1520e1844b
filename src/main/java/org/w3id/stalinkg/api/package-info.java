/**
 * The canned queries as an HTTP API: each {@code queries/NAME.rq} file ({@link org.w3id.stalinkg.api.CannedQuery},
 * read once by {@link org.w3id.stalinkg.api.CannedQueries}) answers at {@code /api/NAME} with typed parameters bound
 * as RDF terms, in every SPARQL result format and a plain JSON list by content negotiation; {@code /api} lists them,
 * {@code /api/openapi.json} describes them in OpenAPI 3 and {@code /api/docs} tries them in Swagger UI. {@code
 * /search} (the search box) lives here too.
 * <p>
 * Roles: {@link org.w3id.stalinkg.api.ApiServlet} decides what the answer is; {@link
 * org.w3id.stalinkg.api.CannedQueryRunner} binds, runs and writes; {@code ResultWriter} and {@code ResultsPage}
 * write the formats; {@code ApiListing} and {@link org.w3id.stalinkg.api.OpenApiLib} describe the queries; refusals
 * are {@link org.w3id.stalinkg.api.ApiException}s, sent as RFC 9457 problems.
 * <p>
 * May import: {@code http} (every answer leaves through {@code Answer} and {@code AnswerSender}; errors are
 * {@code Problem}s; pages are rendered by {@code Templates}), {@code store} (the data is asked through {@code
 * SparqlStore} only) and {@code vocab}. Never {@code graph} (go through the store), nor {@code server}, {@code cli},
 * {@code linkeddata} or {@code pages}: data flows one way, cli -> server -> api -> http -> store -> graph -> vocab.
 */
package org.w3id.stalinkg.api;
