// Validates one PDF with veraPDF's library and prints one JSON object:
// {"flavour":"2a","compliant":false,"failures":[{"rule":"6.2.11.4.1-1","description":"…","failedChecks":3}]}
// Usage: java -cp <classpath of infra/verapdf/pom.xml> Validate.java <file.pdf> [flavour: 2a, 2b, ua1, …]
// Run by infra/src/verapdf.ts; with no flavour, the one the file declares in its XMP metadata.
import java.io.File;
import java.util.Map;
import java.util.TreeMap;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

public class Validate {
  public static void main(String[] args) throws Exception {
    VeraGreenfieldFoundryProvider.initialise();
    File file = new File(args[0]);
    PDFAFlavour asked = args.length > 1 ? PDFAFlavour.fromString(args[1]) : PDFAFlavour.NO_FLAVOUR;
    try (PDFAParser parser = Foundries.defaultInstance().createParser(file, asked)) {
      PDFAFlavour flavour = asked == PDFAFlavour.NO_FLAVOUR ? parser.getFlavour() : asked;
      PDFAValidator validator = Foundries.defaultInstance().createValidator(flavour, false);
      ValidationResult result = validator.validate(parser);
      Map<String, String> descriptions = new TreeMap<>();
      Map<String, Integer> counts = new TreeMap<>();
      for (TestAssertion a : result.getTestAssertions()) {
        if (a.getStatus() != TestAssertion.Status.FAILED) continue;
        String rule = a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber();
        descriptions.putIfAbsent(rule, a.getMessage());
        counts.merge(rule, 1, Integer::sum);
      }
      StringBuilder out = new StringBuilder();
      out.append("{\"flavour\":").append(json(result.getPDFAFlavour().getId()));
      out.append(",\"compliant\":").append(result.isCompliant());
      out.append(",\"failures\":[");
      boolean first = true;
      for (String rule : descriptions.keySet()) {
        if (!first) out.append(',');
        first = false;
        out.append("{\"rule\":").append(json(rule));
        out.append(",\"description\":").append(json(descriptions.get(rule)));
        out.append(",\"failedChecks\":").append(counts.get(rule)).append('}');
      }
      out.append("]}");
      System.out.println(out);
    }
  }

  private static String json(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : (s == null ? "" : s).toCharArray()) {
      if (c == '"' || c == '\\') b.append('\\').append(c);
      else if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
      else b.append(c);
    }
    return b.append('"').toString();
  }
}
