package org.w3id.stalinkg.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

import org.w3id.stalinkg.http.Site;
import org.w3id.stalinkg.http.Templates;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * What {@code GET /api} answers: every canned query with its summary, parameters, formats and an example URL, as
 * JSON for programs ({@link #json}) and as a page for people ({@link #html}, the model of {@code
 * api-index.mustache}). Both are made once, when the queries are read.
 *
 * @param queries the queries, in name order
 */
record ApiListing(List<Entry> queries) {

    /** One query of the page. */
    record Entry(String name, String summary, String description, String exampleUrl, boolean hasParams,
                 List<Param> params, String formats) {}

    /** One parameter of a query, as the page shows it. */
    record Param(String name, String type, String use, String defaultValue, String example, String description) {}

    /** The listing of {@code queries}, linked from a page where {@code site} says. */
    static ApiListing of(CannedQueries queries, Site site) {
        return new ApiListing(queries.all().stream().map(q -> entry(q, site)).toList());
    }

    /** The page for people, at {@code /api} ({@link Site#TOP}) or {@code /api/} ({@code Site.at(1)}). */
    static byte[] html(CannedQueries queries, Site site) {
        return Templates.render("api-index.mustache", of(queries, site), site);
    }

    /** The JSON document for programs: {@code {"queries": [...], "openapi": "/api/openapi.json"}}. */
    static byte[] json(CannedQueries queries) {
        JsonArray list = new JsonArray();
        for (CannedQuery q : queries.all()) {
            JsonObject o = new JsonObject();
            o.addProperty("name", q.name());
            o.addProperty("path", "/api/" + q.name());
            o.addProperty("summary", q.summary());
            o.addProperty("description", q.description());
            JsonArray tags = new JsonArray();
            q.tags().forEach(tags::add);
            o.add("tags", tags);
            JsonArray params = new JsonArray();
            q.params().forEach(p -> params.add(json(p)));
            o.add("parameters", params);
            JsonArray formats = new JsonArray();
            formats(q).forEach(formats::add);
            o.add("formats", formats);
            o.addProperty("example", exampleUrl(q));
            o.addProperty("sparql", q.text());
            list.add(o);
        }
        JsonObject doc = new JsonObject();
        doc.add("queries", list);
        doc.addProperty("openapi", "/api/openapi.json");
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create().toJson(doc)
                .getBytes(StandardCharsets.UTF_8);
    }

    private static JsonObject json(QueryParam p) {
        JsonObject po = new JsonObject();
        po.addProperty("name", p.name());
        po.addProperty("type", type(p));
        po.addProperty("required", p.required());
        po.addProperty("default", p.defaultValue());
        po.addProperty("example", p.example());
        po.addProperty("description", p.description());
        return po;
    }

    private static Entry entry(CannedQuery q, Site site) {
        List<Param> params = q.params().stream()
                .map(p -> new Param(p.name(), type(p), p.required() ? "required" : "optional",
                        p.defaultValue() == null ? "" : p.defaultValue(), p.example() == null ? "" : p.example(),
                        p.description()))
                .toList();
        return new Entry(q.name(), q.summary(), q.description(), site.link(exampleUrl(q)), !params.isEmpty(), params,
                String.join(", ", formats(q)));
    }

    private static String type(QueryParam p) {
        return p.type().keyword() + (p.kind() == null ? "" : ":" + p.kind());
    }

    /** The {@code ?format=} names the query answers in. */
    private static List<String> formats(CannedQuery q) {
        return ResultFormat.offered(q.answersWithGraph()).stream().map(f -> f.names().get(0)).toList();
    }

    /** The query's URL with the example value of each parameter that has one. */
    static String exampleUrl(CannedQuery q) {
        String params = q.params().stream().filter(p -> p.example() != null)
                .map(p -> p.name() + "=" + URLEncoder.encode(p.example(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return "/api/" + q.name() + (params.isEmpty() ? "" : "?" + params);
    }
}
