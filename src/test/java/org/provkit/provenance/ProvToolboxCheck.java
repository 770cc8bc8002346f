package org.provkit.provenance;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.openprovenance.prov.interop.InteropFramework;
import org.openprovenance.prov.model.Agent;
import org.openprovenance.prov.model.Document;
import org.openprovenance.prov.model.Entity;
import org.openprovenance.prov.model.QualifiedName;
import org.openprovenance.prov.model.Statement;
import org.openprovenance.prov.model.Type;
import org.openprovenance.prov.model.WasAttributedTo;
import org.openprovenance.prov.model.WasDerivedFrom;

/**
 * Reads a PROV-JSON file with ProvToolbox and prints what it understood, one fact per line. Run in its own JVM
 * by {@link ProvJsonInteropTest}: ProvToolbox 2.2.1 needs the Jackson 2.17 it was built with (provkit uses 2.20,
 * with which ProvToolbox's attribute-map deserializer cannot be constructed).
 */
public final class ProvToolboxCheck {

    public static void main(String[] args) {
        Document doc = new InteropFramework().readDocumentFromFile(args[0]);
        List<String> lines = new ArrayList<>();
        for (Object o : doc.getStatementOrBundle()) {
            if (o instanceof Agent a) {
                a.getLabel().forEach(l -> lines.add("agent " + a.getId().getLocalPart() + " label=" + l.getValue()));
            } else if (o instanceof Entity e) {
                for (Type t : e.getType()) {
                    Object v = t.getValue();
                    lines.add("entity " + e.getId().getLocalPart() + " type="
                            + (v instanceof QualifiedName q ? q.getPrefix() + ":" + q.getLocalPart() : v));
                }
            } else if (o instanceof WasAttributedTo w) {
                lines.add("wasAttributedTo " + w.getEntity().getLocalPart() + " " + w.getAgent().getLocalPart());
            } else if (o instanceof WasDerivedFrom d) {
                String type = d.getType().isEmpty() ? "" : " type=" + ((QualifiedName) d.getType().get(0).getValue()).getLocalPart();
                lines.add("wasDerivedFrom " + d.getGeneratedEntity().getLocalPart() + " " + d.getUsedEntity().getLocalPart() + type);
            } else if (o instanceof Statement s) {
                lines.add("statement " + s.getKind());
            }
        }
        new TreeSet<>(lines).forEach(System.out::println);
    }
}
