/**
 * Linked data: things' IRIs that dereference ({@code /id/} answers 303 to {@code /doc/}), their descriptions by
 * content negotiation, the ontology and its released versions, VoID, the Service Description, the JSON-LD context
 * and the dumps. Every answer leaves through {@code http}; every fact comes from a
 * {@link org.w3id.stalinkg.store.SparqlStore}. It may import {@code http}, {@code store} and {@code vocab}; never
 * {@code graph} (the store is the seam), nor {@code server} or {@code cli}, which sit above it.
 */
package org.w3id.stalinkg.linkeddata;
