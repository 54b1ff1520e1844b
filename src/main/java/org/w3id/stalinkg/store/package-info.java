/**
 * {@link org.w3id.stalinkg.store.SparqlStore}, the only thing the servlets ask for data: queries, descriptions of
 * things, term usage, counts and the label search, answered by the graph loaded here
 * ({@link org.w3id.stalinkg.store.LocalStore}, in memory or TDB2) or by an external SPARQL 1.1 endpoint
 * ({@link org.w3id.stalinkg.store.RemoteStore}) alike. It may import {@code graph} and {@code vocab}; never
 * {@code http}, {@code server}, {@code cli}, {@code api}, {@code linkeddata} or {@code pages}.
 */
package org.w3id.stalinkg.store;
