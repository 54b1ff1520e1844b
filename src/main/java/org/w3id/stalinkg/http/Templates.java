package org.w3id.stalinkg.http;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.MustacheFactory;

/**
 * The one template engine: Mustache over the templates in {@code src/main/resources/templates/}, each compiled once
 * and kept by the factory. A model is a typed record (its accessors are the template's names), never a map.
 *
 * <pre>
 * byte[] html = Templates.render("home.mustache", new HomePage(...));
 * </pre>
 */
public final class Templates {

    private static final MustacheFactory FACTORY = new DefaultMustacheFactory("templates");

    private Templates() {}

    /** {@code template} rendered with {@code model}, as UTF-8 bytes. */
    public static byte[] render(String template, Object... scopes) {
        StringWriter out = new StringWriter();
        FACTORY.compile(template).execute(out, scopes);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
