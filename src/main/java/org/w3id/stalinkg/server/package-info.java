/**
 * Assembling the embedded Fuseki server ({@link org.w3id.stalinkg.server.KgServer}): the servlets of {@code api},
 * {@code linkeddata} and {@code pages} on their paths, the filters in front of them (admission, read-only, CORS,
 * access log), the limits and settings, the answer cache, reload and the loopback admin port. It may import
 * {@code api}, {@code linkeddata}, {@code pages}, {@code http}, {@code store}, {@code graph} and {@code vocab}; never
 * {@code cli}, which is the only package that imports it.
 */
package org.w3id.stalinkg.server;
