package org.w3id.stalinkg.api;

import java.util.List;

import org.w3id.stalinkg.http.Problem;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * The OpenAPI 3 description of the canned-query API, generated from the queries' headers: one path per query, its
 * parameters with their types and examples, the formats it answers in, and the errors it may return.
 */
public final class OpenApiLib {

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private OpenApiLib() {}

    /** The OpenAPI document as JSON text. */
    public static String document(CannedQueries queries, String version) {
        JsonObject doc = new JsonObject();
        doc.addProperty("openapi", "3.0.3");
        JsonObject info = new JsonObject();
        info.addProperty("title", "stalin-kg canned queries");
        info.addProperty("version", version);
        info.addProperty("description", "Answers to the common questions about Joseph Stalin's political goals, "
                + "policies, their outcomes and the regions they struck, by URL, in JSON, CSV and more. Each "
                + "operation is a SPARQL query of the knowledge graph; parameters are bound as RDF terms. "
                + "Choose the format with the Accept header or ?format=. For anything else, use /sparql.");
        JsonObject license = new JsonObject();
        license.addProperty("name", "CC BY 4.0 (data)");
        license.addProperty("url", "https://creativecommons.org/licenses/by/4.0/");
        info.add("license", license);
        doc.add("info", info);
        JsonArray servers = new JsonArray();
        JsonObject server = new JsonObject();
        // Relative to this document (/api/openapi.json): the site's root, wherever the site is published.
        server.addProperty("url", "..");
        servers.add(server);
        doc.add("servers", servers);
        JsonObject paths = new JsonObject();
        for (CannedQuery q : queries.all()) {
            JsonObject item = new JsonObject();
            item.add("get", operation(q, false));
            item.add("post", operation(q, true));
            paths.add("/api/" + q.name(), item);
        }
        doc.add("paths", paths);
        JsonObject schemas = new JsonObject();
        schemas.add("Problem", problemSchema());
        JsonObject components = new JsonObject();
        components.add("schemas", schemas);
        doc.add("components", components);
        return GSON.toJson(doc);
    }

    private static JsonObject operation(CannedQuery q, boolean post) {
        JsonObject op = new JsonObject();
        op.addProperty("operationId", camel(q.name()) + (post ? "Post" : ""));
        op.addProperty("summary", q.summary());
        if (!q.description().isEmpty()) {
            op.addProperty("description", q.description());
        }
        JsonArray tags = new JsonArray();
        (q.tags().isEmpty() ? List.of("queries") : q.tags()).forEach(tags::add);
        op.add("tags", tags);
        if (post) {
            op.add("requestBody", formBody(q));
        } else {
            op.add("parameters", queryParameters(q));
        }
        op.add("responses", responses(q.answersWithGraph()));
        return op;
    }

    /** A POST's parameters: a form. */
    private static JsonObject formBody(CannedQuery q) {
        JsonObject form = new JsonObject();
        form.addProperty("type", "object");
        JsonObject properties = new JsonObject();
        JsonArray required = new JsonArray();
        for (QueryParam p : q.params()) {
            properties.add(p.name(), schema(p));
            if (p.required()) {
                required.add(p.name());
            }
        }
        properties.add(CannedQuery.FORMAT_PARAM, formatSchema(q.answersWithGraph()));
        form.add("properties", properties);
        if (!required.isEmpty()) {
            form.add("required", required);
        }
        JsonObject body = new JsonObject();
        body.addProperty("required", !required.isEmpty());
        body.add("content", content("application/x-www-form-urlencoded", form));
        return body;
    }

    /** A GET's parameters: in the query string, {@code format} last. */
    private static JsonArray queryParameters(CannedQuery q) {
        JsonArray parameters = new JsonArray();
        for (QueryParam p : q.params()) {
            JsonObject param = new JsonObject();
            param.addProperty("name", p.name());
            param.addProperty("in", "query");
            param.addProperty("required", p.required());
            param.addProperty("description", p.description().isEmpty() ? p.type().expected()
                    : p.description() + " (" + p.type().expected() + ")");
            param.add("schema", schema(p));
            if (p.example() != null) {
                param.addProperty("example", p.example());
            }
            parameters.add(param);
        }
        JsonObject format = new JsonObject();
        format.addProperty("name", CannedQuery.FORMAT_PARAM);
        format.addProperty("in", "query");
        format.addProperty("required", false);
        format.addProperty("description", "The result format; overrides the Accept header.");
        format.add("schema", formatSchema(q.answersWithGraph()));
        parameters.add(format);
        return parameters;
    }

    private static JsonObject responses(boolean graph) {
        JsonObject ok = new JsonObject();
        ok.addProperty("description", graph ? "The graph" : "The results");
        JsonObject okContent = new JsonObject();
        for (ResultFormat f : ResultFormat.offered(graph)) {
            JsonObject media = new JsonObject();
            JsonObject schema = type(f == ResultFormat.JSON ? "array" : "string");
            if (f == ResultFormat.JSON) {
                schema.add("items", type("object"));
            }
            media.add("schema", schema);
            okContent.add(f.mediaType(), media);
        }
        ok.add("content", okContent);
        JsonObject etag = new JsonObject();
        etag.addProperty("description", "Changes only when the data changes; send it back in If-None-Match");
        etag.add("schema", type("string"));
        JsonObject headers = new JsonObject();
        headers.add("ETag", etag);
        ok.add("headers", headers);
        JsonObject responses = new JsonObject();
        responses.add("200", ok);
        responses.add("304", described("Not modified: the If-None-Match ETag is current"));
        responses.add("400", problem("A parameter is unknown, missing, repeated or of the wrong type; the problem's "
                + "'parameter' names it"));
        responses.add("406", problem("The requested format cannot be produced by this query; the detail names the "
                + "formats it answers in"));
        responses.add("502", problem("The external SPARQL store behind the server failed"));
        responses.add("503", problem("The query ran past its time limit; ask again after Retry-After seconds"));
        return responses;
    }

    /** RFC 9457's problem document, as every refusal of ours is written. */
    private static JsonObject problemSchema() {
        JsonObject props = new JsonObject();
        props.add("type", type("string"));
        props.add("title", type("string"));
        props.add("status", type("integer"));
        props.add("detail", type("string"));
        props.add("parameter", type("string"));
        JsonObject problem = new JsonObject();
        problem.addProperty("type", "object");
        problem.add("properties", props);
        return problem;
    }

    private static JsonObject schema(QueryParam p) {
        JsonObject s = new JsonObject();
        switch (p.type()) {
            case IRI -> s.addProperty("type", "string");
            case STRING -> {
                s.addProperty("type", "string");
                s.addProperty("maxLength", ParamType.MAX_STRING);
            }
            case LANG -> {
                s.addProperty("type", "string");
                s.addProperty("pattern", "^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*$");
            }
            case INTEGER -> s.addProperty("type", "integer");
            case YEAR -> {
                s.addProperty("type", "integer");
                s.addProperty("minimum", 1);
                s.addProperty("maximum", 9999);
            }
            case DATE -> {
                s.addProperty("type", "string");
                s.addProperty("format", "date");
            }
            default -> throw new IllegalStateException(p.type().name());
        }
        if (p.defaultValue() != null) {
            if (p.type() == ParamType.INTEGER || p.type() == ParamType.YEAR) {
                s.addProperty("default", Long.parseLong(p.defaultValue()));
            } else {
                s.addProperty("default", p.defaultValue());
            }
        }
        return s;
    }

    private static JsonObject formatSchema(boolean graph) {
        JsonObject s = type("string");
        JsonArray values = new JsonArray();
        ResultFormat.offered(graph).forEach(f -> values.add(f.names().get(0)));
        s.add("enum", values);
        return s;
    }

    private static JsonObject problem(String description) {
        JsonObject r = described(description);
        JsonObject ref = new JsonObject();
        ref.addProperty("$ref", "#/components/schemas/Problem");
        r.add("content", content(Problem.MEDIA_TYPE, ref));
        return r;
    }

    private static JsonObject described(String description) {
        JsonObject r = new JsonObject();
        r.addProperty("description", description);
        return r;
    }

    private static JsonObject content(String mediaType, JsonObject schema) {
        JsonObject media = new JsonObject();
        media.add("schema", schema);
        JsonObject content = new JsonObject();
        content.add(mediaType, media);
        return content;
    }

    private static JsonObject type(String type) {
        JsonObject s = new JsonObject();
        s.addProperty("type", type);
        return s;
    }

    private static String camel(String kebab) {
        StringBuilder sb = new StringBuilder();
        boolean upper = false;
        for (char c : kebab.toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                sb.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return sb.toString();
    }
}
