package dev.scoring.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * {@code scoring-bom} manages exactly the published modules of this build, at the build's
 * version: a module added to the build without its line in the BOM fails here.
 */
class BomTest {
  private static final Path TOP = Path.of("..");

  @Test
  void theBomListsEveryPublishedModuleAndNothingElse() throws Exception {
    Document parent = parse(TOP.resolve("pom.xml"));
    List<String> published = new ArrayList<>();
    for (String module : texts(parent.getDocumentElement(), "module")) {
      Path pom = TOP.resolve(module).resolve("pom.xml");
      String text = Files.readString(pom);
      boolean notPublished = text.contains("<maven.deploy.skip>true</maven.deploy.skip>");
      if (!module.equals("scoring-bom") && !notPublished) {
        published.add(module);
      }
    }
    Document bom = parse(TOP.resolve("scoring-bom").resolve("pom.xml"));
    assertThat(texts(bom.getDocumentElement(), "artifactId"))
        .containsExactlyInAnyOrderElementsOf(concat("scoring-bom", published));
    assertThat(published).contains("scoring-api", "scoring-core", "scoring-rfm");
  }

  @Test
  void theBomHasTheBuildsVersion() throws Exception {
    String buildVersion = firstChild(parse(TOP.resolve("pom.xml")).getDocumentElement(),
        "version");
    String bomVersion = firstChild(parse(TOP.resolve("scoring-bom").resolve("pom.xml"))
        .getDocumentElement(), "version");
    assertThat(bomVersion).isEqualTo(buildVersion);
  }

  private static List<String> concat(String first, List<String> rest) {
    List<String> all = new ArrayList<>(rest);
    all.add(0, first);
    return all;
  }

  private static Document parse(Path pom) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(pom.toFile());
  }

  private static List<String> texts(Element root, String tag) {
    NodeList nodes = root.getElementsByTagName(tag);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      out.add(nodes.item(i).getTextContent().trim());
    }
    return out;
  }

  private static String firstChild(Element root, String tag) {
    NodeList children = root.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      if (children.item(i) instanceof Element e && e.getTagName().equals(tag)) {
        return e.getTextContent().trim();
      }
    }
    throw new AssertionError(root.getTagName() + " must have a <" + tag + ">, but had none");
  }
}
