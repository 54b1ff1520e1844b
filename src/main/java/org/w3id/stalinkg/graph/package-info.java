/**
 * The knowledge graph: files in, one immutable dataset out. Loading ({@link org.w3id.stalinkg.graph.KnowledgeGraphLoader}:
 * each Turtle file read once, hashed and parsed strictly, with file:line:column on error), the derived years, SHACL
 * validation, inference, the frozen dataset whose default graph is the union of the named graphs {@code asserted}
 * and {@code inferred} (each triple held once), the result ({@link org.w3id.stalinkg.graph.KnowledgeGraph}), and
 * what is made from it or for it: the label index, stable graphs for dumps, provenance checks, TDB2 databases
 * ({@link org.w3id.stalinkg.graph.Tdb2Lib}), synthetic data for measuring growth, the one SHA-256 helper
 * ({@link org.w3id.stalinkg.graph.DigestLib}).
 * <p>
 * Below every other package but {@code vocab}: this package may import {@code org.w3id.stalinkg.vocab}, Jena, Lucene
 * (through jena-text), SLF4J and the JDK, and nothing of {@code cli}, {@code server}, {@code api},
 * {@code linkeddata}, {@code http}, {@code store} or the pages. It knows nothing of HTTP.
 */
package org.w3id.stalinkg.graph;
