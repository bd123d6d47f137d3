package org.hpacell.io;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * What hpacell needs of the OME-XML an OME-TIFF holds in its first ImageDescription: the first image's
 * dimensions, its channels' names and which TIFF page (IFD) holds each channel. Parsed with the JDK's
 * DOM parser (no DTDs, no external entities); elements are matched by local name, so every OME schema
 * version reads the same.
 *
 * @param sizeC        channels
 * @param sizeZ        focal planes
 * @param sizeT        time points
 * @param channelNames one name per channel in channel order, {@code ""} where a channel has none
 * @param ifdOfChannel the page of each channel in channel order (from {@code TiffData IFD/FirstC}; channel
 *                     {@code c} is page {@code c} when the file does not say)
 */
record OmeXml(int sizeC, int sizeZ, int sizeT, List<String> channelNames, int[] ifdOfChannel) {

    /** Whether an ImageDescription holds OME-XML. */
    static boolean looksLikeOme(String description) {
        return description != null && description.contains("<OME");
    }

    /**
     * Parses OME-XML.
     *
     * @throws IllegalArgumentException naming the problem if it is not well-formed XML, has no
     *                                  {@code Image/Pixels}, or has sizes that are not positive integers
     */
    static OmeXml parse(String xml) {
        Document doc;
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(new DefaultHandler()); // no "[Fatal Error]" on stderr: the exception says it
            doc = b.parse(new InputSource(new StringReader(xml.strip())));
        } catch (SAXException | IOException | ParserConfigurationException e) {
            throw new IllegalArgumentException("bad OME-XML: " + e.getMessage().strip().replace('\n', ' '), e);
        }
        NodeList pixelsList = doc.getElementsByTagNameNS("*", "Pixels");
        if (pixelsList.getLength() == 0) {
            throw new IllegalArgumentException("bad OME-XML: no Image/Pixels element");
        }
        Element pixels = (Element) pixelsList.item(0);
        int sizeC = size(pixels, "SizeC");
        int sizeZ = size(pixels, "SizeZ");
        int sizeT = size(pixels, "SizeT");
        List<String> names = new ArrayList<>();
        for (Element c : children(pixels, "Channel")) {
            names.add(c.getAttribute("Name").strip());
        }
        while (names.size() < sizeC) {
            names.add("");
        }
        int[] ifd = new int[sizeC];
        for (int c = 0; c < sizeC; c++) {
            ifd[c] = c;
        }
        for (Element t : children(pixels, "TiffData")) {
            if (t.hasAttribute("FirstC") && t.hasAttribute("IFD")) {
                int c = integer(t, "FirstC");
                int planes = t.hasAttribute("PlaneCount") ? integer(t, "PlaneCount") : 1;
                for (int k = 0; k < planes && c + k < sizeC; k++) {
                    ifd[c + k] = integer(t, "IFD") + k;
                }
            }
        }
        return new OmeXml(sizeC, sizeZ, sizeT, List.copyOf(names.subList(0, sizeC)), ifd);
    }

    private static List<Element> children(Element parent, String localName) {
        List<Element> out = new ArrayList<>();
        for (org.w3c.dom.Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }

    private static int size(Element pixels, String name) {
        int v = pixels.hasAttribute(name) ? integer(pixels, name) : 1;
        if (v < 1) {
            throw new IllegalArgumentException("bad OME-XML: Pixels " + name + "=" + v);
        }
        return v;
    }

    private static int integer(Element e, String name) {
        String v = e.getAttribute(name);
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException x) {
            throw new IllegalArgumentException("bad OME-XML: " + e.getLocalName() + " " + name + "='" + v
                    + "' is not an integer");
        }
    }
}
