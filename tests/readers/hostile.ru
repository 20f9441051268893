# A document and an agency whose label tries to break every export format.
PREFIX mg: <https://w3id.org/memograph/ns#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX schema: <https://schema.org/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX prov: <http://www.w3.org/ns/prov#>
INSERT DATA {
  GRAPH <https://w3id.org/memograph/id/doc/hostile-test> {
    <https://w3id.org/memograph/id/doc/hostile-test> a mg:Document ;
      dcterms:title "Hostile </title><script>alert(1)</script>" ;
      dcterms:source "tests/readers/hostile.txt" ;
      schema:mentions <https://w3id.org/memograph/id/agency/evil>, <https://w3id.org/memograph/id/agency/evil-parent> .
    <https://w3id.org/memograph/id/agency/evil> a mg:Agency ;
      rdfs:label "Evil </script><script>alert(\"x\")</script> {a|b} \\ 'q' & ]]> --> %% # ; `x`\nline2" ;
      skos:altLabel "\"EVIL\" <b>|</b>" .
    <https://w3id.org/memograph/id/agency/evil-parent> a mg:Agency ;
      rdfs:label "Parent {of} \"evil\"" .
    <https://w3id.org/memograph/id/agency/evil> org:subOrganizationOf <https://w3id.org/memograph/id/agency/evil-parent> .
    <https://w3id.org/memograph/id/fact/hostile-1> a rdf:Statement ;
      rdf:subject <https://w3id.org/memograph/id/agency/evil> ;
      rdf:predicate org:subOrganizationOf ;
      rdf:object <https://w3id.org/memograph/id/agency/evil-parent> ;
      prov:wasDerivedFrom <https://w3id.org/memograph/id/doc/hostile-test> ;
      mg:evidence "The </script> agency is part of {Parent} & \"co\"." ;
      mg:start 0 ; mg:end 10 ; mg:rule "test.hostile" .
  }
}
