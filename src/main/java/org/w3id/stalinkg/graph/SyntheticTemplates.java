package org.w3id.stalinkg.graph;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;

/**
 * The lines of a synthetic copy ({@link SyntheticDataLib}), made once from the curated files: each N-Triples line is
 * three parts, of which our IRIs, blank nodes and labels are written differently in each copy, and the rest as it is.
 */
final class SyntheticTemplates {

    private static final String WIKIDATA = "http://www.wikidata.org/";
    private static final Set<Node> LABELS = Set.of(RDFS.label.asNode(), SKOS.prefLabel.asNode(), SKOS.altLabel.asNode());

    private SyntheticTemplates() {}

    /** One N-Triples line of a copy, made of three parts. */
    record Line(Part s, Part p, Part o) {

        /** Appends the line as copy {@code k} has it, with its final dot and newline. */
        void write(StringBuilder sb, int k) {
            s.write(sb, k);
            sb.append(' ');
            p.write(sb, k);
            sb.append(' ');
            o.write(sb, k);
            sb.append(" .\n");
        }
    }

    /** A node of a line, as written in copy {@code k}. */
    interface Part {
        void write(StringBuilder sb, int k);
    }

    /** Written as it is. */
    private record Fixed(String nt) implements Part {
        @Override
        public void write(StringBuilder sb, int k) {
            sb.append(nt);
        }
    }

    /** One of our IRIs: the suffix goes before a fragment or query, if any. */
    private record IdIri(String head, String tail) implements Part {
        @Override
        public void write(StringBuilder sb, int k) {
            sb.append(head).append("-s").append(k).append(tail);
        }
    }

    /** A blank node, numbered in order of first appearance, labelled per copy. */
    private record Blank(int n) implements Part {
        @Override
        public void write(StringBuilder sb, int k) {
            sb.append("_:c").append(k).append('b').append(n);
        }
    }

    /** A label: the escaped text, then the mark, then the closing quote and the language or datatype. */
    private record Label(String head, String tail) implements Part {
        @Override
        public void write(StringBuilder sb, int k) {
            sb.append(head).append(" (synthetic ").append(k).append(')').append(tail);
        }
    }

    /**
     * The lines of a copy, in the order of the curated files and of the triples in each: parsed once, strictly,
     * with identity links and the axioms that annotate them left out.
     */
    static List<Line> templates(List<Path> curated) {
        List<Triple> triples = new ArrayList<>();
        for (Path file : curated) {
            triples.addAll(TurtleFiles.read(file).triples());
        }
        // Axioms (or any blank node) that annotate a dropped statement are dropped with it.
        Set<Node> droppedNodes = new HashSet<>();
        for (Triple t : triples) {
            if (t.getSubject().isBlank() && (isIdentityLink(t)
                    || (t.getPredicate().equals(OWL2.annotatedProperty.asNode()) && t.getObject().equals(OWL2.sameAs.asNode())))) {
                droppedNodes.add(t.getSubject());
            }
        }
        Map<Node, Blank> blanks = new HashMap<>();
        Map<Node, Part> parts = new HashMap<>();
        List<Line> lines = new ArrayList<>(triples.size());
        for (Triple t : triples) {
            if (isIdentityLink(t) || droppedNodes.contains(t.getSubject())) {
                continue;
            }
            Part o = LABELS.contains(t.getPredicate()) && t.getObject().isLiteral()
                    ? label(t.getObject()) : part(t.getObject(), blanks, parts);
            lines.add(new Line(part(t.getSubject(), blanks, parts), part(t.getPredicate(), blanks, parts), o));
        }
        return lines;
    }

    /** A statement that says a thing is another, or is a Wikidata entity. */
    private static boolean isIdentityLink(Triple t) {
        return t.getPredicate().equals(OWL2.sameAs.asNode())
                || (t.getObject().isURI() && t.getObject().getURI().startsWith(WIKIDATA));
    }

    private static Part part(Node n, Map<Node, Blank> blanks, Map<Node, Part> parts) {
        if (n.isBlank()) {
            return blanks.computeIfAbsent(n, b -> new Blank(blanks.size()));
        }
        return parts.computeIfAbsent(n, SyntheticTemplates::nodePart);
    }

    private static Part nodePart(Node n) {
        if (n.isURI() && n.getURI().startsWith(SyntheticDataLib.ID_NS)) {
            String iri = n.getURI();
            int cut = iri.length();
            for (char c : new char[] {'#', '?'}) {
                int i = iri.indexOf(c);
                if (i >= 0 && i < cut) {
                    cut = i;
                }
            }
            return new IdIri("<" + iri.substring(0, cut), iri.substring(cut) + ">");
        }
        return new Fixed(NodeFmtLib.strNT(n));
    }

    private static Part label(Node literal) {
        String plain = NodeFmtLib.strNT(NodeFactory.createLiteralString(literal.getLiteralLexicalForm()));
        String full = NodeFmtLib.strNT(literal);
        // full is plain followed by @lang or ^^<datatype>, or plain itself for an xsd:string.
        return new Label(plain.substring(0, plain.length() - 1), "\"" + full.substring(plain.length()));
    }
}
