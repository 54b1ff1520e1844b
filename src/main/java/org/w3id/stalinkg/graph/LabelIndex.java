package org.w3id.stalinkg.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.text.Entity;
import org.apache.jena.query.text.EntityDefinition;
import org.apache.jena.query.text.TextDatasetFactory;
import org.apache.jena.query.text.TextIndex;
import org.apache.jena.query.text.TextIndexConfig;
import org.apache.jena.query.text.TextQueryFuncs;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.apache.lucene.queryparser.classic.QueryParserBase;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * A full-text index of every name in the graph ({@code rdfs:label} and {@code skos:altLabel}, with their language
 * tags), in Lucene through jena-text, held in memory. SPARQL queries on {@code /sparql} use it with jena-text's
 * property function, and the search box through {@code /search}:
 * <pre>
 * PREFIX text: &lt;http://jena.apache.org/text#&gt;
 * SELECT ?thing ?name WHERE { (?thing ?score ?name) text:query ("famin*" 100) }
 * </pre>
 * A {@code FILTER(CONTAINS(LCASE(?name), "famine"))} reads every name in the graph; the index finds the names
 * holding a word that begins with the text without reading the others. The text is split into words by Lucene's
 * standard analyzer (Unicode word breaks, lower-cased), so it works alike for Latin and Cyrillic script.
 */
public final class LabelIndex {

    /** The Lucene field of the names; the entity field holds the thing's IRI, the language field its tag. */
    public static final String FIELD = "name";

    private LabelIndex() {}

    /** An index of the names in the default graph of {@code dataset}, in memory. */
    public static TextIndex build(DatasetGraph dataset) {
        TextIndex index = TextDatasetFactory.createLuceneIndex(new ByteBuffersDirectory(), config());
        addNames(index, dataset);
        return index;
    }

    /**
     * How the names are indexed: the entity field holds the thing's IRI, {@value #FIELD} the names of
     * {@code rdfs:label} and {@code skos:altLabel}, the language field their tags; the values are stored. The index
     * kept on disk beside a TDB2 database ({@link Tdb2LabelIndex}) is written and read with the same.
     */
    static TextIndexConfig config() {
        EntityDefinition definition = new EntityDefinition("iri", FIELD, RDFS.label.asNode());
        definition.set(FIELD, SKOS.altLabel.asNode());
        definition.setLangField("lang");
        TextIndexConfig config = new TextIndexConfig(definition);
        config.setValueStored(true);
        return config;
    }

    /**
     * Adds every name in the default graph of {@code dataset} to {@code index} (made with {@link #config()}) as the
     * graph gives them, without collecting them, and commits; returns how many were added.
     */
    static long addNames(TextIndex index, DatasetGraph dataset) {
        EntityDefinition definition = index.getDocDef();
        long[] added = {0};
        Txn.executeRead(dataset, () -> {
            Graph g = dataset.getDefaultGraph();
            for (Node p : List.of(RDFS.label.asNode(), SKOS.altLabel.asNode())) {
                g.find(Node.ANY, p, Node.ANY).forEachRemaining(t -> {
                    if (t.getObject().isLiteral() && !t.getSubject().isBlank()) {
                        Entity e = TextQueryFuncs.entityFromQuad(definition, Quad.defaultGraphIRI, t.getSubject(),
                                t.getPredicate(), t.getObject());
                        if (e != null) {
                            index.addEntity(e);
                            added[0]++;
                        }
                    }
                });
            }
        });
        index.commit();
        return added[0];
    }

    /**
     * The Lucene query for what a person typed: every word of it, as the beginning of a word of the name
     * ({@code "great pur"} finds "Great Purge"), with Lucene's syntax characters escaped; null if the text holds no
     * word.
     */
    public static String prefixQuery(String typed) {
        List<String> words = new ArrayList<>();
        for (String w : typed.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!w.isEmpty()) {
                words.add(QueryParserBase.escape(w) + "*");
            }
        }
        return words.isEmpty() ? null : String.join(" AND ", words);
    }
}
