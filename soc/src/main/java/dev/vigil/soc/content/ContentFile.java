package dev.vigil.soc.content;

import java.util.Objects;

/**
 * One file of content as it was published or exported.
 *
 * @param name the file's name or path, used only to name it in answers
 * @param text its YAML or JSON text
 */
public record ContentFile(String name, String text) {
    public ContentFile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(text, "text");
    }
}
