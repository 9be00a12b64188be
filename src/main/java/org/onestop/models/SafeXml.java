package org.onestop.models;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/** The JDK's DOM parser with no DTDs and no external entities or schemas: a model is read, never fetched from. */
final class SafeXml {

    private SafeXml() {
    }

    static Document parse(byte[] content) throws SAXException, IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            // the default handler prints parse errors to standard error; the caller reports them instead
            builder.setErrorHandler(new DefaultHandler() {
                @Override
                public void error(org.xml.sax.SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            return builder.parse(new ByteArrayInputStream(content));
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser cannot be hardened", e);
        }
    }

    /**
     * All the element's own text, CDATA included, joined across its child elements: that is how the engine's parser
     * reads an element's text, so "$" before a child element and "{...}" after it are one expression there too.
     */
    static String ownText(Element element) {
        StringBuilder text = new StringBuilder();
        for (org.w3c.dom.Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == org.w3c.dom.Node.TEXT_NODE || child.getNodeType() == org.w3c.dom.Node.CDATA_SECTION_NODE) {
                text.append(child.getNodeValue());
            }
        }
        return text.toString();
    }

    /** The id of the element or of its nearest ancestor with one outside the given extension namespaces. */
    static String nearestId(Element element, java.util.Set<String> extensionNamespaces) {
        for (org.w3c.dom.Node node = element; node instanceof Element e; node = node.getParentNode()) {
            if ((e.getNamespaceURI() == null || !extensionNamespaces.contains(e.getNamespaceURI())) && e.hasAttribute("id")) {
                return e.getAttribute("id");
            }
        }
        return null;
    }

    /** The element's child elements with this local name, in order. */
    static java.util.List<Element> children(Element parent, String localName) {
        java.util.List<Element> found = new java.util.ArrayList<>();
        for (org.w3c.dom.Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e && localName.equals(e.getLocalName())) {
                found.add(e);
            }
        }
        return found;
    }
}
