package org.ceteris.cli;

import static org.ceteris.cli.CliErrorsTest.assertOneLineError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.ceteris.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** {@code ceteris dag …}: the JSON contract of adjust, the other subcommands, and one-line errors. */
class DagCommandTest {

    static final String FIG34 = "dag { X1 -> X3; X1 -> X4; X2 -> X4; X2 -> X5; X3 -> X; X4 -> X; X4 -> Y; X5 -> Y; X -> X6 -> Y;"
            + " X [exposure]; Y [outcome] }";

    @Test
    void adjustJsonContract() {
        Cli.Run run = Cli.run("dag", "adjust", "--dag", FIG34, "--json").ok();
        JsonNode j = Json.read(run.out());
        List<String> fields = new ArrayList<>();
        for (Iterator<String> it = j.fieldNames(); it.hasNext(); ) {
            fields.add(it.next());
        }
        assertEquals(List.of("method", "exposure", "outcome", "effect", "identifiable", "minimal_sets", "frontdoor_sets",
                "instruments", "diagnostics", "summary"), fields);
        assertEquals("dag_adjust", j.get("method").asText());
        assertEquals("X", j.get("exposure").asText());
        assertEquals("Y", j.get("outcome").asText());
        assertEquals("total", j.get("effect").asText());
        assertTrue(j.get("identifiable").asBoolean());
        assertEquals("[[\"X1\",\"X4\"],[\"X2\",\"X4\"],[\"X3\",\"X4\"],[\"X4\",\"X5\"]]", j.get("minimal_sets").toString());
        assertEquals(run.out(), Cli.run("dag", "adjust", "--dag", FIG34, "--json").out(), "byte-identical JSON");
    }

    @Test
    void adjustEmptySetFrontDoorAndInstruments() {
        JsonNode m = Json.read(Cli.run("dag", "adjust", "--dag", "dag { A -> X; A -> M; B -> M; B -> Y; X -> Y }",
                "--exposure", "X", "--outcome", "Y", "--json").ok().out());
        assertEquals("[[]]", m.get("minimal_sets").toString());
        JsonNode f = Json.read(Cli.run("dag", "adjust", "--dag", "dag { U [latent]; U -> S; U -> C; S -> T -> C }",
                "--exposure", "S", "--outcome", "C", "--json").ok().out());
        assertEquals("[]", f.get("minimal_sets").toString());
        assertEquals("[[\"T\"]]", f.get("frontdoor_sets").toString());
        assertTrue(f.get("identifiable").asBoolean());
        JsonNode iv = Json.read(Cli.run("dag", "adjust", "--dag", "dag { W -> Z -> X -> Y; W -> Y; X <-> Y }",
                "--exposure", "X", "--outcome", "Y", "--json").ok().out());
        assertFalse(iv.get("identifiable").asBoolean());
        assertEquals("[{\"instrument\":\"Z\",\"given\":[\"W\"]}]", iv.get("instruments").toString());
        assertEquals("DAG_NOT_IDENTIFIABLE", iv.get("diagnostics").get(0).get("code").asText());
        JsonNode direct = Json.read(Cli.run("dag", "adjust", "--dag", "dag { X -> M -> Y; X -> Y; C -> X; C -> Y }",
                "--exposure", "X", "--outcome", "Y", "--effect", "direct", "--json").ok().out());
        assertEquals("[[\"C\",\"M\"]]", direct.get("minimal_sets").toString());
        assertEquals("direct", direct.get("effect").asText());
    }

    @Test
    void dagFromFileDsepImplicationsAndText(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("g.dag");
        Files.writeString(f, FIG34);
        String text = Cli.run("dag", "adjust", "--dag", "@" + f).ok().out();
        assertTrue(text.contains("{ X1, X4 }") && text.contains("X6"), text);
        JsonNode d = Json.read(Cli.run("dag", "dsep", "--dag", "@" + f, "--x", "X1", "--y", "X2", "--json").ok().out());
        assertTrue(d.get("separated").asBoolean());
        JsonNode d2 = Json.read(Cli.run("dag", "dsep", "--dag", "@" + f, "--x", "X1", "--y", "X2", "--given", "X4", "--json").ok().out());
        assertFalse(d2.get("separated").asBoolean());
        assertEquals("dag_dsep", d2.get("method").asText());
        JsonNode imp = Json.read(Cli.run("dag", "implications", "--dag", "dag { A -> B -> C }", "--json").ok().out());
        assertEquals("[{\"x\":\"A\",\"y\":\"C\",\"given\":[\"B\"]}]", imp.get("implications").toString());
    }

    @Test
    void drawDot(@TempDir Path dir) throws Exception {
        Path dot = dir.resolve("g.dot");
        Cli.run("dag", "draw", "--dag", FIG34, "--out", dot.toString()).ok();
        String s = Files.readString(dot);
        assertTrue(s.startsWith("digraph") && s.contains("\"X\" -> \"X6\""), s);
    }

    /**
     * The SVG drawn by Graphviz {@code dot} (.ci/setup installs it): parsed as XML, it has one node
     * per variable and one edge per arrow of the diagram, and the exposure is filled green.
     */
    @Test
    void drawSvg(@TempDir Path dir) throws Exception {
        Path svg = dir.resolve("g.svg");
        Cli.run("dag", "draw", "--dag", FIG34, "--out", svg.toString()).ok();
        Document doc = parseSvg(svg);
        assertEquals("svg", doc.getDocumentElement().getLocalName());
        assertEquals(new TreeSet<>(List.of("X", "X1", "X2", "X3", "X4", "X5", "X6", "Y")), titles(doc, "node").keySet());
        assertEquals(new TreeSet<>(List.of("X1->X3", "X1->X4", "X2->X4", "X2->X5", "X3->X", "X4->X", "X4->Y", "X5->Y", "X->X6",
                "X6->Y")), titles(doc, "edge").keySet());
        Element exposure = titles(doc, "node").get("X");
        assertEquals("#b7e1a1", ((Element) exposure.getElementsByTagNameNS(SVG, "ellipse").item(0)).getAttribute("fill"));
    }

    private static final String SVG = "http://www.w3.org/2000/svg";

    private static Document parseSvg(Path file) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false); // the SVG 1.1 DTD is on the web
        return f.newDocumentBuilder().parse(file.toFile());
    }

    /** The {@code <g class="…">} groups of that class by their {@code <title>} (a node's name, an edge's "A->B"). */
    private static Map<String, Element> titles(Document doc, String cls) {
        Map<String, Element> out = new TreeMap<>();
        NodeList groups = doc.getElementsByTagNameNS(SVG, "g");
        for (int i = 0; i < groups.getLength(); i++) {
            Element g = (Element) groups.item(i);
            if (g.getAttribute("class").equals(cls)) {
                out.put(g.getElementsByTagNameNS(SVG, "title").item(0).getTextContent(), g);
            }
        }
        return out;
    }

    @Test
    void badInputIsOneLine() {
        assertOneLineError(Cli.run("dag", "adjust", "--dag", "dag { A -> B -> C -> A }", "--exposure", "A", "--outcome", "C"),
                "cycle: A -> B -> C -> A");
        assertOneLineError(Cli.run("dag", "dsep", "--dag", "dag { A -> B -> C }", "--x", "A", "--y", "C", "--given", "B,Q"),
                "node 'Q' is not in the DAG");
        assertOneLineError(Cli.run("dag", "adjust", "--dag", "dag { A -> B }", "--exposure", "A", "--outcome", "A"),
                "exposure and outcome are both 'A'");
        assertOneLineError(Cli.run("dag", "implications", "--dag", "dag {\n A -> B\n B => C\n}"), "line 3, column 4");
        assertOneLineError(Cli.run("dag", "adjust", "--dag", "dag { A -> B }"), "--exposure");
        assertOneLineError(Cli.run("dag", "adjust", "--dag", "@/no/such.dag"), "DAG file not found");
        assertOneLineError(Cli.run("dag", "draw", "--dag", "dag { A -> B }", "--out", "x.png"), ".dot or .svg");
        assertOneLineError(Cli.run("dag", "adjust", "--dag", "dag { A -> B }", "--exposure", "A", "--outcome", "B",
                "--effect", "indirect"), "total or direct");
    }

    private static Path chainData(Path dir, boolean extraArrow) throws Exception {
        java.util.Random rnd = new java.util.Random(5);
        StringBuilder sb = new StringBuilder("A,B,C,label\n");
        for (int i = 0; i < 800; i++) {
            double a = rnd.nextGaussian();
            double b = 0.8 * a + rnd.nextGaussian();
            double c = 0.7 * b + (extraArrow ? 0.5 * a : 0) + rnd.nextGaussian();
            sb.append(a).append(',').append(b).append(',').append(c).append(",x").append(i % 3).append('\n');
        }
        Path f = dir.resolve(extraArrow ? "triangle.csv" : "chain.csv");
        Files.writeString(f, sb.toString());
        return f;
    }

    @Test
    void testAgainstData(@TempDir Path dir) throws Exception {
        String chain = "dag { A -> B -> C }";
        JsonNode ok = Json.read(Cli.run("dag", "test", "--dag", chain, "--data", chainData(dir, false).toString(), "--json").ok().out());
        assertEquals("dag_test", ok.get("method").asText());
        assertEquals("fisher_z", ok.get("test").asText());
        assertEquals(800, ok.get("n").asLong());
        assertEquals(1, ok.get("tested").asInt());
        assertEquals("A", ok.get("implications").get(0).get("x").asText());
        assertEquals("[\"B\"]", ok.get("implications").get(0).get("given").toString());
        JsonNode bad = Json.read(Cli.run("dag", "test", "--dag", chain, "--data", chainData(dir, true).toString(), "--json").ok().out());
        assertEquals(1, bad.get("rejected").asInt());
        assertTrue(bad.get("summary").asText().contains("contradict"), bad.get("summary").asText());
        String text = Cli.run("dag", "test", "--dag", chain, "--data", chainData(dir, true).toString()).ok().out();
        assertTrue(text.contains("REJECTED"), text);
        JsonNode none = Json.read(Cli.run("dag", "test", "--dag", "dag { A -> B -> C; A -> C }", "--data",
                chainData(dir, false).toString(), "--json").ok().out());
        assertEquals(0, none.get("tested").asInt());
        assertEquals("DAG_NO_IMPLICATIONS", none.get("diagnostics").get(0).get("code").asText());
        assertOneLineError(Cli.run("dag", "test", "--dag", "dag { A -> B -> Q }", "--data", chainData(dir, false).toString()),
                "column 'Q' not found");
        assertOneLineError(Cli.run("dag", "test", "--dag", "dag { A -> B -> label }", "--data", chainData(dir, false).toString()),
                "mix text");
    }
}
