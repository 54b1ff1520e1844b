/**
 * Constants for our terms and IRI bases ({@link org.w3id.stalinkg.vocab.SKG}), as Jena's {@code SKOS} or RDF4J's
 * {@code VANN} classes are: the one place an IRI of ours is written. The bottom of the flow: it imports no package
 * of ours, and every other package may import it.
 */
package org.w3id.stalinkg.vocab;
