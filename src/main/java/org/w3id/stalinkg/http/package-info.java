/**
 * The one answer path: an {@link org.w3id.stalinkg.http.Answer} (bytes or a writer, media type, ETag, what it varies
 * on, cache policy), the sender that turns it into a response (ETag and 304, {@code Vary}, {@code Cache-Control},
 * {@code HEAD}, {@code Content-Length}), problem+json errors and the template engine. Servlets decide what the answer
 * is; this package decides how it is sent. It may import {@code store} and {@code vocab}, and of {@code graph} only
 * {@link org.w3id.stalinkg.graph.DigestLib}; never {@code server}, {@code cli}, {@code api}, {@code linkeddata} or
 * {@code pages}, which sit above it.
 */
package org.w3id.stalinkg.http;
