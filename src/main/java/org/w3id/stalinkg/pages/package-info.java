/**
 * HTML for people: the servlets of the web pages, their templates' typed models (records) and the pages' own
 * helpers; links are relative, so the pages browse on any host. Every answer leaves through {@code http}; every fact
 * comes from a {@link org.w3id.stalinkg.store.SparqlStore}. It may import {@code http}, {@code store} and
 * {@code vocab}; never {@code graph} (the store is the seam), nor {@code server} or {@code cli}, which sit above it.
 */
package org.w3id.stalinkg.pages;
