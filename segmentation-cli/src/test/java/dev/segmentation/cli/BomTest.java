package dev.segmentation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The bill of materials lists every published module of the reactor, at the reactor's version, and
 * every library module publishes sources, javadoc and an automatic module name.
 */
class BomTest {
  private static final Path ROOT = Path.of("..");

  private static List<String> all(Pattern p, String text) {
    List<String> out = new ArrayList<>();
    Matcher m = p.matcher(text);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  private static String version(String pom) {
    Matcher m =
        Pattern.compile(
                "<artifactId>segmentation-[a-z]+</artifactId>\\s*<version>([^<]+)</version>")
            .matcher(pom);
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  @Test
  void bom_listsEveryPublishedModule_atTheReactorsVersion() throws IOException {
    String root = Files.readString(ROOT.resolve("pom.xml"));
    String bom = Files.readString(ROOT.resolve("segmentation-bom/pom.xml"));
    List<String> modules = all(Pattern.compile("<module>([^<]+)</module>"), root);
    List<String> managed =
        all(Pattern.compile("<artifactId>(segmentation-[a-z]+)</artifactId>"), bom);
    for (String module : modules) {
      if (module.equals("segmentation-benchmarks")
          || module.equals("segmentation-bom")
          || module.startsWith("examples/")) {
        continue; // benchmarks and examples are not published; the BOM does not list itself
      }
      assertThat(managed).as("the BOM lists " + module).contains(module);
    }
    assertThat(version(bom)).isEqualTo(version(root));
  }

  @Test
  void libraryModules_publishSourcesJavadocAndAnAutomaticModuleName() throws IOException {
    for (String module :
        List.of(
            "segmentation-core", "segmentation-dsl", "segmentation-sql", "segmentation-spark")) {
      String pom = Files.readString(ROOT.resolve(module).resolve("pom.xml"));
      assertThat(pom)
          .as(module)
          .contains("<artifactId>maven-source-plugin</artifactId>")
          .contains("<artifactId>maven-javadoc-plugin</artifactId>")
          .contains("<Automatic-Module-Name>dev.segmentation." + module.substring(13));
    }
  }
}
