package org.w3id.stalinkg.ontology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;
import org.semanticweb.HermiT.Configuration;
import org.semanticweb.HermiT.Reasoner;
import org.semanticweb.owlapi.apibinding.OWLManager;
import org.semanticweb.owlapi.formats.RDFXMLDocumentFormat;
import org.semanticweb.owlapi.formats.TurtleDocumentFormat;
import org.semanticweb.owlapi.io.FileDocumentSource;
import org.semanticweb.owlapi.io.OWLOntologyLoaderMetaData;
import org.semanticweb.owlapi.io.StringDocumentSource;
import org.semanticweb.owlapi.model.OWLClass;
import org.semanticweb.owlapi.model.OWLOntology;
import org.semanticweb.owlapi.model.OWLOntologyManager;
import org.semanticweb.owlapi.profiles.OWL2DLProfile;
import org.semanticweb.owlapi.profiles.OWLProfileReport;
import org.w3id.stalinkg.graph.ProjectFiles;

/**
 * The ontology as an ontology engineer meets it: loaded by the OWL API (the library Protégé is built on) and
 * classified by HermiT (the reasoner Protégé offers). Alone it must be OWL 2 DL with no triple left unparsed,
 * consistent, with no unsatisfiable class; with all the data, consistent with no unsatisfiable class (the data's
 * dates are xsd:date, xsd:gYearMonth and xsd:gYear, which OWL 2 lacks: HermiT is told to ignore unsupported
 * datatypes, as Protégé's HermiT plugin does).
 */
class TestOntologyInOwlApi {

    private static final Path ONTOLOGY = ProjectFiles.ROOT.resolve("ontology/stalin-kg.ttl");

    private static OWLOntology load(OWLOntologyManager m) throws Exception {
        return m.loadOntologyFromOntologyDocument(new FileDocumentSource(ONTOLOGY.toFile(), new TurtleDocumentFormat()));
    }

    @Test
    void ontologyAloneIsOwl2DlWithNoTripleLeftUnparsed() throws Exception {
        OWLOntologyManager m = OWLManager.createOWLOntologyManager();
        OWLOntology o = load(m);
        assertTrue(o.getAxiomCount() > 300, "axioms: " + o.getAxiomCount());
        OWLProfileReport report = new OWL2DLProfile().checkOntology(o);
        assertTrue(report.getViolations().isEmpty(), report.getViolations().stream().map(Object::toString)
                .collect(Collectors.joining("\n")));
        long unparsed = m.getOntologyFormat(o).getOntologyLoaderMetaData()
                .map(OWLOntologyLoaderMetaData::getUnparsedTriples).map(Stream::count).orElse(0L);
        assertEquals(0, unparsed, "triples the OWL API could not turn into axioms");
    }

    @Test
    void ontologyAloneIsConsistentWithNoUnsatisfiableClass() throws Exception {
        OWLOntology o = load(OWLManager.createOWLOntologyManager());
        Reasoner hermit = new Reasoner(new Configuration(), o);
        try {
            assertTrue(hermit.isConsistent());
            List<OWLClass> unsatisfiable = hermit.getUnsatisfiableClasses().getEntitiesMinusBottom().stream().toList();
            assertTrue(unsatisfiable.isEmpty(), unsatisfiable.toString());
        } finally {
            hermit.dispose();
        }
    }

    @Test
    void ontologyWithAllTheDataIsConsistentWithNoUnsatisfiableClass() throws Exception {
        Graph all = GraphFactory.createDefaultGraph();
        RDFParser.source(ONTOLOGY).parse(all);
        try (Stream<Path> files = Files.list(ProjectFiles.ROOT.resolve("data"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".ttl")).sorted().toList()) {
                RDFParser.source(f).parse(all);
            }
        }
        // RDF/XML: the OWL API's own parser reads it (its Turtle parser predates SPARQL-style PREFIX lines).
        StringWriter rdfXml = new StringWriter();
        RDFDataMgr.write(rdfXml, all, Lang.RDFXML);
        OWLOntology o = OWLManager.createOWLOntologyManager().loadOntologyFromOntologyDocument(
                new StringDocumentSource(rdfXml.toString(), "urn:stalin-kg:all", new RDFXMLDocumentFormat(), null));
        assertTrue(o.getIndividualsInSignature().size() > 300, "individuals: " + o.getIndividualsInSignature().size());
        Configuration config = new Configuration();
        config.ignoreUnsupportedDatatypes = true;
        Reasoner hermit = new Reasoner(config, o);
        try {
            assertTrue(hermit.isConsistent(), "the data contradicts the ontology");
            List<OWLClass> unsatisfiable = hermit.getUnsatisfiableClasses().getEntitiesMinusBottom().stream().toList();
            assertTrue(unsatisfiable.isEmpty(), unsatisfiable.toString());
        } finally {
            hermit.dispose();
        }
    }
}
