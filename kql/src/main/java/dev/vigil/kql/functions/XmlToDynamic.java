package dev.vigil.kql.functions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.StringReader;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * {@code parse_xml(text)}: an XML document as a dynamic value, by Kusto's rules. An element becomes a
 * property named after it: null when it is empty, its text when it has only text, else a bag of its
 * attributes ({@code @name}), its text ({@code #text}) and its child elements, where children of the
 * same name make an array. No DTD or external entity is read.
 */
final class XmlToDynamic {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String TEXT = "#text";

    private XmlToDynamic() {
    }

    /** The document as JSON text, or null when it is not well-formed XML. */
    static String parse(String xml) {
        try {
            DocumentBuilder builder = factory().newDocumentBuilder();
            builder.setErrorHandler(null);
            Document document = builder.parse(new InputSource(new StringReader(xml)));
            Element root = document.getDocumentElement();
            ObjectNode result = NODES.objectNode();
            result.set(root.getTagName(), value(root));
            return result.toString();
        } catch (Exception e) {
            return null;
        }
    }

    private static DocumentBuilderFactory factory() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setExpandEntityReferences(false);
        factory.setXIncludeAware(false);
        return factory;
    }

    private static JsonNode value(Element element) {
        ObjectNode bag = NODES.objectNode();
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Node attribute = attributes.item(i);
            bag.put("@" + attribute.getNodeName(), attribute.getNodeValue());
        }
        StringBuilder text = new StringBuilder();
        NodeList children = element.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            Node child = children.item(i);
            if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                text.append(child.getNodeValue());
            } else if (child instanceof Element childElement) {
                add(bag, childElement.getTagName(), value(childElement));
            }
        }
        String trimmed = text.toString().strip();
        if (bag.isEmpty()) {
            return trimmed.isEmpty() ? NullNode.getInstance() : TextNode.valueOf(trimmed);
        }
        if (!trimmed.isEmpty()) {
            bag.put(TEXT, trimmed);
        }
        return bag;
    }

    private static void add(ObjectNode bag, String name, JsonNode value) {
        JsonNode existing = bag.get(name);
        if (existing == null) {
            bag.set(name, value);
        } else if (existing instanceof ArrayNode array) {
            array.add(value);
        } else {
            ArrayNode array = NODES.arrayNode();
            array.add(existing);
            array.add(value);
            bag.set(name, array);
        }
    }
}
