// Loads a memograph Cytoscape.js export in headless cytoscape.js.
// usage: node check_cytoscape.js FILE NODES EDGES
// cytoscape.js refuses edges whose source or target is missing (it reports
// them on the console and drops them), so console errors and warnings fail
// the check, as does any difference in counts.
'use strict';
const fs = require('fs');
const cytoscape = require('cytoscape');

const [file, nodes, edges] = process.argv.slice(2);
const problems = [];
for (const level of ['error', 'warn']) {
  const original = console[level];
  console[level] = (...args) => { problems.push(args.join(' ')); original.apply(console, args); };
}
const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
const cy = cytoscape({ headless: true, styleEnabled: false, elements: doc.elements });
const gotNodes = cy.nodes().length;
const gotEdges = cy.edges().length;
if (gotNodes !== Number(nodes) || gotEdges !== Number(edges)) {
  problems.push(`${gotNodes} nodes, ${gotEdges} edges; want ${nodes}, ${edges}`);
}
cy.edges().forEach((e) => {
  if (e.source().empty() || e.target().empty()) problems.push(`dangling edge ${e.id()}`);
  if (typeof e.data('evidence') !== 'number') problems.push(`edge ${e.id()} has no evidence count`);
});
cy.nodes().forEach((n) => {
  for (const key of ['label', 'iri', 'class']) {
    if (!n.data(key)) problems.push(`node ${n.id()} has no ${key}`);
  }
});
// The sanity check of the check: an edge to a missing node must be refused.
const probe = cytoscape({ headless: true, styleEnabled: false });
const quiet = console.error; const quietWarn = console.warn;
console.error = () => {}; console.warn = () => {};
let refused = false;
try {
  probe.add([{ data: { id: 'a' } }, { data: { id: 'e', source: 'a', target: 'missing' } }]);
  refused = probe.edges().length === 0;
} catch (err) {
  refused = true;
}
console.error = quiet; console.warn = quietWarn;
if (!refused) problems.push('cytoscape.js accepted a dangling edge: the check proves nothing');
if (problems.length) {
  console.log('FAILED: ' + problems.join('; '));
  process.exit(1);
}
const bfs = cy.elements().bfs({ roots: cy.nodes().first(), directed: false });
console.log(`cytoscape.js: ${gotNodes} nodes, ${gotEdges} edges loaded, no dangling edge (bfs visited ${bfs.path.nodes().length})`);
